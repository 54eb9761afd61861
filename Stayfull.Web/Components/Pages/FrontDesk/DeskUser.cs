using Microsoft.AspNetCore.Components.Authorization;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>What the signed-in person may be offered; the domain still checks every action itself.</summary>
internal static class DeskUser
{
    /// <summary>Managers and owners may check out with an open balance and refund payments.</summary>
    public static async Task<bool> IsManagerAsync(Task<AuthenticationState>? authentication) =>
        authentication is not null && StaffClaims.RoleOf((await authentication).User) >= StaffRole.Manager;
}
