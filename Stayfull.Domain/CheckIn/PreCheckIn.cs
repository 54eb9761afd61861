using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.CheckIn;

/// <summary>
/// A reservation's online check-in: which steps are done and by whom (the guest or a named staff
/// member at the desk), what the guest told us, the terms they signed, and the failed identity checks
/// that lock the link for a while (stored, so a restart does not reset the count).
/// </summary>
public sealed class PreCheckIn : ITenantOwned
{
    public const int MaxSignatureImageLength = 200_000;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private PreCheckIn()
    {
    }

    public PreCheckIn(Guid hotelId, Guid reservationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ReservationId = reservationId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ReservationId { get; private set; }

    public DateTimeOffset? StayConfirmedAt { get; private set; }

    public string? StayConfirmedBy { get; private set; }

    public DateTimeOffset? DetailsSavedAt { get; private set; }

    public string? DetailsSavedBy { get; private set; }

    public DateTimeOffset? TermsAcceptedAt { get; private set; }

    public string? TermsAcceptedBy { get; private set; }

    public DateTimeOffset? PaymentCompletedAt { get; private set; }

    public string? PaymentCompletedBy { get; private set; }

    public string? FullName { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Street { get; private set; }

    public string? City { get; private set; }

    public string? PostalCode { get; private set; }

    public string? Country { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public string? Nationality { get; private set; }

    public GuestDocumentType? DocumentType { get; private set; }

    public string? DocumentNumber { get; private set; }

    public TimeOnly? EstimatedArrival { get; private set; }

    public string? SpecialRequests { get; private set; }

    /// <summary>The version of the policy text the guest accepted.</summary>
    public string? PolicyVersion { get; private set; }

    public string? SignatureText { get; private set; }

    /// <summary>A drawn signature as an image data URL, when the guest drew one.</summary>
    public string? SignatureImage { get; private set; }

    public string? AcceptedFromIp { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsComplete => Next is null;

    /// <summary>The first step not done yet, or null when every step is.</summary>
    public CheckInStep? Next => Enum.GetValues<CheckInStep>().Cast<CheckInStep?>().FirstOrDefault(step => !IsDone(step!.Value));

    public bool IsDone(CheckInStep step) => step switch
    {
        CheckInStep.ConfirmStay => StayConfirmedAt is not null,
        CheckInStep.Details => DetailsSavedAt is not null,
        CheckInStep.Terms => TermsAcceptedAt is not null,
        CheckInStep.Payment => PaymentCompletedAt is not null,
        _ => false,
    };

    public string? DoneBy(CheckInStep step) => step switch
    {
        CheckInStep.ConfirmStay => StayConfirmedBy,
        CheckInStep.Details => DetailsSavedBy,
        CheckInStep.Terms => TermsAcceptedBy,
        CheckInStep.Payment => PaymentCompletedBy,
        _ => null,
    };

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong identity check; the fifth in a row locks the link for <see cref="Lockout"/>.</summary>
    public void FailedVerification(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntil = now + Lockout;
            FailedAttempts = 0;
        }

        Touch(now);
    }

    public void Verified(DateTimeOffset now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        Touch(now);
    }

    public void ConfirmStay(string by, DateTimeOffset now)
    {
        StayConfirmedAt ??= now;
        StayConfirmedBy ??= by;
        Touch(now);
    }

    public void SaveDetails(GuestDetails details, string by, DateTimeOffset now)
    {
        FullName = details.FullName;
        Email = details.Email;
        Phone = details.Phone;
        Street = details.Street;
        City = details.City;
        PostalCode = details.PostalCode;
        Country = details.Country;
        Nationality = details.Nationality;
        DocumentType = details.DocumentType;
        DocumentNumber = details.DocumentNumber;
        EstimatedArrival = details.EstimatedArrival;
        SpecialRequests = details.SpecialRequests;
        DetailsSavedAt = now;
        DetailsSavedBy = by;
        Touch(now);
    }

    /// <summary>The desk saw the guest's document in person; what the guest typed online (if anything) stays.</summary>
    public void MarkDetailsAtDesk(string by, DateTimeOffset now)
    {
        DetailsSavedAt = now;
        DetailsSavedBy = by;
        Touch(now);
    }

    public void AcceptTerms(string policyVersion, string? signatureText, string? signatureImage, string? ip, string by, DateTimeOffset now)
    {
        PolicyVersion = policyVersion;
        SignatureText = signatureText;
        SignatureImage = signatureImage;
        AcceptedFromIp = ip;
        TermsAcceptedAt = now;
        TermsAcceptedBy = by;
        Touch(now);
    }

    public void CompletePayment(string by, DateTimeOffset now)
    {
        PaymentCompletedAt ??= now;
        PaymentCompletedBy ??= by;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
