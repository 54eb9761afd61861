using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.StaffAccess;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Tests.SmartRooms.StaffAccess;

public sealed class RemoteDoorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(StaffRole.FrontDesk)]
    [InlineData(StaffRole.Manager)]
    public async Task TheDeskAndManagersMayUnlockADoor(StaffRole role)
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();

        var request = await hotel.ActAs(role).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);

        Assert.Equal(RemoteDoorStatus.Requested, request.Status);
        var message = Assert.Single(await hotel.SeamOutboxAsync());
        Assert.Equal(StaffAccessOperations.UnlockDoor, message.Operation);
        Assert.Equal($"door-{request.RequestId}", message.IdempotencyKey);
    }

    [Fact]
    public async Task HousekeepingIsRefusedWithAClearMessageAndNothingIsQueued()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            hotel.ActAs(StaffRole.Housekeeping).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "forgot my cart", Guid.NewGuid(), None));

        Assert.Contains("Housekeeping staff cannot lock or unlock doors remotely", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await hotel.SeamOutboxAsync());
        Assert.Empty(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.False(RemoteDoorService.MayOperate(StaffRole.Housekeeping));
        Assert.True(RemoteDoorService.MayOperate(StaffRole.FrontDesk));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AReasonIsRequired(string? reason)
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, reason, Guid.NewGuid(), None));

        Assert.True(refusal.Errors.ContainsKey("reason"));
        Assert.Empty(await hotel.SeamOutboxAsync());
    }

    [Fact]
    public async Task TheReasonIsTrimmedAndKeptShort()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        var doors = hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>();

        await Assert.ThrowsAsync<ValidationException>(() => doors.RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Lock, new string('x', RemoteDoorCommand.MaxReasonLength + 1), Guid.NewGuid(), None));
        var request = await doors.RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Lock, "  door left open  ", Guid.NewGuid(), None);

        Assert.Equal("door left open", request.Reason);
        Assert.Equal("door left open", Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>()).Reason);
    }

    [Fact]
    public async Task ARequestIsAuditedWithWhoTheRoomAndTheReason()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();

        var request = await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("102").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);

        var audit = Assert.Single(await hotel.RowsAsync<Stayfull.Domain.Audit.AuditEntry>(), a => a.EntityId == request.Id);
        Assert.Equal("RemoteUnlockRequested", audit.Action);
        Assert.Equal("FrontDesk tester", audit.UserName);
        Assert.Contains("\"Room\":\"102\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("guest locked out", audit.Details, StringComparison.Ordinal);
        Assert.Equal("FrontDesk tester", request.RequestedBy);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Locks && c.Summary.Contains("remote unlock requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADoubleClickWithTheSameRequestIdUnlocksOnce()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        var requestId = Guid.NewGuid();
        hotel.ActAs(StaffRole.FrontDesk);

        var first = await hotel.Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", requestId, None);
        var second = await hotel.Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", requestId, None);
        await hotel.ProcessOutboxAsync();
        var replay = Assert.Single(await hotel.SeamOutboxAsync(), m => m.Operation == StaffAccessOperations.UnlockDoor);
        await hotel.Get<SmartRoomDispatcher>().DispatchAsync(replay, None);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Single(hotel.AccessHub().Calls, c => c.StartsWith("unlock ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondUnlockWhileOneIsOnItsWayIsRefused()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        var doors = hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>();
        await doors.RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => doors.RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "again", Guid.NewGuid(), None));

        Assert.Contains("already on its way", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSucceededEventSettlesTheRequestOnceAndAnAttemptWeDidNotStartIsIgnored()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        var request = await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);

        await hotel.ProcessOutboxAsync();
        var pending = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Equal(RemoteDoorStatus.Pending, pending.Status);
        Assert.Equal("aa_unlock_1", pending.ActionAttemptId);
        Assert.Equal(RemoteDoorStatus.Pending, (await hotel.Get<RemoteDoorService>().LatestByRoomAsync(None))[hotel.Room("101").Id].Status);

        await hotel.SeamEventAsync("action_attempt.unlock_door.succeeded", new { device_id = "dev_101", action_attempt_id = "aa_someone_else", action_type = "UNLOCK_DOOR", status = "success" });
        Assert.Equal(RemoteDoorStatus.Pending, Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>()).Status);

        var before = hotel.Published.Changes.Count;
        await hotel.SeamEventAsync("action_attempt.unlock_door.succeeded", new { device_id = "dev_101", action_attempt_id = "aa_unlock_1", action_type = "UNLOCK_DOOR", status = "success" });
        await hotel.SeamEventAsync("action_attempt.unlock_door.succeeded", new { device_id = "dev_101", action_attempt_id = "aa_unlock_1", action_type = "UNLOCK_DOOR", status = "success" });

        var done = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Equal(RemoteDoorStatus.Succeeded, done.Status);
        Assert.False((await hotel.DeviceAsync("dev_101")).Locked);
        Assert.Single(hotel.Published.Changes.Skip(before), c => c.Topic == ChangeTopic.Locks && c.Summary.Contains("remote unlock done", StringComparison.Ordinal));
        Assert.Single(await hotel.RowsAsync<Stayfull.Domain.Audit.AuditEntry>(), a => a.EntityId == request.Id && a.Action == "RemoteUnlockDone");
        Assert.Equal(RemoteDoorStatus.Succeeded, (await hotel.Get<RemoteDoorService>().LatestByRoomAsync(None))[hotel.Room("101").Id].Status);
    }

    [Fact]
    public async Task TheFailedEventFailsTheRequestWithTheLocksError()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        await hotel.ActAs(StaffRole.Manager).Get<RemoteDoorService>().RequestAsync(hotel.Room("102").Id, RemoteDoorAction.Lock, "door left open", Guid.NewGuid(), None);
        await hotel.ProcessOutboxAsync();
        var attemptId = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>()).ActionAttemptId;

        await hotel.SeamEventAsync("action_attempt.lock_door.failed", new { device_id = "dev_102", action_attempt_id = attemptId, action_type = "LOCK_DOOR", status = "error", error = new { type = "device_jammed", message = "The bolt is jammed." } });

        var failed = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Equal(RemoteDoorStatus.Failed, failed.Status);
        Assert.Equal("The bolt is jammed.", failed.Error);
        Assert.Contains(hotel.Published.Changes, c => c.Topic == ChangeTopic.Locks && c.Kind == ChangeKind.Created && c.Summary.Contains("jammed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnEventAFollowUpAsksTheHubHowTheActionEnded()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Lock, "door left open", Guid.NewGuid(), None);
        await hotel.ProcessOutboxAsync();

        var followUp = Assert.Single(await hotel.SeamOutboxAsync(), m => m.Operation == StaffAccessOperations.FollowDoorAttempt);
        Assert.Equal(hotel.Time.GetUtcNow() + RemoteDoorService.FollowUpAfter, followUp.NextAttemptAt);

        // Still pending at the first check: asked again later, nothing settled.
        var first = Assert.Single(await hotel.ProcessOutboxAsync());
        Assert.IsType<DispatchResult.TransientFailure>(first);
        Assert.Equal(RemoteDoorStatus.Pending, Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>()).Status);

        hotel.AccessHub().Settle("aa_lock_1", ActionAttemptStatus.Success);
        Assert.IsType<DispatchResult.Success>(Assert.Single(await hotel.ProcessOutboxAsync()));

        Assert.Equal(RemoteDoorStatus.Succeeded, Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>()).Status);
        Assert.Equal(2, hotel.AccessHub().Calls.Count(c => c == "get aa_lock_1"));
        Assert.True((await hotel.DeviceAsync("dev_101")).Locked);
    }

    [Fact]
    public async Task AFollowUpThatNeverHearsAnEndShowsTheRequestAsFailed()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);
        await hotel.ProcessOutboxAsync();

        for (var check = 0; check < FollowDoorAttemptOperation.MaxChecks; check++)
        {
            await hotel.ProcessOutboxAsync();
        }

        var command = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Equal(RemoteDoorStatus.Failed, command.Status);
        Assert.Contains("did not confirm", command.Error, StringComparison.Ordinal);
        Assert.Equal(WorkStatus.Done, Assert.Single(await hotel.SeamOutboxAsync(), m => m.Operation == StaffAccessOperations.FollowDoorAttempt).Status);
    }

    [Fact]
    public async Task AnAttemptThatAlreadyEndedInTheFirstReplyNeedsNoFollowUp()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);
        var message = Assert.Single(await hotel.SeamOutboxAsync());
        hotel.AccessHub().NextDoorFailure = new SmartRoomHubException("Device is offline", isTransient: false, httpStatus: 400, errorType: "device_offline");

        Assert.IsType<DispatchResult.PermanentFailure>(await hotel.Get<SmartRoomDispatcher>().DispatchAsync(message, None));

        var command = Assert.Single(await hotel.RowsAsync<RemoteDoorCommand>());
        Assert.Equal(RemoteDoorStatus.Failed, command.Status);
        Assert.Equal("Device is offline", command.Error);
        Assert.DoesNotContain(await hotel.SeamOutboxAsync(), m => m.Operation == StaffAccessOperations.FollowDoorAttempt);
    }

    [Fact]
    public async Task AnotherHotelCannotOperateOrSeeThisHotelsDoors()
    {
        await using var hotel = await StaffAccessHotel.CreateAsync();
        await hotel.ImportLocksAsync();
        var request = await hotel.ActAs(StaffRole.FrontDesk).Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "guest locked out", Guid.NewGuid(), None);
        await using var neighbour = await hotel.CreateNeighbourAsync();
        neighbour.ActAs(StaffRole.Manager);

        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "not mine", Guid.NewGuid(), None));
        Assert.Empty(await neighbour.Get<RemoteDoorService>().LatestByRoomAsync(None));

        // The same request id from another hotel is its own request, never this hotel's.
        await Assert.ThrowsAsync<NotFoundException>(() => neighbour.Get<RemoteDoorService>().RequestAsync(hotel.Room("101").Id, RemoteDoorAction.Unlock, "not mine", request.RequestId, None));
    }
}
