using Stayfull.Web.Api;
using Stayfull.Web.Auth;
using Stayfull.Web.Components;
using Stayfull.Web.Live;

namespace Stayfull.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseStayfullPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // People get a friendly page; API clients get problem details.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStayfullEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapStayfullApi();
        app.MapHub<HotelHub>(HotelHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(AllowAnonymousCircuits);
        return app;
    }

    /// <summary>
    /// The circuit hub must accept signed-out visitors so the anonymous sign-up page becomes interactive.
    /// Pages stay protected: the router's AuthorizeRouteView checks each page's own policy inside the circuit.
    /// </summary>
    private static void AllowAnonymousCircuits(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.StartsWith("/_blazor", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    }
}
