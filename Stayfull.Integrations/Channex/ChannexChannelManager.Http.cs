using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// One Channex call and its outcome: Channex's <c>{"errors":{code,title,details}}</c> answers become
/// <see cref="ChannelManagerException"/>s; 408, 429, 5xx, timeouts and network failures are transient (with
/// Retry-After when given, else a minute for 429 as Channex advises), the rest permanent. Every call is written
/// to the integration log, with the key and the webhook secret scrubbed from anything said.
/// </summary>
public sealed partial class ChannexChannelManager
{
    public const string ApiKeyHeader = "user-api-key";

    /// <summary>Stops a server that keeps answering full pages from holding a caller forever.</summary>
    private const int MaxPages = 200;

    internal async Task<JsonElement> CallAsync(Guid hotelId, ChannexKeys keys, HttpMethod method, string path, JsonNode? body, string operation, Func<JsonElement, string> describe, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Add(ApiKeyHeader, keys.ApiKey);
        request.Headers.Accept.ParseAdd("application/json");
        var client = httpClients.CreateClient(ChannexOptions.HttpClientName);
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
            await LogAsync(hotelId, operation, false, null, started, "timed out", keys, cancellationToken);
            throw new ChannelManagerException($"Channex did not answer {operation} in time.", null, isTransient: true, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            var reason = Scrub(ex.Message, keys);
            await LogAsync(hotelId, operation, false, null, started, $"network error: {reason}", keys, cancellationToken);
            throw new ChannelManagerException($"Channex could not be reached for {operation}: {reason}", null, isTransient: true, innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var root = Parse(text);
            if (response.IsSuccessStatusCode)
            {
                await LogAsync(hotelId, operation, true, status, started, describe(root), keys, cancellationToken);
                return root;
            }

            var errors = ChannexJson.Child(root, "errors");
            if (errors.ValueKind == JsonValueKind.Array)
            {
                errors = errors.EnumerateArray().FirstOrDefault();
            }

            var code = ChannexJson.String(errors, "code");
            var title = ChannexJson.String(errors, "title") ?? (root.ValueKind == JsonValueKind.Undefined ? ChannexJson.Preview(text) : response.ReasonPhrase ?? "");
            var details = ChannexJson.Flatten(ChannexJson.Child(errors, "details"));
            var transient = status is 408 or 429 or >= 500;
            var summary = Scrub($"HTTP {status.ToString(CultureInfo.InvariantCulture)}{(code is null ? "" : " " + code)}: {title}{(details.Length > 0 ? " (" + details + ")" : "")}", keys);
            await LogAsync(hotelId, operation, false, status, started, summary, keys, cancellationToken);
            var retryAfter = RetryAfterHeader.From(response.Headers, time.GetUtcNow()) ?? (status == 429 ? options.Value.RateLimitPause : null);
            throw new ChannelManagerException(
                $"Channex {(transient ? "could not serve" : "refused")} {operation}: {summary}.",
                status,
                transient,
                transient ? retryAfter : null);
        }
    }

    /// <summary>Every page of a JSON:API list (<c>pagination[page]</c>, <c>pagination[limit]</c>), until <c>meta.total</c> is read or a page comes back short.</summary>
    private async Task<List<JsonElement>> ListAllAsync(Guid hotelId, ChannexKeys keys, string path, string filter, string operation, CancellationToken cancellationToken)
    {
        var limit = options.Value.PageSize;
        var items = new List<JsonElement>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var query = $"{filter}{(filter.Length > 0 ? "&" : "")}pagination[page]={page.ToString(CultureInfo.InvariantCulture)}&pagination[limit]={limit.ToString(CultureInfo.InvariantCulture)}";
            var root = await CallAsync(hotelId, keys, HttpMethod.Get, $"{path}?{query}", null, operation,
                r => $"page {page.ToString(CultureInfo.InvariantCulture)}: {ChannexJson.Array(r, "data").Count().ToString(CultureInfo.InvariantCulture)} of {ChannexJson.Int(ChannexJson.Child(r, "meta"), "total")?.ToString(CultureInfo.InvariantCulture) ?? "?"}", cancellationToken);
            var data = ChannexJson.Array(root, "data").ToList();
            items.AddRange(data);
            var total = ChannexJson.Int(ChannexJson.Child(root, "meta"), "total");
            if (data.Count == 0 || (total is { } all ? items.Count >= all : data.Count < limit))
            {
                return items;
            }
        }

        throw new ChannelManagerException($"Channex kept answering more pages of {operation} after {MaxPages}.", null, isTransient: false);
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Removes the hotel's key and webhook secret from anything about to be said, whatever the server echoed.</summary>
    private static string Scrub(string text, ChannexKeys keys)
    {
        foreach (var secret in new[] { keys.ApiKey, keys.WebhookSecret })
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private Task LogAsync(Guid hotelId, string operation, bool succeeded, int? status, long started, string summary, ChannexKeys keys, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.Channex, IntegrationDirection.Outbound, operation, succeeded, status, Stopwatch.GetElapsedTime(started), Scrub(summary, keys), isDemo: false, cancellationToken);
}
