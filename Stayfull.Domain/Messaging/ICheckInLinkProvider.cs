using Stayfull.Domain.Hotels;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Messaging;

/// <summary>
/// Port: the guest's online check-in link for a reservation (signed and expiring, made by the web
/// host). Null when the host cannot make absolute links (no public address configured): the message
/// then goes out without one rather than with a broken one.
/// </summary>
public interface ICheckInLinkProvider
{
    string? LinkFor(Hotel hotel, Reservation reservation);
}
