using Stayfull.Domain.SmartRooms;

namespace Stayfull.Integrations.Seam;

/// <summary>The simulated workspace's code changes: a new window, a backup code from the lock's pool.</summary>
public sealed partial class DemoSmartRoomHub
{
    public async Task<ActionAttempt> UpdateAccessCodeAsync(Guid hotelId, string accessCodeId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        if (endsAt <= startsAt || endsAt <= time.GetUtcNow())
        {
            await LogAsync(hotelId, "access_codes/update", false, "invalid_input: ends_at must be in the future and after starts_at", cancellationToken);
            throw new SmartRoomHubException("Seam (demo) refused access_codes/update: ends_at must be in the future and after starts_at.", isTransient: false, 400, "invalid_input");
        }

        var workspace = await WorkspaceAsync(hotelId);
        DemoAttempt attempt;
        lock (workspace)
        {
            var now = time.GetUtcNow();
            var old = FindCode(workspace, accessCodeId, now);
            var snapshot = old.Snapshot(now);

            // The code keeps its id and digits; the lock takes the new window as it took the code.
            var setAt = snapshot.Status == AccessCodeStatus.Set ? now : old.Device.Online ? now + options.Value.DemoActionDelay : (DateTimeOffset?)null;
            workspace.Codes[workspace.Codes.IndexOf(old)] = new DemoCode(old.Id, old.Device, snapshot.Code ?? "", snapshot.Name ?? "", startsAt, endsAt, setAt);
            attempt = workspace.Attempt("UPDATE_ACCESS_CODE", now + options.Value.DemoActionDelay, old.Device.Online ? null : "Device is offline.");
        }

        await LogAsync(hotelId, "access_codes/update", true, $"code {accessCodeId} window moved", cancellationToken);
        return attempt.Snapshot(time.GetUtcNow());
    }

    public async Task<AccessCode> PullBackupAccessCodeAsync(Guid hotelId, string accessCodeId, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(hotelId);
        AccessCode backup;
        lock (workspace)
        {
            var now = time.GetUtcNow();
            var original = FindCode(workspace, accessCodeId, now).Snapshot(now);
            var device = Find(workspace, original.DeviceId);

            // Backup codes are on the lock already, so they work at once, even on a lock that is offline now.
            var code = new DemoCode(workspace.NextId("ac"), device, workspace.NextCode(device.Lengths[0]), $"{original.Name} (backup)", original.StartsAt ?? now, original.EndsAt ?? now.AddDays(1), now);
            workspace.Codes.Add(code);
            backup = code.Snapshot(now);
        }

        await LogAsync(hotelId, "access_codes/pull_backup_access_code", true, $"backup {backup.Id} for {accessCodeId}", cancellationToken);
        return backup;
    }

    private static DemoCode FindCode(Workspace workspace, string accessCodeId, DateTimeOffset now) =>
        workspace.Codes.FirstOrDefault(c => c.Id == accessCodeId && !c.IsGone(now))
        ?? throw new SmartRoomHubException($"Seam (demo): access code {accessCodeId} not found.", isTransient: false, 404, "access_code_not_found");
}
