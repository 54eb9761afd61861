using Stayfull.Web.Api;
using Stayfull.Web.Auth;
using Stayfull.Web.Components;
using Stayfull.Web.Health;
using Stayfull.Web.Integrations;
using Stayfull.Web.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Web;

public static class WebApplicationExtensions
{
    public static WebApplication UseStayfullPipeline(this WebApplication app)
    {
        // Before anything reads the scheme or host: behind a trusted proxy they are the forwarded ones.
        app.UseStayfullForwardedHeaders();

        // People get a friendly page. It is re-executed through routing, which only the main pipeline
        // can do, so these two stay here; API, hub and webhook clients are answered first by the inner
        // handlers with a status code and problem details, which the outer two then leave alone.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(ForMachines, b => b.UseExceptionHandler().UseStatusCodePages());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestBodyLimit();
        app.UseAntiforgery();
        return app;
    }

    private static bool ForMachines(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/webhooks");

    public static WebApplication MapStayfullEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapStayfullApi();
        app.MapWebhookEndpoints();
        app.MapInboundEmailEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapStayfullHealthChecks();
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
