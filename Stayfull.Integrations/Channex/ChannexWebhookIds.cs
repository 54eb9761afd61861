using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// The inbox key of one Channex webhook: the same trigger delivered twice gets the same key, distinct triggers
/// do not. A booking webhook is keyed by its revision, a chat message by its id, a sync error by its channel
/// event; anything else by the event name and a hash of the exact body.
/// </summary>
public static class ChannexWebhookIds
{
    /// <summary>The inbox's key column holds 200 characters.</summary>
    private const int MaxEventLength = 60;

    public static string For(string eventType, JsonElement body, string rawBody)
    {
        var name = eventType.Length > MaxEventLength ? eventType[..MaxEventLength] : eventType;
        var payload = ChannexJson.Child(body, "payload");
        var subject = ChannexJson.String(payload, "revision_id")
            ?? ChannexJson.String(payload, "booking_revision_id")
            ?? (eventType == "message" ? ChannexJson.String(payload, "id") : null)
            ?? ChannexJson.String(payload, "channel_event_id")
            ?? ChannexJson.String(payload, "live_feed_event_id");
        return subject is { Length: > 0 and <= 120 }
            ? $"{name}:{subject}"
            : $"{name}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawBody)))}";
    }
}
