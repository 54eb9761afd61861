using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>
/// A hotel's domain state in words that do not depend on the app's own ids or clock: reservations with their
/// payments and folio lines, messages and conversations by guest, locks and their alerts. Two apps that applied
/// the same events end with equal texts.
/// </summary>
public static class StormState
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<string> OfAsync(StayfullApplication app, StormHotel hotel)
    {
        await using var db = app.Db(hotel.HotelId);
        var guests = await db.Guests.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.FullName);
        string Guest(Guid? id) => id is { } g && guests.TryGetValue(g, out var name) ? name : "(unknown)";
        var reservations = await db.Reservations.AsNoTracking().ToListAsync();
        var byReservation = reservations.ToDictionary(r => r.Id, r => Guest(r.GuestId));

        // Confirmation codes are drawn at random per app: name the stay by its guest instead.
        string? Words(string? text) => text is null ? null : reservations.Aggregate(text, (t, r) => t.Replace(r.ConfirmationCode, "[stay of " + Guest(r.GuestId) + "]", StringComparison.Ordinal));
        var devices = await db.RoomDevices.AsNoTracking().ToListAsync();
        var deviceNames = devices.ToDictionary(d => d.Id, d => d.SeamDeviceId);

        var state = new
        {
            Reservations = reservations.Select(r => new { Guest = Guest(r.GuestId), r.Status, r.Arrival, r.Departure }).OrderBy(r => r.Guest).ToList(),
            Payments = (await db.Payments.AsNoTracking().ToListAsync())
                .Select(p => new { Guest = byReservation[p.ReservationId], p.ProviderPaymentId, p.Kind, p.Status, p.AmountMinor, p.AuthorisedMinor, p.CapturedMinor, p.RefundedMinor, p.IsReleased, p.FailureReason, p.DisputeStatus })
                .OrderBy(p => p.ProviderPaymentId).ToList(),
            Folio = (await db.FolioEntries.AsNoTracking().ToListAsync())
                .Select(e => new { Guest = byReservation[e.ReservationId], e.Kind, Description = Words(e.Description), e.AmountMinor, e.ExternalId, e.PostedBy })
                .OrderBy(e => e.Guest).ThenBy(e => e.ExternalId).ThenBy(e => e.Kind).ThenBy(e => e.Description).ThenBy(e => e.AmountMinor).ToList(),
            Balances = (await db.FolioEntries.AsNoTracking().ToListAsync())
                .GroupBy(e => byReservation[e.ReservationId]).Select(g => new { Guest = g.Key, Lines = g.Count() }).OrderBy(g => g.Guest).ToList(),
            Messages = (await db.GuestMessages.AsNoTracking().ToListAsync())
                .Select(m => new { Guest = Guest(m.GuestId), m.Channel, m.Direction, m.From, m.To, Subject = Words(m.Subject), Body = Words(m.Body), m.TemplateKey, Vendor = m.Direction == Domain.Messaging.MessageDirection.Inbound ? m.VendorMessageId : null, m.Status, m.IsAutomatic })
                .OrderBy(m => m.Guest).ThenBy(m => m.Direction).ThenBy(m => m.Vendor).ThenBy(m => m.Body).ThenBy(m => m.TemplateKey).ToList(),
            Conversations = (await db.Conversations.AsNoTracking().ToListAsync())
                .Select(c => new { Guest = Guest(c.GuestId), Stay = c.ReservationId is { } r ? byReservation[r] : null, c.UnknownSender, c.LastInboundChannel, c.UnreadCount, c.IsUnanswered, c.Status })
                .OrderBy(c => c.Guest).ThenBy(c => c.UnknownSender).ToList(),
            Guests = guests.Values.Order(StringComparer.Ordinal).ToList(),
            Locks = devices.Select(d => new { d.SeamDeviceId, d.Online, d.Locked, d.DoorOpen, d.BatteryLevel, d.BatteryStatus, d.LockReportedAt, d.ConnectionReportedAt, d.BatteryReportedAt, d.DenialStreak })
                .OrderBy(d => d.SeamDeviceId).ToList(),
            // The alerts open now. Episodes already over are history: a late event about a past flap is stale news
            // and rightly changes nothing, so a storm records fewer past episodes than a replay in order does.
            OpenAlerts = (await db.SmartRoomAlerts.AsNoTracking().Where(a => a.ResolvedAt == null).ToListAsync())
                .Select(a => new { Device = deviceNames[a.RoomDeviceId], a.Kind, a.OpenKind, a.Message })
                .OrderBy(a => a.Device).ThenBy(a => a.Kind).ToList(),
            Intents = (await db.OutboxMessages.AsNoTracking().ToListAsync())
                .GroupBy(m => (m.Vendor, m.Operation, m.Status)).Select(g => new { g.Key.Vendor, g.Key.Operation, g.Key.Status, Count = g.Count() })
                .OrderBy(i => i.Vendor).ThenBy(i => i.Operation).ThenBy(i => i.Status).ToList(),
        };
        return JsonSerializer.Serialize(state, Indented);
    }

    /// <summary>What no storm may produce, whatever the order: a folio line, an inbound message or an intent twice, or an event stored twice.</summary>
    public static async Task AssertNoDuplicatesAsync(StayfullApplication app)
    {
        await using var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        var folio = await db.FolioEntries.IgnoreQueryFilters().Where(e => e.ExternalId != null).GroupBy(e => e.ExternalId).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        Assert.True(folio.Count == 0, "Folio lines posted twice: " + string.Join(", ", folio));
        var messages = await db.GuestMessages.IgnoreQueryFilters().Where(m => m.VendorMessageId != null).GroupBy(m => m.VendorMessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        Assert.True(messages.Count == 0, "Messages stored twice: " + string.Join(", ", messages));
        var intents = await db.OutboxMessages.IgnoreQueryFilters().GroupBy(m => m.IdempotencyKey).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        Assert.True(intents.Count == 0, "Intents recorded twice: " + string.Join(", ", intents));
        var events = await db.InboxEvents.IgnoreQueryFilters().GroupBy(e => new { e.Vendor, e.ExternalId }).Where(g => g.Count() > 1).CountAsync();
        Assert.Equal(0, events);
        var failed = await db.InboxEvents.IgnoreQueryFilters().Where(e => e.Status != WorkStatus.Done).Select(e => e.ExternalId + ": " + e.LastError).Take(5).ToListAsync();
        Assert.True(failed.Count == 0, "Events not applied: " + string.Join("; ", failed));
    }
}
