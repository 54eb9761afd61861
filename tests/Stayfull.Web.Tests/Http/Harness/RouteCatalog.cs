using System.Text;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Web.Tests.Http.Harness;

public enum RouteKind
{
    /// <summary>A Razor component page.</summary>
    Page,

    /// <summary>The JSON API under /api.</summary>
    Api,

    /// <summary>A SignalR hub (connect and negotiate).</summary>
    Hub,

    /// <summary>Any other endpoint, such as the account form posts.</summary>
    Endpoint,
}

/// <summary>One route template and HTTP method the running app answers, as its endpoint data source lists it.</summary>
public sealed record AppRoute(string Template, string Method, RouteKind Kind, RoutePattern Pattern)
{
    public IReadOnlyList<RoutePatternParameterPart> Parameters => Pattern.Parameters;

    /// <summary>The template with every parameter replaced by <paramref name="value"/>'s answer.</summary>
    public string Fill(Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter)),
            _ => throw new InvalidOperationException($"Unknown route part in {Template}."),
        }))));

    /// <summary>A value of the right shape for each parameter: a fresh Guid, a number, or a word.</summary>
    public string FillWithPlausibleValues() => Fill(PlausibleValue);

    public static string PlausibleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid") || IsIdName(parameter.Name))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c is "int" or "long") ? "1" : constraints.Contains("datetime") ? "2026-01-01" : "probe";
    }

    /// <summary>A parameter that names a stored thing: a Guid constraint, or a name such as "id" or "roomId".</summary>
    public static bool IsIdParameter(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content == "guid") || IsIdName(parameter.Name);

    private static bool IsIdName(string name) => name.EndsWith("id", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Enumerates the app's routes so that sweeping tests cover endpoints added later without being edited.</summary>
public static class RouteCatalog
{
    /// <summary>Framework plumbing that must answer without a sign-in (or answers for itself).</summary>
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/_content"];

    /// <summary>The only pages and endpoints a caller may reach without signing in (static files and framework plumbing aside).</summary>
    private static readonly HashSet<string> OpenRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login",
        "/account/denied",
        "/not-found",
        "/error",
        "/signup",

        // The guest's demo payment page: found only by its unguessable session id; DemoCheckoutTests covers it.
        "/demo/checkout/{SessionId}",

        // The guest's online check-in: the signed link is the key, and it shows nothing before the identity check.
        "/checkin/{Token}",

        // Load balancers probe it; it answers statuses and durations only (HealthTests covers that).
        "/health",
    };

    /// <summary>Vendors prove who they are with a signature on each call, not a sign-in; their tests check the 401.</summary>
    private const string WebhookPrefix = "/webhooks/";

    /// <summary>Every route with each of its methods, static files left out.</summary>
    public static IReadOnlyList<AppRoute> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e))
            .SelectMany(e => MethodsOf(e).Select(method => new AppRoute(Normalize(e.RoutePattern.RawText), method, KindOf(e), e.RoutePattern)))
            .DistinctBy(r => (r.Template, r.Method))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)];

    /// <summary>True for the explicit allow-list of routes that must answer a caller who is not signed in.</summary>
    public static bool IsOpenByDesign(AppRoute route) =>
        OpenRoutes.Contains(route.Template) || route.Template.StartsWith(WebhookPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsFramework(AppRoute route) =>
        FrameworkPrefixes.Any(prefix => route.Template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        // The development-time fallback that serves files from wwwroot not yet in the build manifest.
        || (endpoint.RoutePattern.Parameters is [{ IsCatchAll: true } only] && only.ParameterPolicies.Any(p => p.Content == "file"));

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint)
    {
        var declared = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        if (declared is { Count: > 0 })
        {
            // HEAD mirrors GET wherever it is offered.
            return declared.Where(m => m != HttpMethods.Head);
        }

        // Hubs and some framework endpoints accept any method; these are the ones a client uses.
        return [HttpMethods.Get, HttpMethods.Post];
    }

    private static RouteKind KindOf(RouteEndpoint endpoint)
    {
        var template = Normalize(endpoint.RoutePattern.RawText);
        if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null || template.StartsWith("/hubs/", StringComparison.OrdinalIgnoreCase))
        {
            return RouteKind.Hub;
        }

        if (template.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || template == "/api")
        {
            return RouteKind.Api;
        }

        return endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? RouteKind.Page : RouteKind.Endpoint;
    }

    private static string Normalize(string? rawText)
    {
        var template = "/" + (rawText ?? "").Trim('/');
        return template.Length > 1 ? template : "/";
    }

    /// <summary>
    /// The route's shape up to and including <paramref name="parameter"/>, constraints dropped
    /// (compare it ignoring case): "/api/reservations/{id}" for both "/api/reservations/{id:guid}" and ".../{id:guid}/check-in".
    /// </summary>
    public static string ShapeUpTo(AppRoute route, RoutePatternParameterPart parameter)
    {
        var shape = new StringBuilder();
        foreach (var segment in route.Pattern.PathSegments)
        {
            shape.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        shape.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        shape.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart current:
                        shape.Append('{').Append(current.Name).Append('}');
                        if (ReferenceEquals(current, parameter))
                        {
                            return shape.ToString();
                        }

                        break;
                }
            }
        }

        throw new ArgumentException($"{parameter.Name} is not a parameter of {route.Template}.", nameof(parameter));
    }
}
