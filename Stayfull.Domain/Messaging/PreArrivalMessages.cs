using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Messaging;

/// <summary>Bound from <c>Messaging:PreArrival</c>.</summary>
public sealed class PreArrivalOptions
{
    public const string Section = "Messaging:PreArrival";

    /// <summary>How many days before arrival the pre-arrival email goes out.</summary>
    public int DaysBefore { get; set; } = 2;
}

/// <summary>
/// Queues the pre-arrival email for every confirmed stay arriving in <see cref="PreArrivalOptions.DaysBefore"/>
/// days, hotel by hotel, each in its own hotel's "today". Safe to run as often as wanted: a reservation's
/// pre-arrival message is queued once (its outbox key is derived from the reservation).
/// </summary>
public sealed class PreArrivalMessages(StayfullDb database, IServiceScopeFactory scopes, IOptions<PreArrivalOptions> options)
{
    /// <returns>How many reservations were considered across hotels.</returns>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> hotels;
        await using (var platform = database.ForPlatform())
        {
            hotels = await platform.Hotels.Select(h => h.Id).ToListAsync(cancellationToken);
        }

        var considered = 0;
        foreach (var hotelId in hotels)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            var links = scope.ServiceProvider.GetService<ICheckInLinkProvider>();
            considered += await scope.ServiceProvider.GetRequiredService<HotelSessions>().WriteAsync(s => QueueForHotelAsync(s, links, cancellationToken), cancellationToken);
        }

        return considered;
    }

    private async Task<int> QueueForHotelAsync(HotelSession s, ICheckInLinkProvider? links, CancellationToken cancellationToken)
    {
        var arrival = s.Today.AddDays(options.Value.DaysBefore);
        var due = await (from r in s.Db.Reservations
                         join g in s.Db.Guests on r.GuestId equals g.Id
                         where r.Arrival == arrival && r.Status == ReservationStatus.Confirmed && g.Email != null
                         select new { Reservation = r, Guest = g })
            .ToListAsync(cancellationToken);
        foreach (var stay in due)
        {
            var extras = new TemplateExtras(CheckInLink: links?.LinkFor(s.Hotel, stay.Reservation) ?? "");
            await GuestMessaging.QueueEmailIfPossibleAsync(s, stay.Guest, stay.Reservation, MessageTemplateKeys.PreArrival, cancellationToken, extras);
        }

        return due.Count;
    }
}
