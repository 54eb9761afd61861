using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.Payments;

/// <summary>
/// What the rate plan's payment policy asks for at each step of a stay. Each step only records a
/// <see cref="Payment"/> and an outbox intent in the caller's session, so the reservation change and
/// the intent to call the provider commit together (or neither does).
/// </summary>
internal static class PaymentFlows
{
    /// <summary>At booking: hold a deposit or the whole stay on the card, per the plan.</summary>
    public static async Task AtBookingAsync(HotelSession s, Reservation reservation, RatePlan plan, long stayTotalMinor, string? guestEmail, CancellationToken cancellationToken)
    {
        var amount = plan.AmountToSecure(stayTotalMinor);
        if (amount <= 0)
        {
            return;
        }

        var kind = plan.PaymentPolicy == PaymentPolicyKind.Deposit ? PaymentKind.Deposit : PaymentKind.PreAuthorisation;
        var payment = new Payment(s.HotelId, reservation.Id, kind, amount, s.Hotel.Currency, s.Now);
        s.Db.Payments.Add(payment);
        var description = $"{(kind == PaymentKind.Deposit ? "Deposit" : "Pre-authorisation")} for {reservation.ConfirmationCode}";
        await Outbox.EnqueueAsync(
            s,
            IntegrationVendor.Stripe,
            PaymentOperations.CreatePaymentIntent,
            new CreatePaymentIntentIntent(payment.Id, reservation.Id, reservation.ConfirmationCode, amount, s.Hotel.Currency, description, guestEmail),
            PaymentOperations.DepositKey(reservation.Id),
            cancellationToken);
        s.Audit(nameof(Payment), reservation.Id, "HoldRequested", new { Kind = kind.ToString(), AmountMinor = amount });
    }

    /// <summary>At check-in: take what the card holds (the folio shows it when the provider confirms).</summary>
    public static async Task AtCheckInAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var hold = await HoldAsync(s, reservation.Id, cancellationToken);
        if (hold is not { IsCapturable: true })
        {
            return;
        }

