using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Stayfull.Domain.Common;

namespace Stayfull.Domain.CheckIn;

/// <summary>What the guest tells the hotel before arriving. <see cref="Validated"/> returns it cleaned up or says, field by field, what is wrong.</summary>
public sealed partial record GuestDetails(
    string FullName,
    string Email,
    string Phone,
    string Street,
    string City,
    string PostalCode,
    string Country,
    string Nationality,
    GuestDocumentType? DocumentType,
    string DocumentNumber,
    TimeOnly? EstimatedArrival,
    string? SpecialRequests)
{
    public const int MaxSpecialRequestsLength = 1000;

    /// <summary>Trimmed and upper-cased where it matters; throws <see cref="ValidationException"/> listing every bad field.</summary>
    public GuestDetails Validated()
    {
        var errors = new Dictionary<string, string[]>();
        var name = (FullName ?? "").Trim();
        var email = (Email ?? "").Trim();
        var phone = (Phone ?? "").Trim();
        var nationality = (Nationality ?? "").Trim().ToUpperInvariant();
        var document = new string((DocumentNumber ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var requests = string.IsNullOrWhiteSpace(SpecialRequests) ? null : SpecialRequests.Trim();

        Require(errors, "fullName", name.Length is > 0 and <= 200, "Enter your full name as on your document.");
        Require(errors, "email", email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.', StringComparison.Ordinal), "Enter an email address like name@example.com.");
        Require(errors, "phone", phone.Length is >= 6 and <= 32 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')') && phone.Count(char.IsAsciiDigit) >= 6, "Enter a phone number with its country code, like +351 912 345 678.");
        Require(errors, "street", (Street ?? "").Trim().Length is > 0 and <= 200, "Enter your street and number.");
        Require(errors, "city", (City ?? "").Trim().Length is > 0 and <= 100, "Enter your city.");
        Require(errors, "postalCode", (PostalCode ?? "").Trim().Length <= 20, "The postal code is at most 20 characters.");
        Require(errors, "country", (Country ?? "").Trim().Length is > 0 and <= 100, "Enter your country.");
        Require(errors, "nationality", IsCountryCode(nationality), "Choose your nationality.");
        Require(errors, "documentType", DocumentType is not null && Enum.IsDefined(DocumentType.Value), "Choose the document you will show.");
        if (DocumentType is { } type && Enum.IsDefined(type))
        {
            Require(errors, "documentNumber", FormatOf(type).IsMatch(document), HintOf(type));
        }

        Require(errors, "specialRequests", requests is null || requests.Length <= MaxSpecialRequestsLength, $"Special requests are at most {MaxSpecialRequestsLength} characters.");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new GuestDetails(name, email, phone, (Street ?? "").Trim(), (City ?? "").Trim(), (PostalCode ?? "").Trim(), (Country ?? "").Trim(), nationality, DocumentType, document, EstimatedArrival, requests);
    }

    /// <summary>An ISO 3166-1 alpha-2 code the platform knows (PT, GB, US…).</summary>
    public static bool IsCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Regex FormatOf(GuestDocumentType type) => type switch
    {
        GuestDocumentType.Passport => PassportNumber(),
        GuestDocumentType.IdCard => IdCardNumber(),
        _ => LicenceNumber(),
    };

    private static string HintOf(GuestDocumentType type) => type switch
    {
        GuestDocumentType.Passport => "A passport number is 6 to 9 letters and digits.",
        GuestDocumentType.IdCard => "An ID card number is 5 to 14 letters and digits.",
        _ => "A driving licence number is 5 to 18 letters, digits or dashes.",
    };

    private static void Require(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9]{6,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex PassportNumber();

    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9]{5,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdCardNumber();

    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9][A-Z0-9-]{3,16}[A-Z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex LicenceNumber();
}
