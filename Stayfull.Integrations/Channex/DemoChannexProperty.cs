using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stayfull.Domain.Channels;

namespace Stayfull.Integrations.Channex;

/// <summary>An ARI call the simulated property received, as the console may show it.</summary>
/// <param name="Kind"><c>availability</c> or <c>restrictions</c>.</param>
/// <param name="Items">Each value sent, described as in a warning.</param>
/// <param name="TaskId">The task that applied the accepted values; null when every value was dropped.</param>
public sealed record DemoAriPush(DateTimeOffset At, string Kind, IReadOnlyList<string> Items, IReadOnlyList<AriWarning> Warnings, string? TaskId);

/// <summary>
/// Something the simulated property tells the hotel, as the Channex webhook it would send: <paramref name="Body"/> is
/// the exact JSON Channex posts and <paramref name="Id"/> its inbox key (the same as the verifier gives a real one).
/// </summary>
public sealed record DemoChannexEvent(string Id, string Type, string Body, BookingRevision? Revision, ChannelMessage? Message);

/// <summary>One hotel's simulated Channex property, in memory. Guarded by locking the instance.</summary>
internal sealed class DemoChannexProperty(Guid hotelId, string currency, TimeZoneInfo timeZone, int seed, DateTimeOffset createdAt)
{
    /// <summary>Revisions kept for reading back by id; the oldest acknowledged ones go first.</summary>
    public const int MaxRevisions = 1000;

    private int _sequence;

    public Guid HotelId { get; } = hotelId;

    public string PropertyId { get; } = DemoChannelManager.PropertyIdOf(hotelId);

    public string Currency { get; } = currency;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Every choice the simulation makes, in order: the same seed and calls give the same story.</summary>
    public Random Random { get; } = new(seed);

    public bool FirstBookingMade { get; set; }

    public LinkedList<DemoAriPush> Pushes { get; } = new();

    /// <summary>Every revision by id, in the order received.</summary>
    public Dictionary<string, BookingRevision> Revisions { get; } = new(StringComparer.Ordinal);

    public List<string> RevisionOrder { get; } = [];

    /// <summary>Revisions not yet acknowledged, oldest first.</summary>
    public List<string> Feed { get; } = [];

    /// <summary>The latest revision of each booking, by booking id.</summary>
    public Dictionary<string, BookingRevision> Bookings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ChannelMessage>> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Threads { get; } = new(StringComparer.Ordinal);

    public Uri? WebhookUrl { get; set; }

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);

    /// <summary>
    /// A UUID like Channex's, the same for the same hotel, start and sequence (so tests can rely on it) and new
    /// after a restart (so a restarted demo never reuses an id the inbox has already seen).
    /// </summary>
    public string NextId(string kind)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{HotelId:N}|{CreatedAt.UtcTicks}|{kind}|{++_sequence}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    public void Keep(BookingRevision revision)
    {
        Revisions[revision.Id] = revision;
        RevisionOrder.Add(revision.Id);
        Bookings[revision.BookingId] = revision;
        Feed.Add(revision.Id);
        while (RevisionOrder.Count > MaxRevisions && RevisionOrder.FirstOrDefault(id => !Feed.Contains(id)) is { } oldest)
        {
            RevisionOrder.Remove(oldest);
            Revisions.Remove(oldest);
        }
    }
}
