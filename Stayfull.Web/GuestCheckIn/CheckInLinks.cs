using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;

namespace Stayfull.Web.GuestCheckIn;

/// <summary>
/// The guest's check-in link: <c>/checkin/{token}</c>, where the token is the hotel and reservation ids
/// signed and encrypted by Data Protection under a purpose of its own (a token made for anything else
/// never opens here) with an expiry. Reading never throws: bad, expired or altered tokens are null.
/// </summary>
public sealed class CheckInLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<CheckInLinkOptions> options) : ICheckInLinkProvider
{
    public const string Purpose = "Stayfull.GuestCheckIn.Link.v1";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string TokenFor(CheckInTicket ticket, DateTimeOffset expires) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticket.HotelId:N}.{ticket.ReservationId:N}"), expires);

    /// <summary>A token for the reservation, valid until the end of its departure day in the hotel's time zone (or the configured lifetime).</summary>
    public string TokenFor(Hotel hotel, Reservation reservation) =>
        TokenFor(new CheckInTicket(hotel.Id, reservation.Id), ExpiryOf(reservation.Departure, hotel.TimeZone));

    public DateTimeOffset ExpiryOf(DateOnly departure, TimeZoneInfo hotelZone) =>
        options.Value.Lifetime is { } lifetime
            ? time.GetUtcNow() + lifetime
            : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(departure.AddDays(1).ToDateTime(TimeOnly.MinValue), hotelZone), TimeSpan.Zero);

    /// <summary>The absolute link on <paramref name="baseUri"/> (the page's own address), or on the configured public address.</summary>
    public Uri? LinkFor(Hotel hotel, Reservation reservation, Uri? baseUri) =>
        LinkFor(new CheckInTicket(hotel.Id, reservation.Id), reservation.Departure, hotel.TimeZone, baseUri);

    public Uri? LinkFor(CheckInTicket ticket, DateOnly departure, TimeZoneInfo hotelZone, Uri? baseUri)
    {
        var root = baseUri?.GetLeftPart(UriPartial.Authority) ?? options.Value.PublicBaseUrl?.TrimEnd('/');
        return string.IsNullOrWhiteSpace(root) ? null : new Uri($"{root}/checkin/{TokenFor(ticket, ExpiryOf(departure, hotelZone))}");
    }

    string? ICheckInLinkProvider.LinkFor(Hotel hotel, Reservation reservation) => LinkFor(hotel, reservation, null)?.ToString();

    /// <summary>The hotel and reservation of a token, or null when it is malformed, altered, made for another purpose or expired.</summary>
    public CheckInTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(token, out var expires);
            // Data Protection checks the wall clock; the business clock must agree as well.
            if (expires <= time.GetUtcNow())
            {
                return null;
            }

            var parts = payload.Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var hotelId) && Guid.TryParseExact(parts[1], "N", out var reservationId)
                ? new CheckInTicket(hotelId, reservationId)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
