using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Stayfull.Domain.Hotels;

namespace Stayfull.Web.Auth;

/// <summary>Sign-in, sign-out and switching hotels: form posts that set the cookie, then redirect.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync);
        account.MapPost("/switch-hotel", SwitchHotelAsync).RequireAuthorization(p => p.RequireAuthenticatedUser());
        return app;
    }

    internal static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] string email,
        [FromForm] string password,
        [FromForm] string? returnUrl,
        UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn,
        StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Back("invalid", returnUrl);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Back("locked", returnUrl);
        }

        if (!check.Succeeded)
        {
            return Back("invalid", returnUrl);
        }

        var hotels = await directory.HotelsOfAsync(user.Id, cancellationToken);
        if (hotels.Count == 0)
        {
            return Back("nohotel", returnUrl);
        }

        var hotel = hotels[0];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, StaffClaims.For(hotel.HotelId, hotel.HotelName, hotel.Role));
        return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl) ?? HomeOf(hotel.Role));
    }

    internal static async Task<Results<RedirectHttpResult, BadRequest>> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        // No form field binds here, so the framework checks no token: check it, or any site could sign staff out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    internal static async Task<Results<RedirectHttpResult, NotFound>> SwitchHotelAsync(
        [FromForm] Guid hotelId,
        ClaimsPrincipal principal,
        UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn,
        StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        // Only a hotel the person belongs to; any other id looks exactly like one that does not exist.
        var hotel = (await directory.HotelsOfAsync(user.Id, cancellationToken)).FirstOrDefault(h => h.HotelId == hotelId);
        if (hotel is null)
        {
            return TypedResults.NotFound();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, StaffClaims.For(hotel.HotelId, hotel.HotelName, hotel.Role));
        return TypedResults.LocalRedirect(HomeOf(hotel.Role));
    }

    public static string HomeOf(Domain.Tenancy.StaffRole role) => role switch
    {
        Domain.Tenancy.StaffRole.Housekeeping => "/housekeeping",
        Domain.Tenancy.StaffRole.Manager or Domain.Tenancy.StaffRole.Owner => "/manager",
        _ => "/",
    };

    private static RedirectHttpResult Back(string error, string? returnUrl) =>
        TypedResults.LocalRedirect($"/account/login?error={error}" + (SafeReturnUrl(returnUrl) is { } r ? "&returnUrl=" + Uri.EscapeDataString(r) : ""));

    private static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : null;
}
