using System.Net.Mail;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>Guest contact details as OTAs send them, made acceptable to our guest record rather than refused.</summary>
internal static class GuestNames
{
    public static string Of(RevisionCustomer customer, string uniqueId)
    {
        var name = customer.FullName;
        name = string.IsNullOrWhiteSpace(name) ? $"Guest {uniqueId}" : name;
        return name.Length > 200 ? name[..200] : name;
    }

    /// <summary>An OTA's relay address is kept; something that is not an address at all is dropped, not fatal.</summary>
    public static string? Email(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email.Trim(), out _) ? email.Trim() : null;

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var trimmed = phone.Trim();
        return trimmed.Length <= 32 && trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')') ? trimmed : null;
    }
}
