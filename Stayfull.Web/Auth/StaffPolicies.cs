using Microsoft.AspNetCore.Authorization;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Auth;

/// <summary>Page and endpoint access by role; each policy admits its role and every role above it.</summary>
public static class StaffPolicies
{
    public const string Housekeeping = nameof(Housekeeping);
    public const string FrontDesk = nameof(FrontDesk);
    public const string Manager = nameof(Manager);
    public const string Owner = nameof(Owner);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var allowed = Enum.GetValues<StaffRole>().Where(r => r >= role).Select(r => r.ToString()).ToArray();
            options.AddPolicy(role.ToString(), p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.HotelId).RequireRole(allowed));
        }

        // Everything needs a signed-in staff member unless it says otherwise (sign-in page, static files).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(StaffClaims.HotelId).Build();
    }
}
