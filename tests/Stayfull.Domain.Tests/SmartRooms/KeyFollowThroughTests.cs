using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms;

/// <summary>A key from booking to removal, however the hub's answers arrive: late, twice, out of order, or never.</summary>
public sealed class KeyFollowThroughTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BookingWithARoomCreatesTheCodeAndSendsItOnceWhenTheHubSaysItIsSet()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        Assert.Empty(await hotel.KeyMessagesAsync(reservation.Id));
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "123451" });

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Ready, key.Status);
        Assert.Equal("aa_ac_1", key.ActionAttemptId);
        var message = Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));
        Assert.Contains("123451", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoomMoveSendsTheNewCodeOnceItIsSetAndRemovesTheOldOne()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "111111" });

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Rooms[1].Id, "noise", None);
        await hotel.DispatchAsync();
        Assert.Contains("delete dev_lock_101 ac_1", hotel.Hub().Calls);
        Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));

        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_102", access_code_id = "ac_2", code = "222222" });
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_102", access_code_id = "ac_2", code = "222222" });
        await hotel.SeamEventAsync("access_code.removed_from_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });

        var messages = await hotel.KeyMessagesAsync(reservation.Id);
        Assert.Equal(2, messages.Count);
        Assert.Single(messages, m => m.Body.Contains("222222", StringComparison.Ordinal));
        var keys = await hotel.KeysAsync(reservation.Id);
        Assert.Equal(AccessKeyStatus.Removed, Assert.Single(keys, k => k.RoomId == hotel.Rooms[0].Id).Status);
        Assert.Equal(AccessKeyStatus.Ready, Assert.Single(keys, k => k.RoomId == hotel.Rooms[1].Id).Status);
    }

    [Fact]
    public async Task MovingBackToARoomIssuesItsKeyAgainAndTheOldRemovalLeavesTheNewCodeAlone()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Rooms[1].Id, "noise", None);
        await hotel.Get<ReservationService>().MoveRoomAsync(reservation.Id, hotel.Rooms[0].Id, "quiet again", None);
        await hotel.DispatchAsync();

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id), k => k.RoomId == hotel.Rooms[0].Id);
        Assert.Equal(AccessKeyStatus.Setting, key.Status);
        Assert.Contains(hotel.Hub().Codes, c => c.Id == key.SeamAccessCodeId && c.DeviceId == "dev_lock_101");
        Assert.Contains("delete dev_lock_101 ac_1", hotel.Hub().Calls);
    }

    [Fact]
    public async Task ShorteningAndExtendingTheStaySendsTheNewWindowToTheCodeAndRepricesTheNights()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        var stays = hotel.Get<StayChangeService>();

        var shorter = await stays.ChangeDatesAsync(reservation.Id, reservation.Arrival, reservation.Departure.AddDays(-1), None);
        Assert.Equal(shorter.RoomNightsBefore.Minor / 2, shorter.RoomNightsAfter.Minor);
        await hotel.DispatchAsync();
        var departure = reservation.Departure.AddDays(-1);
        Assert.Equal($"update ac_1 {reservation.Arrival:yyyy-MM-dd} 15:00 {departure:yyyy-MM-dd} 11:00", hotel.Hub().Calls[^1]);

        await stays.ChangeDatesAsync(reservation.Id, reservation.Arrival, reservation.Departure.AddDays(2), None);
        await hotel.DispatchAsync();
        Assert.Equal($"update ac_1 {reservation.Arrival:yyyy-MM-dd} 15:00 {reservation.Departure.AddDays(2):yyyy-MM-dd} 11:00", hotel.Hub().Calls[^1]);
        Assert.Equal(2, (await hotel.SeamOutboxAsync(SmartRoomOperations.UpdateAccessCode)).Count);

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(new DateTimeOffset(reservation.Departure.AddDays(2).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero), key.EndsAt);
        await using var db = hotel.Db();
        var nights = await db.FolioEntries.Where(e => e.ReservationId == reservation.Id && e.Kind == FolioEntryKind.RoomNight).OrderBy(e => e.ServiceDate).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => reservation.Arrival.AddDays(i)), nights.Select(n => n.ServiceDate));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityId == reservation.Id && a.Action == "DatesChanged"));
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Reservations && c.EntityId == reservation.Id && c.Summary.Contains(" now ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtendingIntoASoldOutNightIsRefusedAndChangesNothing()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync(roomsPerType: 1);
        var reservation = await hotel.BookAsync();
        var next = await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = reservation.Departure, Departure = reservation.Departure.AddDays(1), GuestName = "Grace Hopper" }, None);

        await Assert.ThrowsAsync<SoldOutException>(() => hotel.Get<StayChangeService>().ChangeDatesAsync(reservation.Id, reservation.Arrival, reservation.Departure.AddDays(1), None));

        var stored = await hotel.Get<ReservationService>().GetAsync(reservation.Id, None);
        Assert.Equal(reservation.Departure, stored.Summary.Departure);
        Assert.NotEqual(reservation.Id, next.Id);
    }

    [Fact]
    public async Task ChangingDatesOntoNightsAnotherStayHasInTheSameRoomAsksStaffToMoveTheGuestFirst()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, RoomId = hotel.Rooms[0].Id, Arrival = reservation.Departure, Departure = reservation.Departure.AddDays(2), GuestName = "Grace Hopper" }, None);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<StayChangeService>().ChangeDatesAsync(reservation.Id, reservation.Arrival, reservation.Departure.AddDays(1), None));

        Assert.Contains("Move the guest to another room first", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await hotel.SeamOutboxAsync(SmartRoomOperations.UpdateAccessCode));
    }

    [Fact]
    public async Task CheckingOutEarlyRemovesTheCodeAtOnce()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        await hotel.ImportAsync();
        var reservation = await hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, RoomId = hotel.Rooms[0].Id, Arrival = hotel.Today, Departure = hotel.Today.AddDays(3), GuestName = "Ada Lovelace" }, None);
        await hotel.DispatchAsync();
        await hotel.Get<ReservationService>().CheckInAsync(reservation.Id, None);

        await hotel.ActAs(StaffRole.Manager).Get<ReservationService>().CheckOutAsync(reservation.Id, managerOverride: true, None);
        await hotel.DispatchAsync();

        Assert.Equal("delete dev_lock_101 ac_1", hotel.Hub().Calls[^1]);
        Assert.Equal(AccessKeyStatus.Removing, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
    }

    [Fact]
    public async Task LateAndRepeatedReportsNeitherUndoAReadyKeyNorSendItTwice()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "123451" });
        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", error_code = "failed_to_set_on_device" });
        await hotel.SeamEventAsync("action_attempt.create_access_code.succeeded", new { action_attempt_id = "aa_ac_1", status = "success" });
        await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", code = "123451" });
        hotel.Hub().Change("ac_1", c => c with { Status = AccessCodeStatus.Set });
        await hotel.FollowUpAsync(TimeSpan.FromHours(2));

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Ready, key.Status);
        Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));
        Assert.Single(hotel.Hub().Calls, c => c.StartsWith("create", StringComparison.Ordinal));
        Assert.Empty(await hotel.SeamOutboxAsync(SmartRoomOperations.PullBackupAccessCode));
    }

    [Fact]
    public async Task AFollowUpHealsALostSetWebhook()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        // Still setting at the first look: another look is scheduled.
        await hotel.FollowUpAsync();
        Assert.Equal(AccessKeyStatus.Setting, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);

        hotel.Hub().Change("ac_1", c => c with { Status = AccessCodeStatus.Set });
        await hotel.FollowUpAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(AccessKeyStatus.Ready, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
        Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));
    }

    [Fact]
    public async Task AFollowUpFailsTheKeyWhenTheCreateAttemptFailed()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        hotel.Hub().Settle("aa_ac_1", ActionAttemptStatus.Error, "Lock is offline");
        await hotel.FollowUpAsync();

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Failed, key.Status);
        Assert.Equal("Lock is offline", key.LastError);
        Assert.Empty(await hotel.KeyMessagesAsync(reservation.Id));
    }

    [Fact]
    public async Task ActionAttemptEventsFailAKeyAndIgnoreAttemptsThatAreNotOurs()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        await hotel.SeamEventAsync("action_attempt.unlock_door.succeeded", new { device_id = "dev_lock_101", action_attempt_id = "aa_someone_elses" });
        Assert.Equal(AccessKeyStatus.Setting, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);

        await hotel.SeamEventAsync("action_attempt.create_access_code.failed", new { action_attempt_id = "aa_ac_1", error = new { type = "device_offline", message = "Lock is offline" } });
        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Failed, key.Status);
        Assert.Equal("Lock is offline", key.LastError);
    }

    [Fact]
    public async Task ACodeThatFailedIsReplacedByTheLocksBackupCodeWhichGoesToTheGuest()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        hotel.Hub().Change("ac_1", c => c with { IsBackupAccessCodeAvailable = true, Errors = [new DeviceIssue("failed_to_set_on_device", "Failed to set")] });

        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });
        Assert.Equal(AccessKeyStatus.Failed, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
        await hotel.DispatchAsync();

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Ready, key.Status);
        Assert.StartsWith("ac_backup_", key.SeamAccessCodeId, StringComparison.Ordinal);
        Assert.Equal("ac_1", key.ReplacedAccessCodeId);
        Assert.Equal("909090", key.Code);
        Assert.Contains("909090", Assert.Single(await hotel.KeyMessagesAsync(reservation.Id)).Body, StringComparison.Ordinal);

        // The hub's own event about the same backup, and a replay of the failure, change nothing.
        await hotel.SeamEventAsync("access_code.backup_access_code_pulled", new { device_id = "dev_lock_101", access_code_id = "ac_1", backup_access_code_id = key.SeamAccessCodeId });
        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1" });
        await hotel.DispatchAsync();
        Assert.Single(hotel.Hub().Calls, c => c.StartsWith("backup", StringComparison.Ordinal));
        Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));

        // At the end of the stay both codes come off the lock.
        await hotel.Get<ReservationService>().CancelAsync(reservation.Id, null, None);
        await hotel.DispatchAsync();
        Assert.Contains($"delete dev_lock_101 {key.SeamAccessCodeId}", hotel.Hub().Calls);
        Assert.Contains("delete dev_lock_101 ac_1", hotel.Hub().Calls);
    }

    [Fact]
    public async Task WithoutABackupCodeTheKeyStaysFailedAndStaffCanRetryIt()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);

        await hotel.SeamEventAsync("access_code.failed_to_set_on_device", new { device_id = "dev_lock_101", access_code_id = "ac_1", error_message = "Lock is offline" });
        await hotel.DispatchAsync();
        var failed = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Failed, failed.Status);
        Assert.DoesNotContain(hotel.Hub().Calls, c => c.StartsWith("backup", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.Housekeeping).Get<KeyService>().RetryAsync(failed.Id, None));
        await hotel.ActAs(StaffRole.FrontDesk).Get<KeyService>().RetryAsync(failed.Id, None);
        await hotel.DispatchAsync();

        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.Equal(AccessKeyStatus.Setting, key.Status);
        Assert.NotEqual("ac_1", key.SeamAccessCodeId);
        Assert.Contains("delete dev_lock_101 ac_1", hotel.Hub().Calls);
        Assert.Equal(2, hotel.Hub().Calls.Count(c => c.StartsWith("create", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<RuleViolationException>(() => hotel.Get<KeyService>().RetryAsync(failed.Id, None));
    }

    [Fact]
    public async Task ReconciliationReissuesAMissingCodeRemovesAStrayOneAndLeavesForeignCodesAlone()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        var staffCode = hotel.Hub().Add("dev_lock_101", "Maintenance master");
        var stray = hotel.Hub().Add("dev_lock_101", SmartRoomDispatcher.CodeName("ZZZZ9999", "101"));
        hotel.Hub().Forget("ac_1");

        var repairs = (await hotel.Get<KeyReconciliation>().RunAsync(None))[hotel.HotelId];
        await hotel.DispatchAsync();

        Assert.Equal(1, repairs.Reissued);
        Assert.Equal(1, repairs.StraysRemoved);
        var key = Assert.Single(await hotel.KeysAsync(reservation.Id));
        Assert.NotEqual("ac_1", key.SeamAccessCodeId);
        Assert.Equal(AccessKeyStatus.Setting, key.Status);
        Assert.Contains($"delete dev_lock_101 {stray.Id}", hotel.Hub().Calls);
        Assert.DoesNotContain(hotel.Hub().Calls, c => c.Contains(staffCode.Id, StringComparison.Ordinal) && c.StartsWith("delete", StringComparison.Ordinal));
        Assert.Contains(hotel.Hub().Codes, c => c.Id == staffCode.Id);
        await using var db = hotel.Db();
        Assert.Single(db.AuditEntries.Where(a => a.EntityId == hotel.HotelId && a.Action == "Reconciled"));

        // A second round finds nothing to repair.
        var again = (await hotel.Get<KeyReconciliation>().RunAsync(None))[hotel.HotelId];
        Assert.False(again.Any);
    }

    [Fact]
    public async Task ReconciliationMakesAKeyReadyWhenTheHubSaysItsCodeIsSetAndRemovesACodeLeftByACancelledStay()
    {
        await using var hotel = await SmartRoomsHotel.CreateAsync();
        var reservation = await AssignedAsync(hotel);
        hotel.Hub().Change("ac_1", c => c with { Status = AccessCodeStatus.Set });
        var other = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(other.Id, hotel.Rooms[1].Id, None);
        await hotel.DispatchAsync();
        var otherCode = Assert.Single(await hotel.KeysAsync(other.Id)).SeamAccessCodeId!;
        await hotel.Get<ReservationService>().CancelAsync(other.Id, null, None);
        await using (var db = hotel.Db())
        {
            // The removal was lost: the intent says done, the code is still on the lock.
            foreach (var message in await db.OutboxMessages.Where(m => m.Operation == SmartRoomOperations.DeleteAccessCode).ToListAsync())
            {
                message.Complete("lost", hotel.Time.GetUtcNow());
            }

            await db.SaveChangesAsync();
        }

        var repairs = (await hotel.Get<KeyReconciliation>().RunAsync(None))[hotel.HotelId];
        await hotel.DispatchAsync();

        Assert.Equal(1, repairs.MadeReady);
        Assert.Equal(AccessKeyStatus.Ready, Assert.Single(await hotel.KeysAsync(reservation.Id)).Status);
        Assert.Single(await hotel.KeyMessagesAsync(reservation.Id));
        Assert.Contains($"delete dev_lock_102 {otherCode}", hotel.Hub().Calls);
    }

    /// <summary>Devices imported, a stay booked for tomorrow in room 101, its code created (ac_1, setting).</summary>
    private static async Task<Reservation> AssignedAsync(TestHotel hotel)
    {
        await hotel.ImportAsync();
        var reservation = await hotel.BookAsync();
        await hotel.Get<ReservationService>().AssignRoomAsync(reservation.Id, hotel.Rooms[0].Id, None);
        await hotel.DispatchAsync();
        return reservation;
    }
}
