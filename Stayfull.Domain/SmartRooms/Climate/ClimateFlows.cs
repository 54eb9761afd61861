using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// Decides what each room's thermostat should be asked for, inside the caller's session, so the request,
/// its eco period and the outbox intent commit with the change that caused them. Rules:
/// a room whose guest arrives within the lead time is brought to comfort; a vacant room rests in eco;
/// a room with a guest checked in is never set back, and the guest's own hand on the dial stands.
/// </summary>
internal static class ClimateFlows
{
    /// <summary>The guest checked out: the room goes to eco at once, or straight to comfort when the next guest is due.</summary>
    public static async Task AtCheckOutAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        if (reservation.RoomId is not { } roomId)
        {
            return;
        }

        var thermostats = (await ThermostatsAsync(s, cancellationToken)).Where(t => t.RoomId == roomId).ToList();
        if (thermostats.Count == 0)
        {
            return;
        }

        var settings = await SettingsAsync(s, cancellationToken);
        var next = (await ArrivalsDueAsync(s, settings, cancellationToken)).FirstOrDefault(r => r.RoomId == roomId);
        foreach (var thermostat in thermostats)
        {
            if (next is not null)
            {
                await RequestAsync(s, settings, thermostat, ClimateMode.Comfort, ClimateOperations.ForStay(next.Id), $"pre-arrival {next.ConfirmationCode}", cancellationToken);
            }
            else
            {
                await RequestAsync(s, settings, thermostat, ClimateMode.Eco, ClimateOperations.AfterStay(reservation.Id), $"vacant after {reservation.ConfirmationCode}", cancellationToken);
            }
        }
    }

    /// <summary>
    /// Comfort for the rooms of guests arriving within the lead time (hotel time), unless the room still has
    /// a guest checked in; and for in-house rooms we had left in eco that nobody has set by hand since.
    /// </summary>
    /// <returns>How many thermostats were asked for comfort.</returns>
    public static async Task<int> PreConditionAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var thermostats = await ThermostatsAsync(s, cancellationToken);
        if (thermostats.Count == 0)
        {
            return 0;
        }

        var settings = await SettingsAsync(s, cancellationToken);
        var states = await StatesAsync(s, cancellationToken);
        var inHouse = await s.Db.Reservations
            .Where(r => r.Status == ReservationStatus.CheckedIn && r.RoomId != null)
            .ToListAsync(cancellationToken);
        var occupied = inHouse.Select(r => r.RoomId!.Value).ToHashSet();
        var asked = 0;
        foreach (var arrival in await ArrivalsDueAsync(s, settings, cancellationToken))
        {
            foreach (var thermostat in thermostats.Where(t => t.RoomId == arrival.RoomId && !occupied.Contains(t.RoomId)))
            {
                if (states.GetValueOrDefault(thermostat.Id)?.Holds(ClimateMode.Comfort) != true
                    && await RequestAsync(s, settings, thermostat, ClimateMode.Comfort, ClimateOperations.ForStay(arrival.Id), $"pre-arrival {arrival.ConfirmationCode}", cancellationToken))
                {
                    asked++;
                }
            }
        }

        foreach (var stay in inHouse)
        {
            foreach (var thermostat in thermostats.Where(t => t.RoomId == stay.RoomId))
            {
                if (states.GetValueOrDefault(thermostat.Id) is { RequestedMode: ClimateMode.Eco, IsManuallyOverridden: false }
                    && await RequestAsync(s, settings, thermostat, ClimateMode.Comfort, ClimateOperations.ForStay(stay.Id), $"guest in {stay.ConfirmationCode}", cancellationToken))
                {
                    asked++;
                }
            }
        }

        return asked;
    }

    /// <summary>
    /// Eco for every room unsold tonight (no guest checked in, no stay over tonight, no arrival due for
    /// comfort) whose thermostat is not already resting in eco.
    /// </summary>
    /// <returns>How many thermostats were set back.</returns>
    public static async Task<int> SetBackVacantAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var thermostats = await ThermostatsAsync(s, cancellationToken);
        if (thermostats.Count == 0)
        {
            return 0;
        }

        var settings = await SettingsAsync(s, cancellationToken);
        var states = await StatesAsync(s, cancellationToken);
        var today = s.Today;
        var taken = (await s.Db.Reservations
                .Where(r => r.RoomId != null && (r.Status == ReservationStatus.CheckedIn
                    || (r.Status == ReservationStatus.Confirmed && r.Arrival <= today && r.Departure > today)))
                .Select(r => r.RoomId!.Value)
                .ToListAsync(cancellationToken))
            .Concat((await ArrivalsDueAsync(s, settings, cancellationToken)).Select(r => r.RoomId!.Value))
            .ToHashSet();
        var asked = 0;
        foreach (var thermostat in thermostats.Where(t => !taken.Contains(t.RoomId)))
        {
            if (states.GetValueOrDefault(thermostat.Id)?.Holds(ClimateMode.Eco) != true
                && await RequestAsync(s, settings, thermostat, ClimateMode.Eco, ClimateOperations.ForNight(today), "vacant tonight", cancellationToken))
            {
                asked++;
            }
        }

        return asked;
    }

    public static async Task<ClimateSettings> SettingsAsync(HotelSession s, CancellationToken cancellationToken) =>
        await s.Db.ClimateSettings.FirstOrDefaultAsync(cancellationToken) ?? ClimateSettings.Defaults(s.HotelId);

    /// <summary>
    /// Records the request, opens or closes the eco period and queues the intent. Nothing happens when the
    /// same mode was already asked of this thermostat for the same period.
    /// </summary>
    /// <returns>False when this request had already been made.</returns>
    private static async Task<bool> RequestAsync(HotelSession s, ClimateSettings settings, Thermostat thermostat, ClimateMode mode, string period, string reason, CancellationToken cancellationToken)
    {
        var key = ClimateOperations.Key(thermostat.Id, mode, period);
        if (s.Db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == key)
            || await s.Db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        var state = await s.Db.RoomClimates.SingleOrDefaultAsync(c => c.RoomDeviceId == thermostat.Id, cancellationToken);
        if (state is null)
        {
            state = new RoomClimate(s.HotelId, thermostat.Id);
            s.Db.RoomClimates.Add(state);
        }

        var (heating, cooling) = settings.SetPointsFor(mode);
        state.Request(mode, heating, cooling, reason, s.Now);
        var open = await s.Db.EcoPeriods.FirstOrDefaultAsync(p => p.RoomDeviceId == thermostat.Id && p.EndedAt == null, cancellationToken);
        if (mode == ClimateMode.Eco)
        {
            if (open is null)
            {
                s.Db.EcoPeriods.Add(new EcoPeriod(s.HotelId, thermostat.Id, s.Now));
            }
        }
        else
        {
            open?.End(s.Now);
        }

        await Outbox.EnqueueAsync(s, IntegrationVendor.Seam, ClimateOperations.SetClimate, new SetClimateIntent(thermostat.Id, state.RequestId!.Value), key, cancellationToken);
        s.Audit(nameof(RoomClimate), thermostat.Id, "ClimateRequested", new { Room = thermostat.RoomNumber, Mode = mode.ToString(), HeatingCelsius = heating, CoolingCelsius = cooling, Reason = reason });
        s.Announce(ChangeTopic.Locks, thermostat.Id, $"Room {thermostat.RoomNumber}: {mode.ToString().ToLowerInvariant()} ({reason})");
        return true;
    }

    /// <summary>Confirmed stays with a room whose check-in time, less the lead, has come (today or later in the hotel's calendar).</summary>
    private static async Task<IReadOnlyList<Reservation>> ArrivalsDueAsync(HotelSession s, ClimateSettings settings, CancellationToken cancellationToken)
    {
        var today = s.Today;
        var horizon = today.AddDays(2); // the longest lead is a day; check-in may be early in the morning
        var candidates = await s.Db.Reservations
            .Where(r => r.Status == ReservationStatus.Confirmed && r.RoomId != null && r.Arrival >= today && r.Arrival <= horizon)
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(r => s.Hotel.Instant(r.Arrival, s.Hotel.CheckInTime) - settings.PreConditionLead <= s.Now)
            .OrderBy(r => r.Arrival)];
    }

    private static async Task<IReadOnlyList<Thermostat>> ThermostatsAsync(HotelSession s, CancellationToken cancellationToken) =>
        await (from d in s.Db.RoomDevices
               join r in s.Db.Rooms on d.RoomId equals r.Id
               where d.Kind == RoomDeviceKind.Thermostat
               orderby r.Number
               select new Thermostat(d.Id, r.Id, r.Number))
            .ToListAsync(cancellationToken);

    private static async Task<Dictionary<Guid, RoomClimate>> StatesAsync(HotelSession s, CancellationToken cancellationToken) =>
        await s.Db.RoomClimates.AsNoTracking().ToDictionaryAsync(c => c.RoomDeviceId, cancellationToken);

    private sealed record Thermostat(Guid Id, Guid RoomId, string RoomNumber);
}
