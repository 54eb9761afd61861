using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Auth;

/// <summary>
/// The signed-in staff member and hotel. In a Blazor circuit the authentication state is the source
/// (HttpContext is not reliable there); in a plain HTTP request (API, hub) it is the request's user;
/// in background work it is the system acting for the hotel the work belongs to.
/// </summary>
internal sealed class CurrentStaffFromSignIn(AuthenticationStateProvider authentication, IHttpContextAccessor http, BackgroundStaffScope background) : ICurrentStaff
{
    public async ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default)
    {
        if (background.Context is { } system)
        {
            return system; // a webhook or outbox processor acting for one hotel
        }

        var user = await UserAsync();
        var hotelId = StaffClaims.HotelOf(user);
        var role = StaffClaims.RoleOf(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (hotelId is null || role is null || userId is null)
        {
            throw new ForbiddenException("Sign in to a hotel first.");
        }

        return new StaffContext(hotelId.Value, userId, user.Identity?.Name ?? userId, role.Value);
    }

    private async Task<ClaimsPrincipal> UserAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Not a component render: the provider was never given a state for this scope.
            return http.HttpContext?.User ?? new ClaimsPrincipal();
        }
    }
}
