using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms;

/// <summary>Alerts raised by other code, deduplicated while open, resolved by the device, acknowledged by staff, kept per hotel.</summary>
public sealed class SmartRoomAlertTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RaisingAgainWhileOpenUpdatesTheSameAlert()
    {
        await using var hotel = await ImportedAsync();
        var device = await hotel.DeviceAsync("dev_lock_101");
        var first = hotel.Time.GetUtcNow();

        await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", first);
        await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", first);
        await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported again", first.AddMinutes(1));
        await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.AccessDenied, "3 refused attempts", first.AddMinutes(1));

        var alerts = await hotel.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        var tamper = Assert.Single(alerts, a => a.Kind == SmartRoomAlertKind.Tampered);
        Assert.Equal(2, tamper.Occurrences);
        Assert.Equal("Tampering reported again", tamper.Message);
        Assert.Equal(first, tamper.RaisedAt);
        Assert.Equal(first.AddMinutes(1), tamper.LastRaisedAt);
    }

    [Fact]
    public async Task AcknowledgingRecordsWhoAndWhenAuditsItAndTellsEveryConsole()
    {
        await using var hotel = await ImportedAsync();
        var device = await hotel.DeviceAsync("dev_lock_101");
        var alert = await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", hotel.Time.GetUtcNow());
        hotel.Time.Advance(TimeSpan.FromMinutes(7));
        var before = hotel.Published.Changes.Count;

        await hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomAlerts>().AcknowledgeAsync(alert.Id, None);
        await hotel.Get<SmartRoomAlerts>().AcknowledgeAsync(alert.Id, None);

        var acknowledged = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(hotel.Time.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Equal("FrontDesk tester", acknowledged.AcknowledgedBy);
        Assert.False(acknowledged.IsOpen); // a one-off happening: seen is done
        await using var db = hotel.Db();
        Assert.Single(await db.AuditEntries.Where(a => a.EntityId == alert.Id && a.Action == "Acknowledged").ToListAsync());
        var change = Assert.Single(hotel.Published.Changes.Skip(before));
        Assert.Equal(ChangeTopic.Locks, change.Topic);
        Assert.Equal(device.Id, change.EntityId);
        Assert.Empty((await hotel.Get<SmartRoomAlerts>().BoardAsync(None)).Alerts);
    }

    [Fact]
    public async Task HousekeepingCannotAcknowledgeAnAlert()
    {
        await using var hotel = await ImportedAsync();
        var device = await hotel.DeviceAsync("dev_lock_101");
        var alert = await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", hotel.Time.GetUtcNow());

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.Housekeeping).Get<SmartRoomAlerts>().AcknowledgeAsync(alert.Id, None));

        Assert.True(Assert.Single(await hotel.AlertsAsync()).NeedsAttention);
    }

    [Fact]
    public async Task AResolvedAlertStaysOnTheBoardUntilSomeoneAcknowledgesIt()
    {
        await using var hotel = await ImportedAsync();
        await hotel.SeamEventAsync("device.disconnected", new { device_id = "dev_lock_101" });
        hotel.Time.Advance(TimeSpan.FromMinutes(30));
        await hotel.SeamEventAsync("device.connected", new { device_id = "dev_lock_101" });

        var board = await hotel.Get<SmartRoomAlerts>().BoardAsync(None);
        var shown = Assert.Single(board.Alerts);
        Assert.Equal(SmartRoomAlertKind.Offline, shown.Kind);
        Assert.NotNull(shown.ResolvedAt);
        Assert.Equal("101", shown.RoomNumber);
        Assert.Equal(1, Assert.Single(board.Locks, l => l.RoomNumber == "101").OpenAlerts);

        await hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomAlerts>().AcknowledgeAsync(shown.Id, None);
        Assert.Empty((await hotel.Get<SmartRoomAlerts>().BoardAsync(None)).Alerts);
    }

    [Fact]
    public async Task AnAcknowledgedLockStillOfflineIsNotAlertedAgainUntilItComesBackAndDropsAgain()
    {
        await using var hotel = await ImportedAsync();
        await hotel.SeamEventAsync("device.disconnected", new { device_id = "dev_lock_101" });
        var alert = Assert.Single(await hotel.AlertsAsync());
        await hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomAlerts>().AcknowledgeAsync(alert.Id, None);

        // Still offline: later events about the lock and a fresh import leave the acknowledged alert as it is.
        hotel.Time.Advance(TimeSpan.FromMinutes(10));
        await hotel.SeamEventAsync("device.disconnected", new { device_id = "dev_lock_101" });
        hotel.Hub().Devices = [RecordingHub.Lock("dev_lock_101", "Room 101 lock", [6]) with { Online = false }];
        await hotel.ActAs(StaffRole.Manager).ImportAsync();
        var quiet = Assert.Single(await hotel.AlertsAsync());
        Assert.True(quiet.IsOpen);
        Assert.False(quiet.NeedsAttention);
        Assert.Empty((await hotel.Get<SmartRoomAlerts>().BoardAsync(None)).Alerts);

        hotel.Time.Advance(TimeSpan.FromMinutes(10));
        await hotel.SeamEventAsync("device.connected", new { device_id = "dev_lock_101" });
        hotel.Time.Advance(TimeSpan.FromMinutes(10));
        await hotel.SeamEventAsync("device.disconnected", new { device_id = "dev_lock_101" });

        var alerts = await hotel.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.False(alerts[0].IsOpen);
        Assert.True(alerts[1].IsOpen);
        Assert.True(alerts[1].NeedsAttention);
    }

    [Fact]
    public async Task AOneOffAlertRaisedAgainAfterItWasAcknowledgedIsANewAlert()
    {
        await using var hotel = await ImportedAsync();
        var device = await hotel.DeviceAsync("dev_lock_101");
        var first = await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", hotel.Time.GetUtcNow());
        await hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomAlerts>().AcknowledgeAsync(first.Id, None);

        await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", hotel.Time.GetUtcNow().AddMinutes(5));

        var alerts = await hotel.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.True(alerts[1].NeedsAttention);
    }

    [Fact]
    public async Task ACodeThatFailedToSetRaisesOneCodeFailedAlertThatTheCodeSettingLaterResolves()
    {
        await using var hotel = await ImportedAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();

        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", error_code = "device_offline" });
        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", error_code = "device_offline" });

        var alert = Assert.Single(await hotel.AlertsAsync());
        Assert.Equal(SmartRoomAlertKind.CodeFailed, alert.Kind);
        Assert.Equal((await hotel.DeviceAsync("dev_lock_101")).Id, alert.RoomDeviceId);
        Assert.Contains(reservation.ConfirmationCode, alert.Message, StringComparison.Ordinal);
        Assert.Equal(1, alert.Occurrences);

        hotel.Time.Advance(TimeSpan.FromMinutes(2));
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "123456" });
        Assert.False(Assert.Single(await hotel.AlertsAsync()).IsOpen);

        // The failure delivered again after the success is old news.
        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", error_code = "device_offline" });
        Assert.Single(await hotel.AlertsAsync());
    }

    [Fact]
    public async Task AnotherHotelNeitherSeesNorAcknowledgesTheAlert()
    {
        await using var hotel = await ImportedAsync();
        var device = await hotel.DeviceAsync("dev_lock_101");
        var alert = await hotel.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Tampering reported", hotel.Time.GetUtcNow());
        await using var neighbour = await hotel.CreateNeighbourAsync();

        Assert.Empty((await neighbour.Get<SmartRoomAlerts>().BoardAsync(None)).Alerts);
        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.Get<SmartRoomAlerts>().AcknowledgeAsync(alert.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.RaiseAsync(device.Id, SmartRoomAlertKind.Tampered, "Not yours", hotel.Time.GetUtcNow()));

        Assert.True(Assert.Single(await hotel.AlertsAsync()).NeedsAttention);
    }

    private static async Task<TestHotel> ImportedAsync()
    {
        var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        return hotel;
    }
}

internal static class AlertRaising
{
    /// <summary>Raises an alert as other domain code would: inside a write session of the acting hotel.</summary>
    public static Task<SmartRoomAlert> RaiseAsync(this TestHotel hotel, Guid roomDeviceId, SmartRoomAlertKind kind, string message, DateTimeOffset at) =>
        hotel.Get<HotelSessions>().WriteAsync(s => SmartRoomAlerts.RaiseAsync(s, roomDeviceId, kind, message, at, CancellationToken.None), CancellationToken.None);
}
