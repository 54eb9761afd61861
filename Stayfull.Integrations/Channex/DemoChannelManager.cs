using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// A simulated Channex property per hotel, held in memory, for hotels without Channex credentials. Its catalog
/// mirrors the hotel's room types and rate plans with fixed ids (<see cref="RoomTypeIdOf"/>, <see cref="RatePlanIdOf"/>);
/// ARI pushes succeed and are recorded, with Channex's warnings for values it would drop; OTA bookings, their
/// changes and guest chat messages are made up now and then (see <see cref="DemoChannexActivity"/>) and read back
/// through the same port calls as a real property's. Every call is logged as demo.
/// </summary>
public sealed partial class DemoChannelManager(StayfullDb database, IntegrationLogWriter log, IOptions<ChannexDemoOptions> options, TimeProvider time) : IChannelManager
{
    public const string RoomTypePrefix = "demo-rt-";
    public const string RatePlanPrefix = "demo-rp-";

    private readonly ConcurrentDictionary<Guid, Lazy<Task<DemoChannexProperty>>> _properties = new();

    /// <summary>The simulated property's id, as its webhooks and revisions carry it.</summary>
    public static string PropertyIdOf(Guid hotelId) => $"demo-property-{hotelId:N}";

    /// <summary>The simulated room type selling our room type <paramref name="roomTypeCode"/>: <c>demo-rt-std</c>.</summary>
    public static string RoomTypeIdOf(string roomTypeCode) => RoomTypePrefix + roomTypeCode.Trim().ToLowerInvariant();

    /// <summary>The simulated rate plan selling rate plan <paramref name="ratePlanCode"/> on room type <paramref name="roomTypeCode"/>: <c>demo-rp-std-bar</c>.</summary>
    public static string RatePlanIdOf(string roomTypeCode, string ratePlanCode) =>
        $"{RatePlanPrefix}{roomTypeCode.Trim().ToLowerInvariant()}-{ratePlanCode.Trim().ToLowerInvariant()}";

