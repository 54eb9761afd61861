namespace Stayfull.Domain.Tenancy;

/// <summary>Who is acting and for which hotel. Every domain operation runs inside one.</summary>
public sealed record StaffContext(Guid HotelId, string UserId, string UserName, StaffRole Role)
{
    /// <summary>Background work (jobs, webhooks) acting for a hotel without a person behind it.</summary>
    public static StaffContext System(Guid hotelId) => new(hotelId, "system", "Stayfull", StaffRole.Owner);

    public bool IsAtLeast(StaffRole role) => Role >= role;

    public void Require(StaffRole role, string action)
    {
        if (!IsAtLeast(role))
        {
            throw new Common.ForbiddenException($"Only a {role} or above may {action}.");
        }
    }
}
