using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// Records the channel manager's reports that a channel failed to take our data (<c>sync_error</c>,
/// <c>sync_warning</c>, <c>rate_error</c>) as sync errors for staff, naming the OTA when the payload does.
/// Keyed by the stored webhook, so a repeated delivery records nothing new.
/// </summary>
public sealed class AriSyncErrorListener(StayfullDb database, TimeProvider time, ILiveUpdatePublisher live) : IChannelEventListener
{
    private static readonly string[] ChannelFields = ["channel", "channel_name", "channel_title", "ota_name", "ota", "provider"];
    private static readonly string[] MessageFields = ["message", "error", "errors", "warning", "warnings", "description", "details", "title"];
    private static readonly string[] ItemFields = ["rate_plan_id", "room_type_id", "channel_id", "listing_id", "date"];

    public bool Takes(string eventType) => eventType is "sync_error" or "sync_warning" or "rate_error";

    public async Task HandleAsync(ChannelEvent channelEvent, CancellationToken cancellationToken)
    {
        var key = $"channex:{channelEvent.Source.Id:N}";
        await using var db = database.ForHotel(channelEvent.HotelId);
        if (await db.AriSyncErrors.AnyAsync(e => e.EventKey == key, cancellationToken))
        {
            return;
        }

        var (channel, item, message) = Read(channelEvent);
        db.AriSyncErrors.Add(new AriSyncError(channelEvent.HotelId, AriSyncErrorSource.ChannelReport, time.GetUtcNow(), channel, item, message, key));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await AlreadyRecordedAsync(channelEvent.HotelId, key, cancellationToken))
            {
                return; // the same delivery, processed twice at once
            }

            throw;
        }

        await live.PublishAsync(new HotelChange(channelEvent.HotelId, ChangeTopic.Channels, null, $"{Label(channelEvent.EventType)}{(channel is null ? "" : " on " + channel)}", ChangeKind.Created), cancellationToken);
    }

    private async Task<bool> AlreadyRecordedAsync(Guid hotelId, string key, CancellationToken cancellationToken)
    {
        await using var db = database.ForHotel(hotelId);
        return await db.AriSyncErrors.AnyAsync(e => e.EventKey == key, cancellationToken);
    }

    private static (string? Channel, string Item, string Message) Read(ChannelEvent channelEvent)
    {
        var label = Label(channelEvent.EventType);
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(channelEvent.Payload) ? "{}" : channelEvent.Payload);
            var payload = json.RootElement;
            if (payload.ValueKind != JsonValueKind.Object)
            {
                return (null, label, payload.ValueKind == JsonValueKind.Undefined ? label : Describe(payload));
            }

            var channel = ChannelFields.Select(f => Text(payload, f)).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            var message = MessageFields.Select(f => payload.TryGetProperty(f, out var v) ? Describe(v) : null).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            var item = ItemFields.Select(f => Text(payload, f) is { } v ? $"{f}: {v}" : null).FirstOrDefault(t => t is not null);
            return (channel, item ?? label, message ?? $"{label} reported by the channel manager.");
        }
        catch (JsonException)
        {
            return (null, label, $"{label} reported by the channel manager.");
        }
    }

    private static string? Text(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "title") ?? Text(value, "name"),
            _ => null,
        };
    }

    /// <summary>A readable sentence from a string, a list of messages or a field → messages map.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Describe).Where(t => t.Length > 0)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Describe(p.Value)}")),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "",
    };

    private static string Label(string eventType) => eventType switch
    {
        "sync_warning" => "Sync warning",
        "rate_error" => "Rate error",
        _ => "Sync error",
    };
}
