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

        FullName = fullName.Trim();
        Email = email;
        Phone = phone;
    }
}
