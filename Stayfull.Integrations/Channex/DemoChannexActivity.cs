using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// Feeds the simulated Channex properties' webhooks into the demo hotels' webhook inboxes, exactly where a verified
/// Channex webhook lands (same inbox, same keys, an inbound log line marked demo), so the same applier and listeners
/// import the bookings and guest messages. Only hotels without a live Channex connection whose room types are mapped
/// to the simulated property (<c>demo-rt-…</c>) are fed. The web host ticks it on a timer; tests and seeding call the
/// <c>…NowAsync</c> methods to make one thing happen at once.
/// </summary>
public sealed class DemoChannexActivity(DemoChannelManager property, WebhookInbox inbox, IntegrationLogWriter log, StayfullDb database)
{
    /// <summary>Hotels in demo mode for Channex that have mapped a room type to the simulated property.</summary>
    public async Task<IReadOnlyList<Guid>> DemoHotelsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.ForPlatform();
        var connected = db.IntegrationConnections.IgnoreQueryFilters()
            .Where(c => c.Vendor == IntegrationVendor.Channex && c.IsActive && c.ProtectedCredentials != null)
            .Select(c => c.HotelId);
        return await db.ChannelRoomTypeMappings.IgnoreQueryFilters()
            .Where(m => m.ChannelRoomTypeId.StartsWith(DemoChannelManager.RoomTypePrefix) && !connected.Contains(m.HotelId))
            .Select(m => m.HotelId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>One tick of every demo hotel's property.</summary>
    /// <returns>How many new events were stored.</returns>
    public async Task<int> TickAllAsync(CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var hotelId in await DemoHotelsAsync(cancellationToken))
        {
            stored += await TickAsync(hotelId, cancellationToken);
        }

        return stored;
    }

    /// <summary>One tick of one hotel's property; its webhooks go into the inbox.</summary>
    /// <returns>How many new events were stored.</returns>
    public async Task<int> TickAsync(Guid hotelId, CancellationToken cancellationToken) =>
        await StoreAsync(hotelId, await property.TickAsync(hotelId, cancellationToken), cancellationToken);

    /// <summary>A new OTA booking right away, in the feed and (as <c>booking_new</c>) in the inbox.</summary>
    public async Task<BookingRevision> BookNowAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var told = await property.NewBookingAsync(hotelId, cancellationToken);
        await StoreAsync(hotelId, [told], cancellationToken);
        return told.Revision!;
    }

    /// <summary>A modification or cancellation of a simulated booking still to come, right away; null when there is none.</summary>
    public async Task<BookingRevision?> ChangeNowAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await property.ChangeBookingAsync(hotelId, cancellationToken) is not { } told)
        {
            return null;
        }

        await StoreAsync(hotelId, [told], cancellationToken);
        return told.Revision;
    }

    /// <summary>A guest message right away on <paramref name="bookingId"/> (or a simulated booking); null when there is no booking to write on.</summary>
    public async Task<ChannelMessage?> GuestMessageNowAsync(Guid hotelId, string? bookingId, CancellationToken cancellationToken)
    {
        if (await property.GuestMessageAsync(hotelId, bookingId, cancellationToken) is not { } told)
        {
            return null;
        }

        await StoreAsync(hotelId, [told], cancellationToken);
        return told.Message;
    }

    private async Task<int> StoreAsync(Guid hotelId, IReadOnlyList<DemoChannexEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var stored = 0;
        foreach (var told in events)
        {
            if (await inbox.StoreAsync(hotelId, IntegrationVendor.Channex, told.Id, told.Type, told.Body, cancellationToken) == InboxOutcome.Stored)
            {
                stored++;
            }
        }

        var summary = string.Join(", ", events.Take(10).Select(e => e.Type + " " + (e.Revision?.UniqueId ?? e.Message?.BookingId)));
        await log.RecordAsync(hotelId, IntegrationVendor.Channex, IntegrationDirection.Inbound, "Webhook", succeeded: true, 200, Stopwatch.GetElapsedTime(started), $"Demo: {stored} new, {events.Count - stored} repeated: {summary}", isDemo: true, cancellationToken);
        return stored;
    }
}
