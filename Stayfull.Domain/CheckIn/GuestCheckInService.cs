using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.CheckIn;

/// <summary>
/// Online check-in from the guest's link: the identity check (with lockout), the stay summary, each
/// step saved as it is done, the payment, and the door key. Every guest action runs through
/// <see cref="GuestActor"/>, bound to the hotel of the signed link. The desk's side is in the other part.
/// </summary>
public sealed partial class GuestCheckInService(GuestActor guests, HotelSessions sessions)
{
    public const int MaxSignatureTextLength = 200;

    /// <summary>What the link shows before the identity check; refuses a stay that has ended.</summary>
    public Task<CheckInOpening> OpenAsync(CheckInTicket ticket, CancellationToken cancellationToken) =>
        guests.ReadAsync(ticket, async s =>
        {
            var reservation = await OpenReservationAsync(s, ticket, cancellationToken);
            var pre = await s.Db.PreCheckIns.SingleOrDefaultAsync(p => p.ReservationId == reservation.Id, cancellationToken);
            return new CheckInOpening(s.Hotel.Name, s.Hotel.TimeZoneId, pre?.IsLocked(s.Now) == true ? pre.LockedUntil : null);
        }, cancellationToken);

    /// <summary>
    /// Checks the guest's last name (any case, with or without accents) and confirmation code. Five wrong
    /// answers in a row lock the link for 15 minutes; the count is stored with the reservation.
    /// </summary>
    public Task<VerificationResult> VerifyAsync(CheckInTicket ticket, string lastName, string confirmationCode, string? ip, CancellationToken cancellationToken) =>
        guests.WriteAsync(ticket, async (s, _) =>
        {
            var reservation = await OpenReservationAsync(s, ticket, cancellationToken);
            var pre = await PreCheckInOfAsync(s, reservation.Id, cancellationToken);
            if (pre.IsLocked(s.Now))
            {
                return Locked(s, pre);
            }

            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var codeMatches = string.Equals((confirmationCode ?? "").Trim(), reservation.ConfirmationCode, StringComparison.OrdinalIgnoreCase);
            if (!codeMatches || !LastNameMatches(guest.FullName, lastName ?? ""))
            {
                pre.FailedVerification(s.Now);
                s.Audit(nameof(PreCheckIn), reservation.Id, "VerificationFailed", new { ip });
                return pre.IsLocked(s.Now)
                    ? Locked(s, pre)
                    : new VerificationResult(null, "That last name and confirmation code do not match this booking. Check your confirmation email and try again.", null);
            }

            pre.Verified(s.Now);
            return new VerificationResult(new GuestPass(ticket), null, null);
        }, cancellationToken);

    /// <summary>The wizard's state; a step the guest no longer needs (nothing left to pay) is marked done here.</summary>
    public Task<GuestCheckInView> ResumeAsync(GuestPass pass, CancellationToken cancellationToken) =>
        guests.WriteAsync(pass.Ticket, async (s, _) =>
        {
            var reservation = await OpenReservationAsync(s, pass.Ticket, cancellationToken);
            var pre = await PreCheckInOfAsync(s, reservation.Id, cancellationToken);
            var stay = await SummaryAsync(s, reservation, cancellationToken);
            var pending = false;
            if (!pre.IsDone(CheckInStep.Payment))
            {
                if (stay.Balance.Minor <= 0)
                {
                    pre.CompletePayment(GuestActor.Name, s.Now);
                    Changed(s, reservation, "Online check-in: nothing left to pay");
                }
                else
                {
                    pending = await s.Db.Payments.AnyAsync(p => p.ReservationId == reservation.Id && p.Kind == PaymentKind.Balance && p.Status == PaymentStatus.Pending && p.CheckoutUrl != null, cancellationToken);
                }
            }

            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var details = pre.DetailsSavedAt is null
                ? new GuestDetails(guest.FullName, guest.Email ?? "", guest.Phone ?? "", "", "", "", "", "", null, "", null, null)
                : new GuestDetails(pre.FullName ?? guest.FullName, pre.Email ?? guest.Email ?? "", pre.Phone ?? guest.Phone ?? "", pre.Street ?? "", pre.City ?? "", pre.PostalCode ?? "", pre.Country ?? "", pre.Nationality ?? "", pre.DocumentType, pre.DocumentNumber ?? "", pre.EstimatedArrival, pre.SpecialRequests);
            return new GuestCheckInView(stay, PreCheckInStatus.Of(s.HotelId, reservation.Id, pre), details, CheckInPolicy.For(s.Hotel), pending);
        }, cancellationToken);

    public Task ConfirmStayAsync(GuestPass pass, CancellationToken cancellationToken) =>
        GuestStepAsync(pass, (s, pre, _) =>
        {
            pre.ConfirmStay(GuestActor.Name, s.Now);
            return Task.FromResult("stay confirmed");
        }, cancellationToken);

