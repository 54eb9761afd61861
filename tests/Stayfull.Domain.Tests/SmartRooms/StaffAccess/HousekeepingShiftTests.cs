using Stayfull.Domain.Common;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.StaffAccess;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms.StaffAccess;

public sealed class HousekeepingShiftTests
{
    private const string Hana = "user-hana";
    private const string Ivo = "user-ivo";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AShiftOpensTheRoomsThatNeedCleaningWithOneCodeOnEveryLockThatTakesIt()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101", "102", "103", "201", "203");

        var shift = await StartAsync(hotel, Hana);

        // 202 is clean; 203 needs cleaning but has no lock.
        Assert.Equal(["101", "102", "103", "201"], shift.Rooms.Select(r => r.RoomNumber));
        var stored = Assert.Single(await hotel.RowsAsync<HousekeepingShift>());
        Assert.Equal(ShiftStatus.Active, stored.Status);

        // Six digits: 101 and 102 take them (four digits would also suit two locks; six wins the tie).
        Assert.Matches("^[1-9][0-9]{5}$", stored.Code);
        var outbox = await hotel.SeamOutboxAsync();
        Assert.Equal(4, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(StaffAccessOperations.CreateStaffCode, m.Operation));
        Assert.Contains(outbox, m => m.IdempotencyKey == $"staffcode-{stored.Id}-{hotel.Room("101").Id}");