    public async Task<ChannelCatalog> GetCatalogAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var stock = await StockAsync(hotelId, cancellationToken);
        var catalog = stock.Catalog;
        await LogAsync(hotelId, "GET room_types", true, $"{catalog.RoomTypes.Count} simulated room types, {catalog.RatePlans.Count} rate plans", cancellationToken);
        return catalog;
    }

    public async Task<IReadOnlyList<BookingRevision>> GetRevisionFeedAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        List<BookingRevision> feed;
        lock (property)
        {
            feed = property.Feed.Select(id => property.Revisions[id]).ToList();
        }

        await LogAsync(hotelId, "GET booking_revisions/feed", true, $"{feed.Count} unacknowledged revisions", cancellationToken);
        return feed;
    }

    public async Task<BookingRevision> GetRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        BookingRevision? revision;
        lock (property)
        {
            property.Revisions.TryGetValue(revisionId, out revision);
        }

        if (revision is null)
        {
            await LogAsync(hotelId, "GET booking_revisions/{id}", false, $"revision {revisionId}: not_found", cancellationToken, 404);
            throw new ChannelManagerException($"Channex (demo) has no booking revision {revisionId}.", 404, isTransient: false);
        }

        await LogAsync(hotelId, "GET booking_revisions/{id}", true, $"revision {revisionId}: {revision.Status} {revision.UniqueId}", cancellationToken);
        return revision;
    }

    public async Task AcknowledgeRevisionAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        bool known;
        lock (property)
        {
            known = property.Revisions.ContainsKey(revisionId);
            property.Feed.Remove(revisionId);
        }

        if (!known)
        {
            await LogAsync(hotelId, "POST booking_revisions/{id}/ack", false, $"revision {revisionId}: not_found", cancellationToken, 404);
            throw new ChannelManagerException($"Channex (demo) has no booking revision {revisionId}.", 404, isTransient: false);
        }

        await LogAsync(hotelId, "POST booking_revisions/{id}/ack", true, $"revision {revisionId} acknowledged", cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelMessage>> GetBookingMessagesAsync(Guid hotelId, string bookingId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        List<ChannelMessage> messages;
        lock (property)
        {
            messages = property.Messages.TryGetValue(bookingId, out var thread) ? [.. thread] : [];
        }

        await LogAsync(hotelId, "GET bookings/{id}/messages", true, $"{messages.Count} messages on booking {bookingId}", cancellationToken);
        return messages;
    }

    /// <summary>Any booking takes a reply, so a demo that restarted (and forgot its bookings) still lets staff answer.</summary>
    public async Task<ChannelMessage> SendBookingMessageAsync(Guid hotelId, string bookingId, string text, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        ChannelMessage message;
        lock (property)
        {
            message = new ChannelMessage(property.NextId("message"), bookingId, ThreadOf(property, bookingId), text, ChannelMessageSender.Property, time.GetUtcNow());
            Thread(property, bookingId).Add(message);
        }

        await LogAsync(hotelId, "POST bookings/{id}/messages", true, $"message {message.Id} sent on booking {bookingId} ({text.Length} characters)", cancellationToken);
        return message;
    }

    public async Task RegisterWebhookAsync(Guid hotelId, Uri callbackUrl, string secretHeaderValue, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        lock (property)
        {
            property.WebhookUrl = callbackUrl;
        }

        await LogAsync(hotelId, "POST webhooks", true, $"webhook to {callbackUrl.AbsoluteUri} registered (events arrive through the demo feed)", cancellationToken);
    }

    private static string ThreadOf(DemoChannexProperty property, string bookingId)
    {
        if (!property.Threads.TryGetValue(bookingId, out var thread))
        {
            thread = property.NextId("thread");
            property.Threads[bookingId] = thread;
        }

        return thread;
    }

    private static List<ChannelMessage> Thread(DemoChannexProperty property, string bookingId)
    {
        if (!property.Messages.TryGetValue(bookingId, out var thread))
        {
            thread = [];
            property.Messages[bookingId] = thread;
        }

        return thread;
    }

    private Task<DemoChannexProperty> PropertyAsync(Guid hotelId) =>
        _properties.GetOrAdd(hotelId, id => new Lazy<Task<DemoChannexProperty>>(() => CreatePropertyAsync(id))).Value;

    private async Task<DemoChannexProperty> CreatePropertyAsync(Guid hotelId)
    {
        await using var db = database.ForHotel(hotelId);
        var hotel = await db.Hotels.AsNoTracking().Where(h => h.Id == hotelId).Select(h => new { h.Currency, h.TimeZoneId }).FirstOrDefaultAsync()
            ?? throw new ChannelManagerException($"Channex (demo): hotel {hotelId} does not exist.", 404, isTransient: false);
        var seed = options.Value.Seed ?? (hotelId.ToByteArray().Aggregate(17, (hash, b) => unchecked((hash * 31) + b)) & int.MaxValue);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(hotel.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new DemoChannexProperty(hotelId, hotel.Currency, zone, seed, time.GetUtcNow());
    }

    /// <summary>What the hotel sells, read fresh each time: room types, rate plans, and which demo ids are mapped to ours.</summary>
    private async Task<DemoStock> StockAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(hotelId);
        await using var db = database.ForHotel(hotelId);
        var roomTypes = await db.RoomTypes.AsNoTracking().Select(t => new { t.Id, t.Code, t.Name, t.Capacity, t.BaseRateMinor }).ToListAsync(cancellationToken);
        var counts = await db.Rooms.AsNoTracking().GroupBy(r => r.RoomTypeId).Select(g => new { RoomTypeId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ratePlans = await db.RatePlans.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.AdjustmentPercent, p.IsDefault }).ToListAsync(cancellationToken);
        var mappedRoomTypes = await db.ChannelRoomTypeMappings.AsNoTracking().Select(m => m.ChannelRoomTypeId).ToListAsync(cancellationToken);
        var mappedRatePlans = await db.ChannelRatePlanMappings.AsNoTracking().Select(m => m.ChannelRatePlanId).ToListAsync(cancellationToken);

        var sellable = new List<DemoSellable>();
        foreach (var type in roomTypes.OrderBy(t => t.Code, StringComparer.Ordinal))
        {
            var count = counts.FirstOrDefault(c => c.RoomTypeId == type.Id)?.Count;
            foreach (var plan in ratePlans.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Code, StringComparer.Ordinal))
            {
                sellable.Add(new DemoSellable(
                    RoomTypeIdOf(type.Code), type.Name, count ?? 0, type.Capacity,
                    RatePlanIdOf(type.Code, plan.Code), $"{type.Name} – {plan.Name}",
                    plan.IsDefault, type.BaseRateMinor, plan.AdjustmentPercent));
            }
        }

        var catalog = new ChannelCatalog(
            sellable.DistinctBy(s => s.RoomTypeId).Select(s => new ChannelRoomType(s.RoomTypeId, s.RoomTypeTitle, s.Rooms)).ToList(),
            sellable.Select(s => new ChannelRatePlan(s.RatePlanId, s.RatePlanTitle, s.RoomTypeId, property.Currency)).ToList(),
            IsDemo: true);
        return new DemoStock(property, catalog, sellable, [.. mappedRoomTypes], [.. mappedRatePlans]);
    }

    private Task LogAsync(Guid hotelId, string operation, bool succeeded, string summary, CancellationToken cancellationToken, int status = 200) =>
        log.RecordAsync(hotelId, IntegrationVendor.Channex, IntegrationDirection.Outbound, operation, succeeded, succeeded ? 200 : status, TimeSpan.Zero, "Demo: " + summary, isDemo: true, cancellationToken);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One room type and rate plan pair the simulated property sells, with what our side prices it at.</summary>
    private sealed record DemoSellable(string RoomTypeId, string RoomTypeTitle, int Rooms, int Capacity, string RatePlanId, string RatePlanTitle, bool IsDefaultPlan, long BaseRateMinor, decimal AdjustmentPercent);

    private sealed record DemoStock(DemoChannexProperty Property, ChannelCatalog Catalog, IReadOnlyList<DemoSellable> Sellable, HashSet<string> MappedRoomTypes, HashSet<string> MappedRatePlans);
}
