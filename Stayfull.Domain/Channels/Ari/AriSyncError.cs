using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>Where a sync error came from.</summary>
public enum AriSyncErrorSource
{
    /// <summary>An item the channel manager dropped from one of our pushes (<c>meta.warnings</c>).</summary>
    PushWarning = 0,

    /// <summary>The channel manager refused our push outright; pushes of that kind wait for staff.</summary>
    PushRefused = 1,

    /// <summary>The channel manager reported a channel's failure (<c>sync_error</c>, <c>sync_warning</c>, <c>rate_error</c>).</summary>
    ChannelReport = 2,
}

/// <summary>A problem distributing the hotel's availability, rates or restrictions, shown to staff until dismissed.</summary>
public sealed class AriSyncError : ITenantOwned
{
    public const int MaxMessageLength = 1000;

    private AriSyncError()
    {
    }

    public AriSyncError(Guid hotelId, AriSyncErrorSource source, DateTimeOffset at, string? channel, string item, string message, string? eventKey = null)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Source = source;
        At = at;
        Channel = Cut(channel, 100);
        Item = Cut(item, 300) ?? "";
        Message = Cut(message, MaxMessageLength) ?? "";
        EventKey = eventKey;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public AriSyncErrorSource Source { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The OTA the problem is about (Booking.com, Airbnb…) when the channel manager names it.</summary>
    public string? Channel { get; private set; }

    /// <summary>What was refused: a room type or rate plan and its dates, or the event's own subject.</summary>
    public string Item { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>The stored webhook this came from, so a repeated delivery records nothing new.</summary>
    public string? EventKey { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    public string? DismissedBy { get; private set; }

    public bool IsOpen => DismissedAt is null;

    public void Dismiss(string by, DateTimeOffset at)
    {
        DismissedAt ??= at;
        DismissedBy ??= by;
    }

    private static string? Cut(string? text, int length) => text is { Length: > 0 } t && t.Length > length ? t[..length] : text;
}
