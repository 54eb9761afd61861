using System.Text.Json;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.SmartRooms;

public sealed class KeyLifecycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportMapsADeviceToTheRoomItsNameNamesAndLeavesOthersUnmapped()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();

        var import = await hotel.Get<SmartRoomService>().ImportDevicesAsync(None);

        Assert.Equal(new DeviceImport(3, 0, 2), import);
        var devices = await hotel.Get<SmartRoomService>().DevicesAsync(None);
        var lock101 = Assert.Single(devices, d => d.SeamDeviceId == "dev_lock_101");
        Assert.Equal("101", lock101.RoomNumber);
        Assert.Equal(RoomDeviceKind.Lock, lock101.Kind);
        Assert.Equal("August", lock101.Manufacturer);
        Assert.Equal("102", Assert.Single(devices, d => d.SeamDeviceId == "dev_lock_102").RoomNumber);
        var thermostat = Assert.Single(devices, d => d.SeamDeviceId == "dev_thermo_lobby");
        Assert.Null(thermostat.RoomId);
        Assert.Equal(RoomDeviceKind.Thermostat, thermostat.Kind);

        var again = await hotel.Get<SmartRoomService>().ImportDevicesAsync(None);
        Assert.Equal(new DeviceImport(0, 3, 0), again);
    }

    [Fact]
    public async Task AManagerMapsADeviceByHandAndTheMappingIsAudited()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var thermostat = await hotel.DeviceAsync("dev_thermo_lobby");

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.FrontDesk).Get<SmartRoomService>().MapAsync(thermostat.Id, hotel.Rooms[0].Id, None));
        await hotel.ActAs(StaffRole.Manager).Get<SmartRoomService>().MapAsync(thermostat.Id, hotel.Rooms[0].Id, None);

        Assert.Equal(hotel.Rooms[0].Id, (await hotel.DeviceAsync("dev_thermo_lobby")).RoomId);
        await using var db = hotel.Db();
        Assert.Single(db.AuditEntries.Where(a => a.EntityId == thermostat.Id && a.Action == "Mapped"));
    }

    [Fact]
    public async Task AssigningARoomWithAMappedLockEnqueuesExactlyOneCreateIntent()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();

        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);

        var message = Assert.Single(await hotel.SeamOutboxAsync());
        Assert.Equal(SmartRoomOperations.CreateAccessCode, message.Operation);
        Assert.Equal($"key-{reservation.Id}-{hotel.Rooms[0].Id}", message.IdempotencyKey);
        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(key.Id, JsonSerializer.Deserialize<CreateAccessCodeIntent>(message.Payload, JsonDefaults.Options)!.AccessKeyId);
        Assert.Equal(AccessKeyStatus.Requested, key.Status);

        // Europe/Lisbon is on UTC in winter: 15:00 on arrival to 11:00 on departure.
        Assert.Equal(new DateTimeOffset(reservation.Arrival.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero), key.StartsAt);
        Assert.Equal(new DateTimeOffset(reservation.Departure.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero), key.EndsAt);
    }

    [Fact]
    public async Task ARoomWithoutAMappedLockGetsNoKey()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();

        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[2].Id, None);

        Assert.Empty(await hotel.SeamOutboxAsync());
        Assert.Empty(await hotel.KeysAsync(reservation.Id));
    }

    [Fact]
    public async Task ALockWithABackupCodePoolIsAskedToUseItSoAFailedCodeHasAFallback()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        hotel.Hub().Devices = [RecordingHub.Lock("dev_lock_101", "Room 101 lock", [6]) with { SupportsBackupCodePool = true }];
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);

        await hotel.DispatchAsync();

        Assert.True(Assert.Single(hotel.Hub().Requests).UseBackupAccessCodePool);
        Assert.True((await hotel.DeviceAsync("dev_lock_101")).SupportsBackupCodePool);
    }

    [Fact]
    public async Task DispatchingCreatesTheCodeWithinTheLocksLengthsAndStoresItsIdAsSetting()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);

        var result = Assert.Single(await hotel.DispatchAsync());

        Assert.Equal(DispatchResult.Succeeded("ac_1"), result);
        var request = Assert.Single(hotel.Hub().Requests);
        Assert.Equal("dev_lock_101", request.DeviceId);
        Assert.Equal(6, request.PreferredCodeLength);
        Assert.False(request.UseBackupAccessCodePool);
        Assert.Contains(reservation.ConfirmationCode, request.Name, StringComparison.Ordinal);
        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal("ac_1", key.SeamAccessCodeId);
        Assert.Equal(AccessKeyStatus.Setting, key.Status);

        // A replay of the intent finds the code already recorded and asks for nothing.
        var message = Assert.Single(await hotel.SeamOutboxAsync(SmartRoomOperations.CreateAccessCode));
        Assert.Equal(DispatchResult.Succeeded("ac_1"), await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, None));
        Assert.Single(hotel.Hub().Requests);
    }

    [Fact]
    public async Task AHubOutageIsHandedBackAsTransientWithItsRetryAfterAndARefusalFailsTheKey()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        var message = Assert.Single(await hotel.SeamOutboxAsync());

        hotel.Hub().NextFailure = new SmartRoomHubException("Too many requests", isTransient: true, httpStatus: 429, retryAfter: TimeSpan.FromSeconds(30));
        var transient = Assert.IsType<DispatchResult.TransientFailure>(await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, None));
        Assert.Equal(TimeSpan.FromSeconds(30), transient.RetryAfter);
        Assert.Equal(AccessKeyStatus.Requested, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);

        hotel.Hub().NextFailure = new SmartRoomHubException("Code length not supported", isTransient: false, httpStatus: 400, errorType: "invalid_input");
        Assert.IsType<DispatchResult.PermanentFailure>(await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, None));
        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Failed, key.Status);
        Assert.Equal("Code length not supported", key.LastError);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Locks && c.Kind == ChangeKind.Created);
    }

    [Fact]
    public async Task ACodeSetOnTheDeviceMakesTheKeyReadyAndSendsItOnceEvenWhenReplayed()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();

        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "654321" });
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "654321" });

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Ready, key.Status);
        Assert.Equal("654321", key.Code);
        Assert.NotNull(key.SentAt);
        var message = Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));
        Assert.Contains("654321", message.Body, StringComparison.Ordinal);
        Assert.Single(hotel.Published.Changes, c => c.Topic == ChangeTopic.Locks && c.Summary == "Door code ready");
    }

    [Fact]
    public async Task ARoomMoveRemovesTheOldCodeAndRequestsANewOne()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Rooms[1].Id, "noise", None);

        var outbox = await hotel.SeamOutboxAsync();
        Assert.Equal($"key-{reservation.Id}-{hotel.Rooms[0].Id}-remove", Assert.Single(outbox, m => m.Operation == SmartRoomOperations.DeleteAccessCode).IdempotencyKey);
        var creates = outbox.Where(m => m.Operation == SmartRoomOperations.CreateAccessCode).Select(m => m.IdempotencyKey).ToHashSet();
        Assert.Equivalent(new[] { $"key-{reservation.Id}-{hotel.Rooms[0].Id}", $"key-{reservation.Id}-{hotel.Rooms[1].Id}" }, creates);

        await hotel.DispatchAsync();
        Assert.Equal(["create dev_lock_101 ac_1", "delete dev_lock_101 ac_1", "create dev_lock_102 ac_2"], hotel.Hub().Calls);
        var keys = await hotel.KeysAsync(reservation.Id);
        Assert.Equal(AccessKeyStatus.Removing, Assert.Single(keys, k => k.RoomId == hotel.Rooms[0].Id).Status);
        Assert.Equal(AccessKeyStatus.Setting, Assert.Single(keys, k => k.RoomId == hotel.Rooms[1].Id).Status);

        await hotel.SeamEventAsync("access_code.removed_from_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });
        Assert.Equal(AccessKeyStatus.Removed, Assert.Single(await hotel.KeysAsync(reservation.Id), k => k.RoomId == hotel.Rooms[0].Id).Status);
    }

    [Fact]
    public async Task CancellingRemovesTheCode()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, "plans changed", None);

        var delete = Assert.Single(await hotel.SeamOutboxAsync(), m => m.Operation == SmartRoomOperations.DeleteAccessCode);
        Assert.Equal($"key-{reservation.Id}-{hotel.Rooms[0].Id}-remove", delete.IdempotencyKey);
        await hotel.DispatchAsync();
        Assert.Equal("delete dev_lock_101 ac_1", hotel.Hub().Calls[^1]);
        Assert.Equal(AccessKeyStatus.Removing, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task CancellingBeforeTheCodeIsCreatedCreatesNothing()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);

        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, None);
        await hotel.DispatchAsync();

        Assert.Empty(hotel.Hub().Calls);
        Assert.Equal(AccessKeyStatus.Removed, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task ACodeThatFailedToSetMarksTheKeyFailedAndAlertsTheDeskOnce()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();

        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });
        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Failed, key.Status);
        var alert = Assert.Single(hotel.Published.Changes, c => c.Topic == ChangeTopic.Locks && c.Kind == ChangeKind.Created);
        Assert.Contains(reservation.ConfirmationCode, alert.Summary, StringComparison.Ordinal);
        Assert.Empty(await hotel.KeyMessagesAsync(reservation.Id));
    }

    [Fact]
    public async Task LockConnectionAndBatteryEventsUpdateTheDeviceAndUnknownOnesAreIgnored()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var before = hotel.Published.Changes.Count;

        await hotel.SeamEventAsync("lock.unlocked", new { device_id = "dev_lock_101", method = "keycode" });
        await hotel.SeamEventAsync("lock.unlocked", new { device_id = "dev_lock_101", method = "keycode" });
        await hotel.SeamEventAsync("device.disconnected", new { device_id = "dev_lock_101", error_code = "device_offline" });
        await hotel.SeamEventAsync("device.low_battery", new { device_id = "dev_lock_101", battery_level = 0.15 });
        await hotel.SeamEventAsync("lock.locked", new { device_id = "dev_not_ours" });
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_not_ours", code = "1111" });

        var device = await hotel.DeviceAsync("dev_lock_101");
        Assert.False(device.Locked);
        Assert.False(device.Online);
        Assert.Equal(0.15, device.BatteryLevel);
        var changes = hotel.Published.Changes.Skip(before).ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.Equal(ChangeTopic.Locks, c.Topic));
        Assert.All(changes, c => Assert.Equal(device.Id, c.EntityId));
    }
}
