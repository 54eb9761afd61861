using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Folios;

/// <summary>Posts extra charges, payments and refunds to a reservation's folio.</summary>
public sealed class FolioService(HotelSessions sessions)
{
    public Task<Folio> GetAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var entries = await s.Db.FolioEntries.Where(e => e.ReservationId == reservationId).OrderBy(e => e.ServiceDate).ThenBy(e => e.PostedAt).ToListAsync(cancellationToken);
            return new Folio(entries, s.Hotel.Currency);
        }, cancellationToken);

    public Task<FolioEntry> AddChargeAsync(Guid reservationId, string description, long amountMinor, CancellationToken cancellationToken) =>
        PostAsync(reservationId, FolioEntryKind.Charge, description, amountMinor, cancellationToken);

    public Task<FolioEntry> RecordPaymentAsync(Guid reservationId, string description, long amountMinor, CancellationToken cancellationToken) =>
        PostAsync(reservationId, FolioEntryKind.Payment, description, amountMinor, cancellationToken);

    /// <summary>Refunds part or all of what was paid; never more than was paid and not yet refunded.</summary>
    public Task<FolioEntry> RefundAsync(Guid reservationId, string description, long amountMinor, CancellationToken cancellationToken) =>
        PostAsync(reservationId, FolioEntryKind.Refund, description, amountMinor, cancellationToken);

    private Task<FolioEntry> PostAsync(Guid reservationId, FolioEntryKind kind, string description, long amountMinor, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(kind == FolioEntryKind.Refund ? StaffRole.Manager : StaffRole.FrontDesk, kind == FolioEntryKind.Refund ? "refund payments" : "post to folios");
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            if (reservation.Status is ReservationStatus.CheckedOut && kind == FolioEntryKind.Charge)
            {
                throw new RuleViolationException("The guest has checked out; the folio is closed to new charges.");
            }

            if (kind == FolioEntryKind.Refund)
            {
                var entries = await s.Db.FolioEntries.Where(e => e.ReservationId == reservationId).ToListAsync(cancellationToken);
                var refundable = new Folio(entries, s.Hotel.Currency).Refundable;
                if (amountMinor > refundable.Minor)
                {
                    throw new RuleViolationException($"At most {refundable} can be refunded.");
                }
            }

            var entry = new FolioEntry(s.HotelId, reservationId, kind, s.Today, description, amountMinor, s.Hotel.Currency, s.Staff.UserName, s.Now);
            s.Db.FolioEntries.Add(entry);

            // Touching the reservation serialises concurrent postings and records who changed it last.
            s.Db.Entry(reservation).Property(r => r.Version).CurrentValue++;
            s.Audit("Folio", reservationId, kind.ToString(), new { entry.Description, entry.AmountMinor, entry.Currency });
            s.Announce(ChangeTopic.Folio, reservationId, $"{kind} of {s.Money(amountMinor)} on {reservation.ConfirmationCode}");
            return entry;
        }, cancellationToken);
}
