using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// The channel-manager port over Channex's REST API (<c>user-api-key</c> header, JSON:API-like answers) with the
/// hotel's own key and property. Calls go out once: the domain queues ARI and backs off, so nothing here retries.
/// A hotel without Channex credentials is served by <see cref="DemoChannelManager"/>.
/// </summary>
public sealed partial class ChannexChannelManager(
    ConnectionCredentialsStore credentials,
    IHttpClientFactory httpClients,
    IOptions<ChannexOptions> options,
    IntegrationLogWriter log,
    DemoChannelManager demo,
    TimeProvider time) : IChannelManager
{
    public async Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetCatalogAsync(hotelId, cancellationToken);
        }

        var filter = PropertyFilter(keys);
        var roomTypes = await ListAllAsync(hotelId, keys, "room_types", filter, "GET room_types", cancellationToken);
        var ratePlans = await ListAllAsync(hotelId, keys, "rate_plans", filter, "GET rate_plans", cancellationToken);
        return new ChannelCatalog(roomTypes.Select(ChannexJson.RoomType).ToList(), ratePlans.Select(ChannexJson.RatePlan).ToList(), IsDemo: false);
    }

    public async Task<AriPushResult> PushAvailabilityAsync(Guid hotelId, IReadOnlyList<AvailabilityValue> values, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.PushAvailabilityAsync(hotelId, values, cancellationToken);
        }

        return await PushAsync(hotelId, keys, "availability", ChannexAri.AvailabilityBody(keys.PropertyId, values), values.Count, cancellationToken);
    }

    public async Task<AriPushResult> PushRestrictionsAsync(Guid hotelId, string currency, IReadOnlyList<RestrictionValue> values, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.PushRestrictionsAsync(hotelId, currency, values, cancellationToken);
        }

        return await PushAsync(hotelId, keys, "restrictions", ChannexAri.RestrictionsBody(keys.PropertyId, currency, values), values.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetRevisionFeedAsync(hotelId, cancellationToken);
        }

        var filter = PropertyFilter(keys) + "&order[inserted_at]=asc";
        var revisions = await ListAllAsync(hotelId, keys, "booking_revisions/feed", filter, "GET booking_revisions/feed", cancellationToken);
        return revisions.Select(ChannexJson.Revision).OrderBy(r => r.InsertedAt).ToList();
    }

    public async Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetRevisionAsync(hotelId, revisionId, cancellationToken);
        }

        var root = await CallAsync(hotelId, keys, HttpMethod.Get, $"booking_revisions/{Escape(revisionId)}", null, "GET booking_revisions/{id}",
            r => $"revision {revisionId}: {ChannexJson.String(ChannexJson.Resource(ChannexJson.Child(r, "data")).Attributes, "status")}", cancellationToken);
        return ChannexJson.Revision(Data(root, "booking_revisions/{id}"));
    }

    public async Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            await demo.AcknowledgeRevisionAsync(hotelId, revisionId, cancellationToken);
            return;
        }

        await CallAsync(hotelId, keys, HttpMethod.Post, $"booking_revisions/{Escape(revisionId)}/ack", null, "POST booking_revisions/{id}/ack", _ => $"revision {revisionId} acknowledged", cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.GetBookingMessagesAsync(hotelId, bookingId, cancellationToken);
        }

        var messages = await ListAllAsync(hotelId, keys, $"bookings/{Escape(bookingId)}/messages", "", "GET bookings/{id}/messages", cancellationToken);
        return messages.Select(m => ChannexJson.Message(m, bookingId)).OrderBy(m => m.InsertedAt).ToList();
    }

    public async Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken)
    {
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            return await demo.SendBookingMessageAsync(hotelId, bookingId, text, cancellationToken);
        }

        var body = new JsonObject { ["message"] = new JsonObject { ["message"] = text } };
        var root = await CallAsync(hotelId, keys, HttpMethod.Post, $"bookings/{Escape(bookingId)}/messages", body, "POST bookings/{id}/messages",
            r => $"message {ChannexJson.String(ChannexJson.Child(r, "data"), "id")} sent on booking {bookingId} ({text.Length} characters)", cancellationToken);
        return ChannexJson.Message(Data(root, "bookings/{id}/messages"), bookingId);
    }

    public async Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        if (await KeysAsync(hotelId, cancellationToken) is not { } keys)
        {
            await demo.RegisterWebhookAsync(hotelId, callbackUrl, secretHeaderValue, cancellationToken);
            return;
        }

        // The secret travels only in this body; it is scrubbed from anything logged or thrown.
        keys = keys with { WebhookSecret = secretHeaderValue };
        var url = callbackUrl.AbsoluteUri;
        var existing = (await ListAllAsync(hotelId, keys, "webhooks", PropertyFilter(keys), "GET webhooks", cancellationToken))
            .FirstOrDefault(w => IsOurs(w, keys.PropertyId, url));
        var body = new JsonObject
        {
            ["webhook"] = new JsonObject
            {
                ["property_id"] = keys.PropertyId,
                ["callback_url"] = url,
                ["event_mask"] = "*",
                ["headers"] = new JsonObject { [ChannexWebhookVerifier.SecretHeader] = secretHeaderValue },
                ["is_active"] = true,
                ["send_data"] = true,
            },
        };
        if (ChannexJson.Resource(existing).Id is { Length: > 0 } webhookId)
        {
            await CallAsync(hotelId, keys, HttpMethod.Put, $"webhooks/{Escape(webhookId)}", body, "PUT webhooks/{id}", _ => $"webhook {webhookId} updated to {url}", cancellationToken);
        }
        else
        {
            await CallAsync(hotelId, keys, HttpMethod.Post, "webhooks", body, "POST webhooks", r => $"webhook {ChannexJson.String(ChannexJson.Child(r, "data"), "id")} created for {url}", cancellationToken);
        }
    }

    /// <summary>The hotel's Channex credentials, or null for demo mode.</summary>
    internal async Task<ChannexKeys?> KeysAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(hotelId, IntegrationVendor.Channex, cancellationToken);
        if (stored is null || stored["ApiKey"].Length == 0)
        {
            return null;
        }

        return stored["PropertyId"].Length == 0
            ? throw new ChannelManagerException("The hotel's Channex connection has no property id; reconnect Channex with it.", null, isTransient: false)
            : new ChannexKeys(stored["ApiKey"], stored["PropertyId"], stored["WebhookSecret"]);
    }

    private async Task<AriPushResult> PushAsync(Guid hotelId, ChannexKeys keys, string path, JsonObject body, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return new AriPushResult([], [], IsDemo: false);
        }

        var root = await CallAsync(hotelId, keys, HttpMethod.Post, path, body, "POST " + path, r =>
        {
            var warnings = ChannexAri.Warnings(r);
            var summary = $"{count.ToString(CultureInfo.InvariantCulture)} values, tasks {string.Join(", ", ChannexAri.TaskIds(r))}";
            return warnings.Count == 0 ? summary : $"{summary}; {warnings.Count.ToString(CultureInfo.InvariantCulture)} dropped: {string.Join(" | ", warnings.Take(5).Select(w => $"{w.Item} ({w.Message})"))}";
        }, cancellationToken);
        return new AriPushResult(ChannexAri.TaskIds(root), ChannexAri.Warnings(root), IsDemo: false);
    }

    /// <summary>A webhook of this property that is ours: same callback, or carrying our secret header from an earlier address.</summary>
    private static bool IsOurs(JsonElement webhook, string propertyId, string url)
    {
        var (_, a) = ChannexJson.Resource(webhook);
        var property = ChannexJson.RelatedId(webhook, "property") ?? ChannexJson.String(a, "property_id");
        if (property is not null && !string.Equals(property, propertyId, StringComparison.Ordinal))
        {
            return false;
        }

        var headers = ChannexJson.Child(a, "headers");
        var carriesOurHeader = headers.ValueKind == JsonValueKind.Object
            && headers.EnumerateObject().Any(h => string.Equals(h.Name, ChannexWebhookVerifier.SecretHeader, StringComparison.OrdinalIgnoreCase));
        return string.Equals(ChannexJson.String(a, "callback_url"), url, StringComparison.Ordinal) || carriesOurHeader;
    }

    private static string PropertyFilter(ChannexKeys keys) => "filter[property_id]=" + Escape(keys.PropertyId);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static JsonElement Data(JsonElement root, string path) =>
        ChannexJson.Child(root, "data") is { ValueKind: JsonValueKind.Object } data
            ? data
            : throw new ChannelManagerException($"Channex answered {path} without its data.", 200, isTransient: false);
}

/// <summary>A hotel's Channex connection as the adapter uses it. Never printed.</summary>
internal sealed record ChannexKeys(string ApiKey, string PropertyId, string WebhookSecret)
{
    public override string ToString() => $"ChannexKeys(property {PropertyId})";
}
