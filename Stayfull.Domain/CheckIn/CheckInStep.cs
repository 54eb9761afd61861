namespace Stayfull.Domain.CheckIn;

/// <summary>The steps of online check-in, in the order the guest meets them.</summary>
public enum CheckInStep
{
    ConfirmStay = 1,
    Details = 2,
    Terms = 3,
    Payment = 4,
}

/// <summary>The identity document a guest shows at check-in.</summary>
public enum GuestDocumentType
{
    Passport = 1,
    IdCard = 2,
    DrivingLicence = 3,
}
