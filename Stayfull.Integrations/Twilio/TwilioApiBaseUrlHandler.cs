using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Twilio;

/// <summary>
/// The Twilio SDK builds absolute <c>https://api.twilio.com/…</c> URLs itself; when another base URL is
/// configured (a local fake server in tests), this sends the same path and query there instead.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Value.ApiBaseUrl);
        if (request.RequestUri is { } uri && !string.Equals(options.Value.ApiBaseUrl, TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase)
            && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
