using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// Feeds the events of the simulated Seam workspaces into the hotels' webhook inboxes, exactly where a
/// verified Seam webhook lands (same inbox, same dedupe on the event id, same inbound log line marked
/// demo), so the inbox processor applies them with the listeners real webhooks go through. Only hotels
/// with imported devices and no Seam credentials are fed.
/// </summary>
public sealed class DemoSeamWebhookFeed(DemoSmartRoomHub hub, WebhookInbox inbox, IntegrationLogWriter log, StayfullDb database)
{
    /// <summary>Hotels in demo mode for Seam that have devices to simulate.</summary>
    public async Task<IReadOnlyList<Guid>> DemoHotelsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.ForPlatform();
        var connected = db.IntegrationConnections.IgnoreQueryFilters()
            .Where(c => c.Vendor == IntegrationVendor.Seam && c.IsActive && c.ProtectedCredentials != null)
            .Select(c => c.HotelId);
        return await db.RoomDevices.IgnoreQueryFilters()
            .Where(d => !connected.Contains(d.HotelId))
            .Select(d => d.HotelId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>One tick of every demo hotel's workspace.</summary>
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

    /// <summary>
    /// Ticks one hotel's workspace and stores its undelivered events in the inbox. An event is forgotten by the
    /// workspace only once stored, so a tick that fails half way is repeated and the inbox keeps each event once.
    /// </summary>
    /// <returns>How many new events were stored.</returns>
    public async Task<int> TickAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var events = await hub.TickAsync(hotelId, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var stored = 0;
        var delivered = new List<string>(events.Count);
        try
        {
            foreach (var seamEvent in events)
            {
                if (await inbox.StoreAsync(hotelId, IntegrationVendor.Seam, seamEvent.Id, seamEvent.Type, seamEvent.Payload, cancellationToken) == InboxOutcome.Stored)
                {
                    stored++;
                }

                delivered.Add(seamEvent.Id);
            }
        }
        finally
        {
            await hub.DeliveredAsync(hotelId, delivered);
        }

        var summary = string.Join(", ", events.Take(10).Select(e => $"{e.Type} {e.Id}"));
        await log.RecordAsync(hotelId, IntegrationVendor.Seam, IntegrationDirection.Inbound, "Webhook", succeeded: true, 200, Stopwatch.GetElapsedTime(started), $"Demo: {stored} new, {events.Count - stored} repeated: {summary}", isDemo: true, cancellationToken);
        return stored;
    }
}
