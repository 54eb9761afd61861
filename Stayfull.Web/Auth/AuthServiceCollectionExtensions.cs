using Microsoft.AspNetCore.Identity;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;

namespace Stayfull.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>ASP.NET Core Identity with EF stores and cookie sign-in; roles are per hotel, carried as claims.</summary>
    public static IServiceCollection AddStayfullAuth(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthorization(StaffPolicies.Add);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddScoped<StayfullDbContext>(sp => sp.GetRequiredService<StayfullDb>().ForPlatform());
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 8;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<StayfullDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<SignUpService>();
        services.AddScoped<StaffAccounts>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "stayfull.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
        });

        // The security stamp check rebuilds the principal from the user store; keep the chosen hotel and its role.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = c =>
        {
            var keep = c.CurrentPrincipal?.Claims.Where(x => x.Type is StaffClaims.HotelId or StaffClaims.HotelName or System.Security.Claims.ClaimTypes.Role).ToList() ?? [];
            if (c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaims(keep);
            }

            return Task.CompletedTask;
        });
        return services;
    }

    /// <summary>API and hub callers get a status code; people get the sign-in page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
