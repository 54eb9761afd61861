using Microsoft.AspNetCore.Identity;

namespace Stayfull.Domain.Hotels;

/// <summary>A person who signs in. What they may do depends on their membership in the current hotel.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
