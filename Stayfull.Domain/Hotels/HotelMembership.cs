using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Hotels;

/// <summary>A staff account's role in one hotel. A person may belong to several hotels.</summary>
public sealed class HotelMembership : ITenantOwned
{
    private HotelMembership()
    {
    }

    public HotelMembership(Guid hotelId, string userId, StaffRole role)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        UserId = userId;
        Role = role;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string UserId { get; private set; } = "";

    public StaffRole Role { get; private set; }

    public void ChangeRole(StaffRole role) => Role = role;
}
