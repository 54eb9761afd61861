using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Stayfull.Web.Startup;

/// <summary>
/// Behind a reverse proxy the request reaches us as the proxy's (often plain http, internal host). With
/// <c>Stayfull:TrustForwardedHeaders</c> on, the scheme, host and client address the proxy forwards are
/// taken as the request's own, so vendor signatures (Twilio's covers the public URL) check out. Only
/// proxies in <c>Stayfull:KnownProxies</c> / <c>Stayfull:KnownNetworks</c> are believed (loopback when
/// neither is given); off by default, since a client could otherwise claim any host.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string TrustKey = "Stayfull:TrustForwardedHeaders";
    public const string KnownProxiesKey = "Stayfull:KnownProxies";
    public const string KnownNetworksKey = "Stayfull:KnownNetworks";

    public static IServiceCollection AddStayfullForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, KnownProxiesKey).Select(Proxy).ToList();
        var networks = List(configuration, KnownNetworksKey).Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (and every URL built from the request) sees the public scheme and host.</summary>
    public static WebApplication UseStayfullForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(TrustKey))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>A list given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value (handy in an environment variable).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
    }

    private static IPAddress Proxy(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey} holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork Network(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksKey} holds '{value}', which is not a network in CIDR form (e.g. 10.0.0.0/8).");
}
