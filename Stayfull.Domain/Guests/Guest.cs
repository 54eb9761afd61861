using System.Net.Mail;
using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Guests;

/// <summary>A guest. Walk-ins and phone bookings often have no email or phone.</summary>
public sealed class Guest : ITenantOwned
{
    private Guest()
    {
    }

    public Guest(Guid hotelId, string fullName, string? email, string? phone)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Update(fullName, email, phone);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string FullName { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The phone in E.164 (+ and digits) when it carries a country code: what SMS is sent to and matched on.</summary>
    public string? SmsNumber { get; private set; }

    /// <summary>When mail to <see cref="Email"/> hard-bounced; no email is sent to it until the address changes.</summary>
    public DateTimeOffset? EmailBouncedAt { get; private set; }

    public string? EmailBounceReason { get; private set; }

    /// <summary>When the guest replied STOP; no SMS is sent until they reply START.</summary>
    public DateTimeOffset? SmsOptedOutAt { get; private set; }

    public bool IsEmailBad => EmailBouncedAt is not null;

    public bool HasOptedOutOfSms => SmsOptedOutAt is not null;

    public void Update(string fullName, string? email, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fullName))
        {
            errors["guestName"] = ["The guest's name is required."];
        }
        else if (fullName.Length > 200)
        {
            errors["guestName"] = ["The guest's name is at most 200 characters."];
        }

        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors["email"] = [$"'{email}' is not an email address."];
        }

        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (phone is not null && (phone.Length > 32 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors["phone"] = [$"'{phone}' is not a phone number."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (!string.Equals(Email, email, StringComparison.OrdinalIgnoreCase))
        {
            // A corrected address has not bounced.
            EmailBouncedAt = null;
            EmailBounceReason = null;
        }

        FullName = fullName.Trim();
        Email = email;
        Phone = phone;
        SmsNumber = ToSmsNumber(phone);
    }

    public void MarkEmailBad(string reason, DateTimeOffset at)
    {
        EmailBouncedAt ??= at;
        EmailBounceReason = reason.Length > 500 ? reason[..500] : reason;
    }

    public void OptOutOfSms(DateTimeOffset at) => SmsOptedOutAt ??= at;

    public void OptInToSms() => SmsOptedOutAt = null;

    /// <summary>
    /// E.164 form of a phone number (<c>+351 912-345 678</c> → <c>+351912345678</c>, <c>00…</c> → <c>+…</c>);
    /// null when the number has no country code, since SMS cannot be routed without one.
    /// </summary>
    public static string? ToSmsNumber(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var trimmed = phone.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var plus = trimmed.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0 && plus < trimmed.AsSpan().IndexOfAnyInRange('0', '9'))
        {
            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        return digits.StartsWith("00", StringComparison.Ordinal) && digits.Length is >= 10 and <= 17 ? "+" + digits[2..] : null;
    }
}
