using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.CheckIn;

/// <summary>
/// How a guest, who has no staff sign-in, acts on their own reservation. Each guest action runs in a
/// fresh service scope whose <see cref="BackgroundStaffScope"/> holds a context for the hotel named in
/// the signed link, with the lowest role and a "guest" identity. The session's data layer is therefore
/// bound to that one hotel (a link of hotel A can never read hotel B), the role opens no staff action,
/// and the guest services check the reservation id themselves. Nothing the guest types chooses the hotel.
/// </summary>
public sealed class GuestActor(IServiceScopeFactory scopes)
{
    public const string Name = "Guest (online check-in)";

    public static StaffContext ContextFor(CheckInTicket ticket) =>
        new(ticket.HotelId, "guest:" + ticket.ReservationId.ToString("N"), Name, StaffRole.Housekeeping);

    public async Task<T> WriteAsync<T>(CheckInTicket ticket, Func<HotelSession, IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = Open(ticket);
        return await scope.ServiceProvider.GetRequiredService<HotelSessions>().WriteAsync(s => work(s, scope.ServiceProvider), cancellationToken);
    }

    public async Task<T> ReadAsync<T>(CheckInTicket ticket, Func<HotelSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var scope = Open(ticket);
        return await scope.ServiceProvider.GetRequiredService<HotelSessions>().ReadAsync(read, cancellationToken);
    }

    public AsyncServiceScope Open(CheckInTicket ticket)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = ContextFor(ticket);
        return scope;
    }
}
