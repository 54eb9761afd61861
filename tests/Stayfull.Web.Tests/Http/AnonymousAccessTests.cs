using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>
/// Sweeps every route the app maps, so an endpoint or page added later without authorization
/// fails here without anyone remembering to add a test for it.
/// </summary>
public sealed class AnonymousAccessTests
{
    [Fact]
    public async Task EveryPageAndEndpointRefusesAnAnonymousCaller()
    {
        await using var app = new StayfullApplication();
        using var client = app.CreateAnonymousClient();
        var routes = RouteCatalog.All(app.Services)
            .Where(r => !RouteCatalog.IsOpenByDesign(r) && !RouteCatalog.IsFramework(r))
            .ToList();
        Assert.Contains(routes, r => r.Kind == RouteKind.Api);
        Assert.Contains(routes, r => r.Kind == RouteKind.Page);
        Assert.Contains(routes, r => r.Kind == RouteKind.Hub);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            if (await ProbeAsync(client, route) is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes did not refuse an anonymous caller:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task TheSweepFlagsARouteThatAnswersAnonymousCallers()
    {
        await using var app = new StayfullApplication();
        using var client = app.CreateAnonymousClient();
        var open = RouteCatalog.All(app.Services).Where(r => r.Method == HttpMethods.Get && r.Template is "/account/login" or "/not-found").ToList();

        Assert.Equal(2, open.Count);
        foreach (var route in open)
        {
            Assert.NotNull(await ProbeAsync(client, route));
        }
    }

    [Fact]
    public async Task AnonymousApiCallsGetAnUnauthorizedStatusRatherThanTheSignInPage()
    {
        await using var app = new StayfullApplication();
        using var client = app.CreateAnonymousClient();

        using var api = await client.GetAsync(new Uri("/api/rooms", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        Assert.Equal("/account/login?ReturnUrl=%2F", HttpAssert.RedirectTarget(page));
    }

    /// <returns>Null when the route refused the caller as it should; otherwise what it did instead.</returns>
    private static async Task<string?> ProbeAsync(HttpClient client, AppRoute route)
    {
        var url = route.FillWithPlausibleValues();
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(url, UriKind.Relative));
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var refused = route.Kind is RouteKind.Api or RouteKind.Hub
            ? response.StatusCode == HttpStatusCode.Unauthorized
            : HttpAssert.IsRedirectTo(response, "/account/login");
        return refused
            ? null
            : $"{route.Method} {url} ({route.Kind}) answered {(int)response.StatusCode} {response.Headers.Location}";
    }
}