        await hotel.ProcessOutboxAsync();
        var requests = hotel.AccessHub().Requests.ToDictionary(r => r.DeviceId);
        Assert.Equal(stored.Code, requests["dev_101"].Code);
        Assert.Equal(stored.Code, requests["dev_102"].Code);
        Assert.Null(requests["dev_103"].Code);
        Assert.Equal(4, requests["dev_103"].PreferredCodeLength);
        Assert.Null(requests["dev_201"].Code);
        Assert.Null(requests["dev_201"].PreferredCodeLength);
        Assert.All(requests.Values, r => Assert.Equal($"Stayfull housekeeping Hana Housekeeper {hotel.Today:yyyy-MM-dd}", r.Name));
        Assert.All(requests.Values, r => Assert.Equal(hotel.Time.GetUtcNow(), r.StartsAt));
        Assert.All(requests.Values, r => Assert.Equal(stored.EndsAt, r.EndsAt));
        Assert.Contains(await hotel.RowsAsync<Stayfull.Domain.Audit.AuditEntry>(), a => a.EntityId == stored.Id && a.Action == "ShiftStarted");
    }

    [Fact]
    public async Task ShiftTimesAreTheHotelsWallClockAndANightShiftEndsTheNextDay()
    {
        await using var hotel = await ReadyAsync();
        hotel.ActAs(StaffRole.Manager);

        var shift = await hotel.Get<HousekeepingShiftService>().StartShiftAsync(new StartShiftRequest(Hana, hotel.Today, new TimeOnly(22, 0), new TimeOnly(6, 0)), None);

        Assert.Equal(hotel.Today.ToDateTime(new TimeOnly(22, 0)), shift.Starts);
        Assert.Equal(hotel.Today.AddDays(1).ToDateTime(new TimeOnly(6, 0)), shift.Ends);
        Assert.Equal(ShiftStatus.Scheduled, shift.Status);

        // Europe/Lisbon is on UTC in winter.
        var stored = Assert.Single(await hotel.RowsAsync<HousekeepingShift>());
        Assert.Equal(new DateTimeOffset(hotel.Today.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero), stored.StartsAt);
    }

    [Fact]
    public async Task OnlyManagersStartShiftsAndAStaffMemberHasOneShiftAtATime()
    {
        await using var hotel = await ReadyAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.FrontDesk).Get<HousekeepingShiftService>().StartShiftAsync(Today(hotel, Hana), None));
        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.Housekeeping).Get<HousekeepingShiftService>().ShiftsAsync(None));
        await StartAsync(hotel, Hana);
        var overlap = await Assert.ThrowsAsync<RuleViolationException>(() => StartAsync(hotel, Hana));
        Assert.Contains("already has a shift", overlap.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => StartAsync(hotel, "user-nobody"));
    }

    [Fact]
    public async Task APlannedShiftStartsWhenDueWithTheRoomsDirtyThen()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101");
        hotel.ActAs(StaffRole.Manager);
        var start = TimeOnly.FromDateTime(hotel.Time.GetUtcNow().UtcDateTime).AddHours(2);
        await hotel.Get<HousekeepingShiftService>().StartShiftAsync(new StartShiftRequest(Hana, hotel.Today, start, start.AddHours(4)), None);
        Assert.Empty(await hotel.SeamOutboxAsync());

        await hotel.MarkAsync(HousekeepingStatus.Dirty, "102");
        Assert.Equal(new ShiftSweep(0, 0, 0), await hotel.Get<HousekeepingShiftSweep>().RunAsync(None));
        hotel.Time.Advance(TimeSpan.FromHours(2) - ShiftFlowsLead);
        Assert.Equal(new ShiftSweep(1, 0, 0), await hotel.Get<HousekeepingShiftSweep>().RunAsync(None));

        var shift = Assert.Single(await hotel.Get<HousekeepingShiftService>().ShiftsAsync(None));
        Assert.Equal(ShiftStatus.Active, shift.Status);
        Assert.Equal(["101", "102"], shift.Rooms.Select(r => r.RoomNumber));
    }

    [Fact]
    public async Task TheHousekeeperSeesTheirOwnCodeOnceItIsOnTheLockAndNobodyElses()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101", "102", "103");
        await StartAsync(hotel, Hana);
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "202");
        var ivosShift = await StartAsync(hotel, Ivo);
        await hotel.ProcessOutboxAsync();
        var hanasCode = (await hotel.RowsAsync<HousekeepingShift>()).Single(h => h.StaffUserId == Hana).Code;
        var ivosCode = (await hotel.RowsAsync<HousekeepingShift>()).Single(h => h.StaffUserId == Ivo).Code;
        Assert.NotEqual(hanasCode, ivosCode);

        var before = Assert.Single(await hotel.ActAsUser(Hana, "Hana Housekeeper", StaffRole.Housekeeping).Get<HousekeepingShiftService>().MyShiftsAsync(None));
        Assert.Null(before.Code);
        Assert.All(before.Rooms, r => Assert.Null(r.Code));
        Assert.All(before.Rooms, r => Assert.Equal(AccessKeyStatus.Setting, r.Status));

        foreach (var code in await hotel.RowsAsync<ShiftRoomCode>())
        {
            await hotel.SeamEventAsync("access_code.set_on_device", new { device_id = "dev", access_code_id = code.SeamAccessCodeId, code = code.Code });
        }

        var mine = Assert.Single(await hotel.Get<HousekeepingShiftService>().MyShiftsAsync(None));
        Assert.Equal(hanasCode, mine.Code);
        Assert.Equal(["101", "102", "103"], mine.Rooms.Select(r => r.RoomNumber));
        Assert.All(mine.Rooms, r => Assert.Equal(AccessKeyStatus.Ready, r.Status));
        var odd = Assert.Single(mine.Rooms, r => r.DiffersFromShiftCode);
        Assert.Equal("103", odd.RoomNumber);
        Assert.Equal("7777", odd.Code);
        Assert.DoesNotContain(mine.Rooms, r => r.RoomNumber == "202");
        Assert.DoesNotContain(mine.Rooms, r => r.Code == ivosCode);

        var ivos = Assert.Single(await hotel.ActAsUser(Ivo, "Ivo Housekeeper", StaffRole.Housekeeping).Get<HousekeepingShiftService>().MyShiftsAsync(None));
        Assert.Equal(ivosShift.Id, ivos.Id);
        // Ivo's shift started later, when 202 needed cleaning too.
        Assert.Equal(["101", "102", "103", "202"], ivos.Rooms.Select(r => r.RoomNumber));
        Assert.Equal(ivosCode, ivos.Code);
        Assert.Empty(await hotel.ActAs(StaffRole.FrontDesk).Get<HousekeepingShiftService>().MyShiftsAsync(None));

        // Managers see each room's state, never the digits.
        var managerView = await hotel.ActAs(StaffRole.Manager).Get<HousekeepingShiftService>().ShiftsAsync(None);
        Assert.Equal(2, managerView.Count);
        Assert.DoesNotContain(hanasCode!, System.Text.Json.JsonSerializer.Serialize(managerView), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSweepEndsAShiftWhoseTimeIsUpAndRemovesItsCodes()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101", "102");
        await StartAsync(hotel, Hana, hours: 4);
        await hotel.ProcessOutboxAsync();
        var sweep = hotel.Get<HousekeepingShiftSweep>();

        hotel.Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        Assert.Equal(new ShiftSweep(0, 0, 0), await sweep.RunAsync(None));
        Assert.Equal(ShiftStatus.Active, Assert.Single(await hotel.RowsAsync<HousekeepingShift>()).Status);

        hotel.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ShiftSweep(0, 1, 0), await sweep.RunAsync(None));
        Assert.Equal(new ShiftSweep(0, 0, 0), await sweep.RunAsync(None));

        Assert.Equal(ShiftStatus.Ended, Assert.Single(await hotel.RowsAsync<HousekeepingShift>()).Status);
        Assert.All(await hotel.RowsAsync<ShiftRoomCode>(), c => Assert.Equal(AccessKeyStatus.Removing, c.Status));
        await hotel.ProcessOutboxAsync();
        // Each lock's own code is deleted from it, whichever lock the outbox served first.
        var created = hotel.AccessHub().Calls.Where(c => c.StartsWith("create", StringComparison.Ordinal)).Select(c => "delete" + c["create".Length..]);
        Assert.Equal(created.Order(StringComparer.Ordinal), hotel.AccessHub().Calls.Where(c => c.StartsWith("delete", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(2, created.Count());
        Assert.Empty(await hotel.ActAsUser(Hana, "Hana Housekeeper", StaffRole.Housekeeping).Get<HousekeepingShiftService>().MyShiftsAsync(None));

        var onDoor101 = hotel.AccessHub().Calls.Single(c => c.StartsWith("create dev_101 ", StringComparison.Ordinal)).Split(' ')[2];
        await hotel.SeamEventAsync("access_code.removed_from_device", new { device_id = "dev_101", access_code_id = onDoor101 });
        Assert.Equal(AccessKeyStatus.Removed, (await hotel.RowsAsync<ShiftRoomCode>()).Single(c => c.SeamAccessCodeId == onDoor101).Status);
    }

    [Fact]
    public async Task EndShiftNowRemovesTheCodesAtOnce()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101");
        var shift = await StartAsync(hotel, Hana);

        await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.Housekeeping).Get<HousekeepingShiftService>().EndShiftNowAsync(shift.Id, None));
        await hotel.ActAs(StaffRole.Manager).Get<HousekeepingShiftService>().EndShiftNowAsync(shift.Id, None);

        var stored = Assert.Single(await hotel.RowsAsync<HousekeepingShift>());
        Assert.Equal(ShiftStatus.Ended, stored.Status);
        Assert.Equal(hotel.Time.GetUtcNow(), stored.EndsAt);
        Assert.Equal(AccessKeyStatus.Removing, Assert.Single(await hotel.RowsAsync<ShiftRoomCode>()).Status);

        // The code was never created: nothing reaches the lock, and the row is simply removed.
        await hotel.ProcessOutboxAsync();
        Assert.Empty(hotel.AccessHub().Calls);
        Assert.Equal(AccessKeyStatus.Removed, Assert.Single(await hotel.RowsAsync<ShiftRoomCode>()).Status);
    }

    [Fact]
    public async Task ARoomMarkedCleanLosesItsCodeAtOnceAndTheSweepHasNothingLeftToDo()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101", "102");
        await StartAsync(hotel, Hana);
        await hotel.ProcessOutboxAsync();

        await hotel.MarkAsync(HousekeepingStatus.Clean, "101");

        var codes = await hotel.RowsAsync<ShiftRoomCode>();
        Assert.Equal(new ShiftSweep(0, 0, 0), await hotel.Get<HousekeepingShiftSweep>().RunAsync(None));
        Assert.Equal(AccessKeyStatus.Removing, codes.Single(c => c.RoomId == hotel.Room("101").Id).Status);
        Assert.Equal(AccessKeyStatus.Setting, codes.Single(c => c.RoomId == hotel.Room("102").Id).Status);
        Assert.Equal(ShiftStatus.Active, Assert.Single(await hotel.RowsAsync<HousekeepingShift>()).Status);
    }

    [Fact]
    public async Task AManagerAddsARoomLaterWithTheShiftCodeOnce()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101");
        var shift = await StartAsync(hotel, Hana);
        var shifts = hotel.ActAs(StaffRole.Manager).Get<HousekeepingShiftService>();

        await Assert.ThrowsAsync<RuleViolationException>(() => shifts.AddRoomAsync(shift.Id, hotel.Room("102").Id, None));
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "102");
        await shifts.AddRoomAsync(shift.Id, hotel.Room("102").Id, None);
        await shifts.AddRoomAsync(shift.Id, hotel.Room("102").Id, None);

        var outbox = await hotel.SeamOutboxAsync();
        Assert.Single(outbox, m => m.IdempotencyKey == $"staffcode-{shift.Id}-{hotel.Room("102").Id}");
        await hotel.ProcessOutboxAsync();
        var code = Assert.Single(await hotel.RowsAsync<HousekeepingShift>()).Code;
        Assert.Equal(code, Assert.Single(hotel.AccessHub().Requests, r => r.DeviceId == "dev_102").Code);
        Assert.Single(await hotel.RowsAsync<Stayfull.Domain.Audit.AuditEntry>(), a => a.EntityId == shift.Id && a.Action == "RoomAdded");
    }

    [Fact]
    public async Task ALockThatRefusesTheShiftDigitsGetsACodeOfTheHubsChoosing()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "102");
        await StartAsync(hotel, Hana);
        hotel.AccessHub().NextCreateFailure = new SmartRoomHubException("Code already in use", isTransient: false, httpStatus: 400, errorType: "invalid_input");

        await hotel.ProcessOutboxAsync();
        await hotel.ProcessOutboxAsync();

        var codes = (await hotel.RowsAsync<ShiftRoomCode>()).OrderBy(c => c.Issue).ToList();
        Assert.Equal(2, codes.Count);
        Assert.Equal(AccessKeyStatus.Failed, codes[0].Status);
        Assert.Equal(AccessKeyStatus.Setting, codes[1].Status);
        var retry = Assert.Single(hotel.AccessHub().Requests);
        Assert.Null(retry.Code);
        Assert.Equal(6, retry.PreferredCodeLength);
    }

    [Fact]
    public async Task AnotherHotelCannotSeeOrEndThisHotelsShifts()
    {
        await using var hotel = await ReadyAsync();
        await hotel.MarkAsync(HousekeepingStatus.Dirty, "101");
        var shift = await StartAsync(hotel, Hana);
        await using var neighbour = await hotel.CreateNeighbourAsync();
        await neighbour.AddMemberAsync(Hana, "Hana Housekeeper", StaffRole.Housekeeping);
        neighbour.ActAs(StaffRole.Manager);

        Assert.Empty(await neighbour.Get<HousekeepingShiftService>().ShiftsAsync(None));
        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.Get<HousekeepingShiftService>().EndShiftNowAsync(shift.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.Get<HousekeepingShiftService>().AddRoomAsync(shift.Id, neighbour.Rooms[0].Id, None));

        // Hana works in both hotels: in the neighbour she has no shift and sees no code.
        Assert.Empty(await neighbour.ActAsUser(Hana, "Hana Housekeeper", StaffRole.Housekeeping).Get<HousekeepingShiftService>().MyShiftsAsync(None));
        Assert.Equal(ShiftStatus.Active, Assert.Single(await hotel.RowsAsync<HousekeepingShift>()).Status);
    }

    private static readonly TimeSpan ShiftFlowsLead = TimeSpan.FromMinutes(10);

    /// <summary>Locks imported, two housekeepers on the staff.</summary>
    private static async Task<TestHotel> ReadyAsync()
    {
        var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        await hotel.AddMemberAsync(Hana, "Hana Housekeeper", StaffRole.Housekeeping);
        await hotel.AddMemberAsync(Ivo, "Ivo Housekeeper", StaffRole.Housekeeping);
        return hotel;
    }

    private static StartShiftRequest Today(TestHotel hotel, string userId, int hours = 8)
    {
        var now = TimeOnly.FromDateTime(hotel.Time.GetUtcNow().UtcDateTime);
        return new StartShiftRequest(userId, hotel.Today, now, now.AddHours(hours));
    }

    /// <summary>Starts a shift from now as a manager, then acts as the owner again.</summary>
    private static async Task<ShiftView> StartAsync(TestHotel hotel, string userId, int hours = 8)
    {
        hotel.ActAs(StaffRole.Manager);
        try
        {
            return await hotel.Get<HousekeepingShiftService>().StartShiftAsync(Today(hotel, userId, hours), None);
        }
        finally
        {
            hotel.ActAs(StaffRole.Owner);
        }
    }
}
