using Stayfull.Web.Api;
using Stayfull.Web.Auth;
using Stayfull.Web.Components;
using Stayfull.Web.Integrations;
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

        // People get a friendly page; API clients get problem details. Hub clients get the bare status:
        // re-executing their 401 as a page would turn it into a redirect to the sign-in form.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/hubs"), b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
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
        app.MapWebhookEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(AllowAnonymousCircuits);
        return app;
    }

    /// <summary>
    /// The circuit's own endpoints (/_blazor) admit anonymous connections so the sign-up wizard can be
    /// interactive; every page still carries its own [Authorize] and the router enforces it in the circuit.
    /// </summary>
    private static void AllowAnonymousCircuits(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.StartsWith("/_blazor", StringComparison.Ordinal) == true)
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    }
}