        await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Capture, new PaymentActionIntent(hold.Id, null), PaymentOperations.CaptureKey(reservation.Id), cancellationToken);
        s.Audit(nameof(Payment), reservation.Id, "CaptureRequested", new { hold.AuthorisedMinor });
    }

    /// <summary>
    /// At check-out: a hold that is still on the card (the guest authorised it only after check-in, or
    /// check-in found nothing to capture) pays what is owed now, up to what it holds, under the same
    /// capture key as check-in, so a capture already asked for is never asked for twice. With nothing
    /// owed the hold is released. Returns what the card covers, which the folio shows once the
    /// provider confirms.
    /// </summary>
    public static async Task<long> AtCheckOutAsync(HotelSession s, Reservation reservation, long balanceMinor, CancellationToken cancellationToken)
    {
        var hold = await HoldAsync(s, reservation.Id, cancellationToken);
        if (hold is not { IsCapturable: true })
        {
            return 0;
        }

        var key = PaymentOperations.CaptureKey(reservation.Id);
        var asked = await s.Db.OutboxMessages.SingleOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
        if (asked is not null)
        {
            // Check-in already asked for the capture; its confirmation has not arrived yet.
            var intent = System.Text.Json.JsonSerializer.Deserialize<PaymentActionIntent>(asked.Payload, JsonDefaults.Options);
            return Math.Min(intent?.AmountMinor ?? hold.AuthorisedMinor, hold.AuthorisedMinor);
        }

        if (balanceMinor <= 0)
        {
            await ReleaseAsync(s, reservation, cancellationToken);
            return 0;
        }

        var take = Math.Min(balanceMinor, hold.AuthorisedMinor);
        await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Capture, new PaymentActionIntent(hold.Id, take), key, cancellationToken);
        s.Audit(nameof(Payment), reservation.Id, "CaptureAtCheckOutRequested", new { hold.AuthorisedMinor, CaptureMinor = take });
        return take;
    }

    /// <summary>
    /// At cancellation: free inside the plan's window (the hold is released); later, the first night is
    /// charged (taken from the hold when there is one, otherwise left on the folio for the desk).
    /// </summary>
    public static async Task AtCancellationAsync(HotelSession s, Reservation reservation, long firstNightMinor, CancellationToken cancellationToken)
    {
        var plan = await s.Db.RatePlans.SingleAsync(p => p.Id == reservation.RatePlanId, cancellationToken);
        if (plan.PaymentPolicy == PaymentPolicyKind.None)
        {
            return; // not guaranteed: there is no fee to take and nothing held to release
        }

        if (plan.CancelsFreely(reservation.Arrival, s.Today))
        {
            await ReleaseAsync(s, reservation, cancellationToken);
            return;
        }

        await ChargeFeeAsync(s, reservation, firstNightMinor, "Cancellation fee (first night)", PaymentOperations.CancellationFeeKey(reservation.Id), cancellationToken);
    }

    /// <summary>
    /// At no-show: a guaranteed booking (its plan secures a deposit or a hold) is charged the first night,
    /// as for a late cancellation; a booking that was never guaranteed is simply released.
    /// </summary>
    public static async Task AtNoShowAsync(HotelSession s, Reservation reservation, long firstNightMinor, CancellationToken cancellationToken)
    {
        var plan = await s.Db.RatePlans.SingleAsync(p => p.Id == reservation.RatePlanId, cancellationToken);
        if (plan.PaymentPolicy != PaymentPolicyKind.None)
        {
            await ChargeFeeAsync(s, reservation, firstNightMinor, "No-show fee (first night)", PaymentOperations.NoShowFeeKey(reservation.Id), cancellationToken);
        }
    }

    private static async Task ReleaseAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var hold = await HoldAsync(s, reservation.Id, cancellationToken);
        if (hold is not { IsReleasable: true })
        {
            return;
        }

        await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Release, new PaymentActionIntent(hold.Id, null), PaymentOperations.ReleaseKey(reservation.Id), cancellationToken);
        s.Audit(nameof(Payment), reservation.Id, "ReleaseRequested", new { hold.AmountMinor });
    }

    private static async Task ChargeFeeAsync(HotelSession s, Reservation reservation, long feeMinor, string description, string key, CancellationToken cancellationToken)
    {
        if (feeMinor <= 0)
        {
            return;
        }

        s.Db.FolioEntries.Add(new FolioEntry(s.HotelId, reservation.Id, FolioEntryKind.Charge, s.Today, description, feeMinor, s.Hotel.Currency, s.Staff.UserName, s.Now));
        var hold = await HoldAsync(s, reservation.Id, cancellationToken);
        if (hold is { IsCapturable: true })
        {
            // Capturing part of a hold releases the rest at the provider.
            var take = Math.Min(feeMinor, hold.AuthorisedMinor);
            await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Capture, new PaymentActionIntent(hold.Id, take), key, cancellationToken);
            s.Audit(nameof(Payment), reservation.Id, "FeeCaptureRequested", new { FeeMinor = feeMinor, CaptureMinor = take });
        }
        else if (hold is { IsReleasable: true })
        {
            // A hold the guest never completed cannot pay the fee: drop it, the fee stays on the folio.
            await Outbox.EnqueueAsync(s, IntegrationVendor.Stripe, PaymentOperations.Release, new PaymentActionIntent(hold.Id, null), PaymentOperations.ReleaseKey(reservation.Id), cancellationToken);
        }
    }

    /// <summary>The booking-time hold of a reservation, if its plan asked for one.</summary>
    private static Task<Payment?> HoldAsync(HotelSession s, Guid reservationId, CancellationToken cancellationToken) =>
        s.Db.Payments
            .Where(p => p.ReservationId == reservationId && p.Kind != PaymentKind.Balance)
            .OrderBy(p => p.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
