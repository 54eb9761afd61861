using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Tests.Seam;

/// <summary>The demo workspace's events go through the webhook inbox and the same listeners as real Seam webhooks.</summary>
public sealed class DemoSeamEventsPipelineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task DemoEventsLandInTheInboxOnceEvenWhenATickRepeats()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        await harness.Get<SmartRoomService>().ImportDevicesAsync(None);
        Assert.Contains(harness.HotelId, await harness.Feed.DemoHotelsAsync(None));
        var lockId = (await harness.Hub.ListDevicesAsync(harness.HotelId, None)).First(d => d.IsLock && d.Online).Id;
        await harness.Hub.UnlockDoorAsync(harness.HotelId, lockId, None);
        harness.Hotel.Time.Advance(TimeSpan.FromSeconds(5));

        // A tick whose events were never stored (the feed stopped half way) is repeated by the next.
        var pending = await harness.Hub.TickAsync(harness.HotelId, None);
        Assert.Equal(2, await harness.Feed.TickAsync(harness.HotelId, None));
        Assert.Equal(0, await harness.Feed.TickAsync(harness.HotelId, None));
        foreach (var seamEvent in pending)
        {
            var again = await harness.Services.GetRequiredService<WebhookInbox>().StoreAsync(harness.HotelId, IntegrationVendor.Seam, seamEvent.Id, seamEvent.Type, seamEvent.Payload, None);
            Assert.Equal(InboxOutcome.Duplicate, again);
        }

        var inbox = await harness.InboxAsync();
        Assert.Equal(pending.Select(e => (e.Id, e.Type, e.Payload)).Order(), inbox.Select(e => (e.ExternalId, e.EventType, e.Payload)).Order());
        await using var db = harness.Hotel.Db();
        var line = await db.IntegrationLog.SingleAsync(l => l.Direction == IntegrationDirection.Inbound);
        Assert.True(line.IsDemo);
        Assert.Equal("Webhook", line.Operation);
        Assert.StartsWith("Demo: 2 new", line.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHotelConnectedToSeamOrWithoutDevicesIsNotFed()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        Assert.DoesNotContain(harness.HotelId, await harness.Feed.DemoHotelsAsync(None));
        await harness.Get<SmartRoomService>().ImportDevicesAsync(None);
        Assert.Contains(harness.HotelId, await harness.Feed.DemoHotelsAsync(None));

        await harness.Get<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Seam,
            new Dictionary<string, string> { ["ApiKey"] = "test-key-" + Guid.NewGuid().ToString("N"), ["WebhookSecret"] = "whsec_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) },
            None);

        Assert.DoesNotContain(harness.HotelId, await harness.Feed.DemoHotelsAsync(None));
        Assert.Equal(0, await harness.Feed.TickAllAsync(None));
    }

    [Fact]
    public async Task AppliedByTheInboxProcessorTheEventsMakeTheKeyReadyAndKeepTheLockStateCurrent()
    {
        await using var harness = await DemoWorkspaceHarness.CreateAsync();
        var hotel = harness.Hotel;
        await harness.Get<SmartRoomService>().ImportDevicesAsync(None);
        var room = hotel.Rooms[0];
        var reservation = await harness.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today, Departure = hotel.Today.AddDays(2), GuestName = "Ada Lovelace", GuestEmail = "ada@example.test", RoomId = room.Id },
            None);

        await harness.ProcessAsync();
        var key = await KeyAsync(harness, reservation.Id);
        Assert.Equal(AccessKeyStatus.Setting, key.Status);
        var roomLock = await DeviceAsync(harness, key.RoomDeviceId);

        hotel.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Feed.TickAsync(harness.HotelId, None);
        await harness.ProcessAsync();

        key = await KeyAsync(harness, reservation.Id);
        Assert.Equal(AccessKeyStatus.Ready, key.Status);
        Assert.Equal((await harness.Hub.GetAccessCodeAsync(harness.HotelId, key.SeamAccessCodeId!, None)).Code, key.Code);
        await using (var db = hotel.Db())
        {
            Assert.Single(await db.GuestMessages.Where(m => m.ReservationId == reservation.Id && m.TemplateKey == MessageTemplateKeys.DigitalKey).ToListAsync());
        }

        await harness.Hub.UnlockDoorAsync(harness.HotelId, roomLock.SeamDeviceId, None);
        hotel.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Feed.TickAsync(harness.HotelId, None);
        await harness.ProcessAsync();
        Assert.False((await DeviceAsync(harness, roomLock.Id)).Locked);
        Assert.Contains(hotel.Published.Changes, c => c.Summary == $"{roomLock.DisplayName} unlocked");

        harness.Options.DisconnectChance = 1;
        await harness.Feed.TickAsync(harness.HotelId, None);
        harness.Options.DisconnectChance = 0;
        await harness.ProcessAsync();
        await using (var db = hotel.Db())
        {
            Assert.Single(await db.RoomDevices.Where(d => !d.Online).ToListAsync());
        }

        hotel.Time.Advance(TimeSpan.FromDays(250));
        await harness.Feed.TickAsync(harness.HotelId, None);
        await harness.ProcessAsync();
        await using (var db = hotel.Db())
        {
            var locks = await db.RoomDevices.Where(d => d.Kind == RoomDeviceKind.Lock).ToListAsync();
            Assert.All(locks, l => Assert.True(l.BatteryLevel < 0.2, $"{l.DisplayName} at {l.BatteryLevel}"));
            Assert.All(locks, l => Assert.True(l.Online, $"{l.DisplayName} back online"));
            Assert.Empty(await db.InboxEvents.Where(e => e.Status != WorkStatus.Done).ToListAsync());
        }
    }

    private static async Task<AccessKey> KeyAsync(DemoWorkspaceHarness harness, Guid reservationId)
    {
        await using var db = harness.Hotel.Db();
        return await db.AccessKeys.SingleAsync(k => k.ReservationId == reservationId);
    }

    private static async Task<RoomDevice> DeviceAsync(DemoWorkspaceHarness harness, Guid id)
    {
        await using var db = harness.Hotel.Db();
        return await db.RoomDevices.SingleAsync(d => d.Id == id);
    }
}
