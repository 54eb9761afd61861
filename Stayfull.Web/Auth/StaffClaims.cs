using System.Security.Claims;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Auth;

/// <summary>The claims that say which hotel a signed-in person is working in, and as what.</summary>
public static class StaffClaims
{
    public const string HotelId = "stayfull:hotel";
    public const string HotelName = "stayfull:hotel-name";

    public static Guid? HotelOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HotelId), out var id) ? id : null;

    public static StaffRole? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>Claims for working in one hotel; the role claim lets [Authorize(Roles)] and policies work as usual.</summary>
    public static Claim[] For(Guid hotelId, string hotelName, StaffRole role) =>
    [
        new(HotelId, hotelId.ToString()),
        new(HotelName, hotelName),
        new(ClaimTypes.Role, role.ToString()),
    ];
}
