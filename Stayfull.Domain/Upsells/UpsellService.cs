using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// Early check-in and late check-out: the hotel's offers, what a stay can still buy, and buying it (a folio
/// charge, once, and the door code's new hours). Staff buy for a guest with <see cref="AcceptAsync"/>
/// (front desk and above); the guest's own check-in pages call <see cref="AcceptForGuestAsync"/> after
/// proving the guest holds the stay's link.
/// </summary>
public sealed class UpsellService(HotelSessions sessions)
{
    public Task<UpsellSettings> SettingsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => UpsellRules.SettingsAsync(s, cancellationToken), cancellationToken);

    public Task SaveSettingsAsync(UpsellSettingsValues values, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the upsell offers");
            var settings = await s.Db.UpsellSettings.SingleOrDefaultAsync(cancellationToken);
            if (settings is null)
            {
                settings = UpsellSettings.Defaults(s.HotelId);
                s.Db.UpsellSettings.Add(settings);
            }

            var before = settings.Values;
            settings.Update(values, s.Hotel.CheckInTime, s.Hotel.CheckOutTime);
            s.Audit(nameof(UpsellSettings), settings.Id, "Updated", new { From = before, To = values });
            s.Announce(ChangeTopic.Settings, settings.Id, "Upsell offers changed");
        }, cancellationToken);

    /// <summary>The offers the hotel sells for this stay (bought, available, or blocked with the reason).</summary>
    public Task<IReadOnlyList<UpsellOffer>> OffersAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var settings = await UpsellRules.SettingsAsync(s, cancellationToken);
            var bought = await s.Db.AcceptedUpsells.Where(u => u.ReservationId == reservationId).ToListAsync(cancellationToken);
            var offers = new List<UpsellOffer>();
            foreach (var kind in Enum.GetValues<UpsellKind>())
            {
                if (bought.Find(u => u.Kind == kind) is { } done)
                {
                    offers.Add(new UpsellOffer(kind, done.Time, new Money(done.PriceMinor, done.Currency), Accepted: true, Blocked: null));
                }
                else if (Terms(settings, kind) is { Enabled: true } terms)
                {
                    var blocked = await UpsellRules.BlockedAsync(s, reservation, kind, cancellationToken);
                    offers.Add(new UpsellOffer(kind, terms.Time, s.Money(terms.PriceMinor), Accepted: false, blocked));
                }
            }

            return (IReadOnlyList<UpsellOffer>)offers;
        }, cancellationToken);

    /// <summary>Staff buy an upsell for the guest. Front desk and above.</summary>
    public Task<UpsellOffer> AcceptAsync(Guid reservationId, UpsellKind kind, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "sell early check-in or late check-out");
            return AcceptInSessionAsync(s, reservationId, kind, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The guest buys an upsell from the check-in pages. No staff role: the caller has verified the guest's
    /// link for exactly this reservation and runs in that hotel's scope.
    /// </summary>
    public Task<UpsellOffer> AcceptForGuestAsync(Guid reservationId, UpsellKind kind, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s => AcceptInSessionAsync(s, reservationId, kind, cancellationToken), cancellationToken);

    private static async Task<UpsellOffer> AcceptInSessionAsync(HotelSession s, Guid reservationId, UpsellKind kind, CancellationToken cancellationToken)
    {
        var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
        var existing = await s.Db.AcceptedUpsells.SingleOrDefaultAsync(u => u.ReservationId == reservationId && u.Kind == kind, cancellationToken);
        if (existing is not null)
        {
            // Bought already (a double tap, a retry): nothing is charged again.
            return new UpsellOffer(kind, existing.Time, new Money(existing.PriceMinor, existing.Currency), Accepted: true, Blocked: null);
        }

        var terms = Terms(await UpsellRules.SettingsAsync(s, cancellationToken), kind);
        if (!terms.Enabled)
        {
            throw new RuleViolationException($"The hotel does not offer {Describe(kind)}.");
        }

        if (await UpsellRules.BlockedAsync(s, reservation, kind, cancellationToken) is { } blocked)
        {
            throw new RuleViolationException(blocked);
        }

        var serviceDate = kind == UpsellKind.EarlyCheckIn ? reservation.Arrival : reservation.Departure;
        var charge = new FolioEntry(s.HotelId, reservationId, FolioEntryKind.Charge, serviceDate, $"{Capitalized(kind)} ({(kind == UpsellKind.EarlyCheckIn ? "from" : "until")} {terms.Time:HH\\:mm})", terms.PriceMinor, s.Hotel.Currency, s.Staff.UserName, s.Now);
        s.Db.FolioEntries.Add(charge);
        var upsell = new AcceptedUpsell(s.HotelId, reservationId, kind, terms.Time, terms.PriceMinor, s.Hotel.Currency, charge.Id, s.Staff.UserName, s.Now);
        s.Db.AcceptedUpsells.Add(upsell);

        // Touching the reservation serialises concurrent postings, as every folio posting does; a second
        // accept racing this one retries, finds the upsell bought and charges nothing.
        s.Db.Entry(reservation).Property(r => r.Version).CurrentValue++;
        await UpsellKeyWindow.AtUpsellAcceptedAsync(s, reservation, upsell, cancellationToken);
        s.Audit("Folio", reservationId, FolioEntryKind.Charge.ToString(), new { charge.Description, charge.AmountMinor, charge.Currency });
        s.Audit(nameof(AcceptedUpsell), reservationId, "Accepted", new { Kind = kind.ToString(), upsell.Time, upsell.PriceMinor, upsell.Currency });
        s.Announce(ChangeTopic.Folio, reservationId, $"Charge of {s.Money(terms.PriceMinor)} on {reservation.ConfirmationCode}");
        s.Announce(ChangeTopic.Reservations, reservationId, $"{reservation.ConfirmationCode} bought {Describe(kind)} ({terms.Time:HH\\:mm})");
        return new UpsellOffer(kind, upsell.Time, s.Money(upsell.PriceMinor), Accepted: true, Blocked: null);
    }

    private static (bool Enabled, TimeOnly Time, long PriceMinor) Terms(UpsellSettings settings, UpsellKind kind) => kind == UpsellKind.EarlyCheckIn
        ? (settings.EarlyCheckInEnabled, settings.EarlyCheckInFrom, settings.EarlyCheckInPriceMinor)
        : (settings.LateCheckOutEnabled, settings.LateCheckOutUntil, settings.LateCheckOutPriceMinor);

    private static string Describe(UpsellKind kind) => kind == UpsellKind.EarlyCheckIn ? "early check-in" : "late check-out";

    private static string Capitalized(UpsellKind kind) => kind == UpsellKind.EarlyCheckIn ? "Early check-in" : "Late check-out";
}
