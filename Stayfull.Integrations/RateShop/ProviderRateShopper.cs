using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

/// <summary>
/// The rate-shopper port over a competitor-rate data provider's REST API, with the hotel's own base URL and
/// API key (its encrypted connection); a hotel without them is served by the <see cref="DemoRateShopper"/>.
/// <para>The wire contract (also in <c>docs/rate-provider-contract.md</c>):</para>
/// <code>
/// GET {base}/v1/rates?hotel_ids=a,b&amp;from=2026-11-24&amp;to=2026-12-24&amp;limit=500[&amp;cursor=…]
/// Authorization: Bearer {api key}
/// Accept: application/json
///
/// 200 { "items": [ { "hotel_id": "a", "date": "2026-12-24", "room_category": "Standard Double",
///                    "price": "129.50" | 129.5, "currency": "EUR", "source": "booking.com",
///                    "fetched_at": "2026-11-24T05:12:00Z" } ],
///       "next_cursor": "opaque" | null }
/// </code>
/// <para>
/// <c>from</c> and <c>to</c> are stay nights, both included. Prices are in major units (a decimal point, never
/// a comma) and become minor units by the currency's exponent (JPY 0, EUR 2, KWD 3). Items with a missing or
/// unreadable field, or a null price (sold out), are skipped and counted in the log. A year is asked in
/// chunks of <see cref="RateShopOptions.ChunkDays"/> days and groups of <see cref="RateShopOptions.HotelsPerRequest"/>
/// hotels, following <c>next_cursor</c> until it is null.
/// </para>
/// <para>
/// Failures: 401 and 403 mean the key is wrong (not transient: the shop stops and says so); 429 waits for
/// Retry-After (seconds or a date), 408, 5xx, timeouts and network errors back off exponentially, each for
/// up to <see cref="RateShopOptions.MaxAttempts"/> tries, then fail as transient; any other 4xx is a refusal.
/// Every request is written to the integration log, redacted, never with the key.
/// </para>
/// </summary>
public sealed class ProviderRateShopper(
    ConnectionCredentialsStore credentials,
    IHttpClientFactory httpClients,
    IOptions<RateShopOptions> options,
    IntegrationLogWriter log,
    DemoRateShopper demo,
    TimeProvider time) : IRateShopper
{
    public const string RatesPath = "v1/rates";

    /// <summary>Stops a provider that keeps answering "next page" from holding a shop forever.</summary>
    private const int MaxPages = 1000;

    private readonly ConcurrentDictionary<Guid, RateSource> _lastSource = new();

    public RateSource Source(Guid hotelId) =>
        _lastSource.TryGetValue(hotelId, out var source) ? source
            : KeysAsync(hotelId, CancellationToken.None).GetAwaiter().GetResult() is null ? RateSource.Demo : RateSource.Provider;

    public async Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(competitors);
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            _lastSource[hotelId] = RateSource.Demo;
            return await demo.ShopAsync(hotelId, competitors, firstNight, lastNight, cancellationToken);
        }

        _lastSource[hotelId] = RateSource.Provider;
        var settings = options.Value;
        var rates = new List<ShoppedRate>();
        var ids = competitors.Select(c => c.ExternalId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var from = firstNight; from <= lastNight; from = from.AddDays(settings.ChunkDays))
        {
            var to = from.AddDays(settings.ChunkDays - 1) < lastNight ? from.AddDays(settings.ChunkDays - 1) : lastNight;
            foreach (var group in ids.Chunk(settings.HotelsPerRequest))
            {
                var asked = group.ToHashSet(StringComparer.OrdinalIgnoreCase);
                var chunk = await RangeAsync(hotelId, keys, group, from, to, cancellationToken);
                rates.AddRange(chunk.Where(r => asked.Contains(r.CompetitorExternalId) && r.Date >= from && r.Date <= to));
            }
        }

        return rates;
    }

    /// <summary>All pages for some hotels and dates.</summary>
    internal async Task<List<ShoppedRate>> RangeAsync(Guid hotelId, VendorCredentials keys, IReadOnlyList<string> hotelIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rates = new List<ShoppedRate>();
        string? cursor = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            var query = new StringBuilder()
                .Append("hotel_ids=").Append(string.Join(',', hotelIds.Select(Uri.EscapeDataString)))
                .Append("&from=").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("&to=").Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("&limit=").Append(options.Value.PageSize.ToString(CultureInfo.InvariantCulture));
            if (cursor is not null)
            {
                query.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
            }

            var describe = $"{string.Join(',', hotelIds)} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} page {page.ToString(CultureInfo.InvariantCulture)}";
            var root = await GetAsync(hotelId, keys, query.ToString(), describe, cancellationToken);
            var (items, _, next) = RateProviderJson.Page(root, time.GetUtcNow());
            rates.AddRange(items);
            cursor = next;
            if (cursor is null)
            {
                return rates;
            }
        }

        throw new RateShopException($"The rate provider kept answering more pages after {MaxPages}.", isTransient: false);
    }

    /// <summary>The hotel's provider credentials, or null for demo mode.</summary>
    internal async Task<VendorCredentials?> KeysAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.RateShop, cancellationToken);
        return stored is null || stored["ApiKey"].Length == 0 || stored["BaseUrl"].Length == 0 ? null : stored;
    }

    /// <summary>One GET with its retries: each try is logged; the answer's JSON, or a <see cref="RateShopException"/>.</summary>
    internal async Task<JsonElement> GetAsync(Guid hotelId, VendorCredentials keys, string query, string describe, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(keys["BaseUrl"].TrimEnd('/') + "/" + RatesPath + "?" + query, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new RateShopException("The rate provider's base URL is not an http(s) address; correct it in Settings → Integrations.", isTransient: false);
        }

        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var (root, failure) = await TryOnceAsync(hotelId, keys, url, describe, cancellationToken);
            if (failure is null)
            {
                return root;
            }

            if (!failure.IsTransient || attempt >= settings.MaxAttempts)
            {
                throw failure.Exception;
            }

            var backoff = TimeSpan.FromTicks(settings.RetryDelay.Ticks * (1L << Math.Min(attempt - 1, 10)));
            var wait = failure.RetryAfter ?? TimeSpan.FromTicks((long)(backoff.Ticks * (0.5 + (Random.Shared.NextDouble() / 2))));
            if (wait > settings.MaxRetryWait)
            {
                throw failure.Exception;
            }

            // Real time, not the business clock: a test's frozen clock must not freeze the wait.
            await Task.Delay(wait, cancellationToken);
        }
    }

    private async Task<(JsonElement Root, Failure? Failure)> TryOnceAsync(Guid hotelId, VendorCredentials keys, Uri url, string describe, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys["ApiKey"]);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = httpClients.CreateClient(RateShopOptions.HttpClientName);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await LogAsync(hotelId, false, null, started, $"{describe}: timed out", cancellationToken);
            return (default, new Failure(new RateShopException("The rate provider did not answer in time.", isTransient: true, ex), true, null));
        }
        catch (HttpRequestException ex)
        {
            await LogAsync(hotelId, false, null, started, $"{describe}: network error: {ex.Message}", cancellationToken);
            return (default, new Failure(new RateShopException($"The rate provider could not be reached: {ex.Message}", isTransient: true, ex), true, null));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                JsonElement root;
                try
                {
                    using var document = JsonDocument.Parse(text);
                    root = document.RootElement.Clone();
                    var (items, skipped, next) = RateProviderJson.Page(root, time.GetUtcNow());
                    await LogAsync(hotelId, true, status, started, $"{describe}: {items.Count} rates{(skipped > 0 ? $", {skipped} unreadable skipped" : "")}{(next is null ? "" : ", more pages")}", cancellationToken);
                }
                catch (Exception ex) when (ex is JsonException or RateShopException)
                {
                    await LogAsync(hotelId, false, status, started, $"{describe}: unreadable answer", cancellationToken);
                    return (default, new Failure(new RateShopException("The rate provider's answer was not the expected JSON.", isTransient: true, ex), true, null));
                }

                return (root, null);
            }

            var message = RateProviderJson.ErrorMessage(text) ?? (text.Length > 200 ? text[..200] : text);
            await LogAsync(hotelId, false, status, started, $"{describe}: HTTP {status.ToString(CultureInfo.InvariantCulture)} {message}", cancellationToken);
            if (status is 401 or 403)
            {
                return (default, new Failure(new RateShopException($"The rate provider refused the API key (HTTP {status.ToString(CultureInfo.InvariantCulture)}). Check the key and base URL in Settings → Integrations.", isTransient: false), false, null));
            }

            var transient = status is 408 or 429 or >= 500;
            return (default, new Failure(
                new RateShopException($"The rate provider {(transient ? "could not serve" : "refused")} the request (HTTP {status.ToString(CultureInfo.InvariantCulture)}{(message.Length > 0 ? ": " + message : "")}).", transient),
                transient,
                transient ? RetryAfterHeader.From(response.Headers, time.GetUtcNow()) : null));
        }
    }

    private Task LogAsync(Guid hotelId, bool succeeded, int? status, long started, string summary, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.RateShop, IntegrationDirection.Outbound, "GET /" + RatesPath, succeeded, status, Stopwatch.GetElapsedTime(started), summary, isDemo: false, cancellationToken);

    private sealed record Failure(RateShopException Exception, bool IsTransient, TimeSpan? RetryAfter);
}