    /// <summary>Saves the guest's details; a bad field comes back as a <see cref="ValidationException"/> naming it.</summary>
    public Task SaveDetailsAsync(GuestPass pass, GuestDetails details, CancellationToken cancellationToken)
    {
        var valid = details.Validated();
        return GuestStepAsync(pass, async (s, pre, reservation) =>
        {
            pre.SaveDetails(valid, GuestActor.Name, s.Now);
            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            guest.Update(valid.FullName, valid.Email, valid.Phone); // the key and receipts go to the address the guest just gave
            return "details saved";
        }, cancellationToken);
    }

    /// <summary>Records acceptance of the hotel's terms with a typed signature (or a drawn one), the time and the guest's IP.</summary>
    public Task AcceptTermsAsync(GuestPass pass, bool accepted, string? typedSignature, string? drawnSignature, string? ip, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var typed = string.IsNullOrWhiteSpace(typedSignature) ? null : typedSignature.Trim();
        var drawn = string.IsNullOrWhiteSpace(drawnSignature) ? null : drawnSignature.Trim();
        if (!accepted)
        {
            errors["accepted"] = ["Tick the box to accept the house rules."];
        }

        if (typed is null && drawn is null)
        {
            errors["signature"] = ["Sign by typing your full name (or draw your signature)."];
        }
        else if (typed is { Length: > MaxSignatureTextLength })
        {
            errors["signature"] = [$"The typed signature is at most {MaxSignatureTextLength} characters."];
        }

        if (drawn is not null && (!drawn.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || drawn.Length > PreCheckIn.MaxSignatureImageLength))
        {
            errors["drawnSignature"] = ["The drawn signature could not be read; clear it and draw again, or type your name."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return GuestStepAsync(pass, (s, pre, _) =>
        {
            pre.AcceptTerms(CheckInPolicy.For(s.Hotel).Version, typed, drawn, Truncate(ip, 64), GuestActor.Name, s.Now);
            return Task.FromResult("terms accepted");
        }, cancellationToken);
    }

    /// <summary>
    /// A hosted payment page for the open balance (the demo page when the hotel has no Stripe keys).
    /// Returns null when nothing is owed: the step is then done. Asking again while a page is open returns it.
    /// </summary>
    public async Task<Uri?> StartPaymentAsync(GuestPass pass, Uri returnUrl, CancellationToken cancellationToken)
    {
        await using var scope = guests.Open(pass.Ticket);
        var scoped = scope.ServiceProvider.GetRequiredService<HotelSessions>();
        var (payment, request, open) = await scoped.WriteAsync(async s =>
        {
            var reservation = await OpenReservationAsync(s, pass.Ticket, cancellationToken);
            var pre = await PreCheckInOfAsync(s, reservation.Id, cancellationToken);
            var balance = new Folio(await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync(cancellationToken), s.Hotel.Currency).Balance.Minor;
            if (balance <= 0)
            {
                pre.CompletePayment(GuestActor.Name, s.Now);
                Changed(s, reservation, "Online check-in: nothing left to pay");
                return (null, null, (string?)null);
            }

            var existing = await s.Db.Payments.Where(p => p.ReservationId == reservation.Id && p.Kind == PaymentKind.Balance && p.Status == PaymentStatus.Pending && p.AmountMinor == balance && p.CheckoutUrl != null)
                .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return (null, null, existing.CheckoutUrl);
            }

            var guest = await s.Db.Guests.SingleAsync(g => g.Id == reservation.GuestId, cancellationToken);
            var created = new Payment(s.HotelId, reservation.Id, PaymentKind.Balance, balance, s.Hotel.Currency, s.Now);
            s.Db.Payments.Add(created);
            s.Audit(nameof(Payment), reservation.Id, "GuestPaymentRequested", new { AmountMinor = balance });
            return ((Payment?)created, (CheckoutRequest?)new CheckoutRequest(created.Id, reservation.Id, reservation.ConfirmationCode, balance, s.Hotel.Currency, $"Balance of {reservation.ConfirmationCode}", guest.Email, returnUrl), (string?)null);
        }, cancellationToken);
        if (open is not null)
        {
            return new Uri(open);
        }

        if (payment is null || request is null)
        {
            return null;
        }

        GatewayCheckout checkout;
        try
        {
            checkout = await scope.ServiceProvider.GetRequiredService<IPaymentGateway>().CreateCheckoutAsync(payment.HotelId, request, PaymentOperations.CheckoutKey(payment.Id), cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            await scoped.WriteAsync(async s => (await s.Db.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken)).Failed(ex.Message, s.Now), cancellationToken);
            throw new RuleViolationException("The payment page could not be opened just now. Please try again in a minute, or pay at the desk.");
        }

        await scoped.WriteAsync(async s =>
        {
            var saved = await s.Db.Payments.SingleAsync(p => p.Id == payment.Id, cancellationToken);
            saved.RecordCheckout(checkout.SessionId, checkout.Url.ToString(), s.Now);
            s.Announce(ChangeTopic.Folio, saved.ReservationId, $"Guest opened a payment page for {s.Money(saved.AmountMinor)}");
        }, cancellationToken);
        return checkout.Url;
    }

    /// <summary>The guest's door key, or when it will arrive.</summary>
    public Task<GuestKeyStatus> KeyStatusAsync(GuestPass pass, CancellationToken cancellationToken) =>
        guests.ReadAsync(pass.Ticket, async s =>
        {
            var reservation = await s.Db.Reservations.SingleOrDefaultAsync(r => r.Id == pass.Ticket.ReservationId, cancellationToken)
                ?? throw new NotFoundException("Reservation");
            var key = await s.Db.AccessKeys.Where(k => k.ReservationId == reservation.Id && k.Status != AccessKeyStatus.Removed && k.Status != AccessKeyStatus.Removing)
                .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (key is { Status: AccessKeyStatus.Ready, Code: not null })
            {
                var room = await s.Db.Rooms.Where(r => r.Id == key.RoomId).Select(r => r.Number).SingleAsync(cancellationToken);
                return new GuestKeyStatus(true, room, key.Code, key.StartsAt);
            }

            var arrives = key?.StartsAt ?? s.Hotel.Instant(reservation.Arrival, s.Hotel.CheckInTime);
            return new GuestKeyStatus(false, null, null, arrives);
        }, cancellationToken);

    /// <summary>Same rule for a last name as a person at the desk would apply: case, accents, dashes and apostrophes do not matter.</summary>
    public static bool LastNameMatches(string fullName, string lastName)
    {
        var full = Words(fullName);
        var typed = Words(lastName);
        return typed.Length > 0 && typed.Length <= full.Length && full.AsSpan(full.Length - typed.Length).SequenceEqual(typed);
    }

    private static string[] Words(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            plain.Append(c is '-' ? ' ' : char.ToLowerInvariant(c));
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private Task<bool> GuestStepAsync(GuestPass pass, Func<HotelSession, PreCheckIn, Reservation, Task<string>> step, CancellationToken cancellationToken) =>
        guests.WriteAsync(pass.Ticket, async (s, _) =>
        {
            var reservation = await OpenReservationAsync(s, pass.Ticket, cancellationToken);
            var pre = await PreCheckInOfAsync(s, reservation.Id, cancellationToken);
            var what = await step(s, pre, reservation);
            s.Audit(nameof(PreCheckIn), reservation.Id, "GuestStep", new { what });
            Changed(s, reservation, "Online check-in: " + what);
            return true;
        }, cancellationToken);

    /// <summary>The link's reservation, in the link's hotel; a stay that has ended or was cancelled is refused.</summary>
    private static async Task<Reservation> OpenReservationAsync(HotelSession s, CheckInTicket ticket, CancellationToken cancellationToken)
    {
        var reservation = await s.Db.Reservations.SingleOrDefaultAsync(r => r.Id == ticket.ReservationId, cancellationToken)
            ?? throw new NotFoundException("Reservation");
        return reservation.Status switch
        {
            ReservationStatus.CheckedOut => throw new RuleViolationException("This stay has ended, so its check-in link no longer works. We hope to welcome you again."),
            ReservationStatus.Cancelled => throw new RuleViolationException("This booking was cancelled, so there is nothing to check in. Please contact the hotel if that is a surprise."),
            ReservationStatus.NoShow => throw new RuleViolationException("This booking is closed. Please contact the hotel."),
            _ => reservation,
        };
    }

    private static async Task<PreCheckIn> PreCheckInOfAsync(HotelSession s, Guid reservationId, CancellationToken cancellationToken)
    {
        var pre = await s.Db.PreCheckIns.SingleOrDefaultAsync(p => p.ReservationId == reservationId, cancellationToken);
        if (pre is null)
        {
            pre = new PreCheckIn(s.HotelId, reservationId, s.Now);
            s.Db.PreCheckIns.Add(pre);
        }

        return pre;
    }

    private static async Task<StaySummary> SummaryAsync(HotelSession s, Reservation reservation, CancellationToken cancellationToken)
    {
        var guest = await s.Db.Guests.Where(g => g.Id == reservation.GuestId).Select(g => g.FullName).SingleAsync(cancellationToken);
        var type = await s.Db.RoomTypes.Where(t => t.Id == reservation.RoomTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
        var folio = new Folio(await s.Db.FolioEntries.Where(e => e.ReservationId == reservation.Id).ToListAsync(cancellationToken), s.Hotel.Currency);
        return new StaySummary(s.Hotel.Name, guest, reservation.ConfirmationCode, reservation.Arrival, reservation.Departure, reservation.Nights, type, reservation.Adults, folio.Balance, s.Hotel.CheckInTime, s.Hotel.CheckOutTime, s.Hotel.TimeZoneId);
    }

    private static VerificationResult Locked(HotelSession s, PreCheckIn pre)
    {
        var until = TimeZoneInfo.ConvertTime(pre.LockedUntil!.Value, s.Hotel.TimeZone);
        return new VerificationResult(null, string.Create(CultureInfo.InvariantCulture, $"Too many attempts. For your security, this link is locked until {until:HH:mm} (hotel time)."), pre.LockedUntil);
    }

    private static void Changed(HotelSession s, Reservation reservation, string summary) =>
        s.Announce(ChangeTopic.Reservations, reservation.Id, summary);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
