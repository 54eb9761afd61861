using Microsoft.Extensions.Options;
using Stripe;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// A Stripe.net client for one hotel's secret key, whose HTTP goes through a factory-made
/// <see cref="HttpClient"/> (pooled handlers, the configured timeout, a base address tests can move).
/// </summary>
public sealed class StripeClientFactory(IHttpClientFactory httpClients, IOptions<StripeOptions> options)
{
    public const string HttpClientName = "Stripe";

    /// <summary>
    /// Stripe.net would retry network failures and 429/5xx itself; the outbox already retries with
    /// backoff, Retry-After and the same idempotency key, and logs every attempt. Two layers would
    /// multiply attempts and hide them, so Stripe.net makes exactly one.
    /// </summary>
    public const int MaxNetworkRetries = 0;

    public IStripeClient Create(string secretKey)
    {
        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: MaxNetworkRetries, appInfo: null, enableTelemetry: false);
        return new StripeClient(secretKey, httpClient: http, apiBase: options.Value.ApiBase.ToString().TrimEnd('/'));
    }
}
