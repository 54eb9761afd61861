using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stayfull.Integrations.Seam;

/// <summary>
/// The simulated workspace tells what its devices do as Seam webhook events, shaped as Seam sends them,
/// so a demo hotel's console changes through the same inbox and listeners as a connected hotel's.
/// Due work happens whenever the workspace is touched (codes set after the action delay, codes removed,
/// lock actions done, a lost lock back online, batteries drained by the day); a tick also lets the devices
/// live a little (a guest opens their door and it relocks, a battery drops, a lock drops off the network,
/// rooms drift toward their set points), each by a chance drawn from the workspace's seeded sequence.
/// </summary>
public sealed partial class DemoSmartRoomHub
{
    /// <summary>Events kept for a hotel whose inbox is not being fed; the oldest go first.</summary>
    private const int MaxUndeliveredEvents = 500;

    /// <summary>Advances the hotel's workspace to the clock and lets it live one tick; returns every event not yet delivered, oldest first.</summary>
    public async Task<IReadOnlyList<DemoSeamEvent>> TickAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var workspace = await WorkspaceAsync(hotelId);
        lock (workspace)
        {
            var now = Advance(workspace);
            Live(workspace, now);
            return [.. workspace.Events];
        }
    }

    /// <summary>Forgets events the hotel's inbox now holds.</summary>
    public async Task DeliveredAsync(Guid hotelId, IReadOnlyCollection<string> eventIds)
    {
        var workspace = await WorkspaceAsync(hotelId);
        lock (workspace)
        {
            workspace.Events.RemoveAll(e => eventIds.Contains(e.Id));
        }
    }

    /// <summary>Does what came due since the workspace was last touched, in the order it came due, and tells it.</summary>
    /// <returns>The clock's now.</returns>
    private DateTimeOffset Advance(Workspace workspace)
    {
        var now = time.GetUtcNow();
        var told = new List<DemoSeamEvent>();
        foreach (var device in workspace.Devices)
        {
            if (device.Battery is { } level && now > device.DrainedTo)
            {
                device.Battery = Math.Max(0.05, level - ((now - device.DrainedTo).TotalDays * DailyDrain));
                device.DrainedTo = now;
                TellBattery(workspace, device, now, told);
            }

            if (device.OfflineUntil is { } back && back <= now)
            {
                device.Online = true;
                device.OfflineUntil = null;
                told.Add(Tell(workspace, "device.connected", back, device));
                foreach (var waiting in workspace.Codes.Where(c => c.Device == device && c.SetAt is null && c.RemovedAt is null))
                {
                    waiting.SetAt = back + options.Value.DemoActionDelay;
                }
            }
        }

        var due = new List<(DateTimeOffset At, Action Happen)>();
        foreach (var attempt in workspace.Untold.Where(a => a.CompletesAt <= now))
        {
            due.Add((attempt.CompletesAt, () => Complete(workspace, attempt, told)));
        }

        foreach (var code in workspace.Codes)
        {
            if (!code.SetTold && code.SetAt is { } set && set <= now && (code.RemovedAt is null || set < code.RemovedAt))
            {
                due.Add((set, () =>
                {
                    code.SetTold = true;
                    told.Add(Tell(workspace, "access_code.set_on_device", set, code.Device, new() { ["access_code_id"] = code.Id, ["code"] = code.Code }));
                }));
            }

            if (!code.RemovedTold && code.RemovedAt is { } removed && removed <= now)
            {
                due.Add((removed, () =>
                {
                    code.RemovedTold = true;
                    code.SetTold = true;
                    told.Add(Tell(workspace, "access_code.removed_from_device", removed, code.Device, new() { ["access_code_id"] = code.Id }));
                }));
            }
        }

        foreach (var relock in workspace.Relocks.Where(r => r.At <= now && r.Device.Online).ToList())
        {
            due.Add((relock.At, () =>
            {
                workspace.Relocks.Remove(relock);
                if (!relock.Device.Locked)
                {
                    relock.Device.Locked = true;
                    told.Add(Tell(workspace, "lock.locked", relock.At, relock.Device, new() { ["method"] = "automatic" }));
                }
            }));
        }

        foreach (var (_, happen) in due.OrderBy(d => d.At))
        {
            happen();
        }

        workspace.Untold.RemoveAll(a => a.Told);
        workspace.AdvancedTo = now;
        Keep(workspace, told);
        return now;
    }

    private static void Complete(Workspace workspace, DemoAttempt attempt, List<DemoSeamEvent> told)
    {
        attempt.Told = true;
        if (attempt.Error is null && attempt.Device is { } device)
        {
            attempt.Effect?.Invoke(device);
        }

        var family = attempt.ActionType switch
        {
            "LOCK_DOOR" => "lock_door",
            "UNLOCK_DOOR" => "unlock_door",
            _ => null,
        };
        if (family is null || attempt.Device is not { } door)
        {
            return; // Seam tells the outcome of lock actions only; the rest are followed by polling.
        }

        var outcome = new Dictionary<string, object?> { ["action_attempt_id"] = attempt.Id, ["action_type"] = attempt.ActionType, ["status"] = attempt.Error is null ? "success" : "error" };
        if (attempt.Error is { } error)
        {
            outcome["error"] = new Dictionary<string, object?> { ["type"] = "device_offline", ["message"] = error };
            told.Add(Tell(workspace, $"action_attempt.{family}.failed", attempt.CompletesAt, door, outcome));
            return;
        }

        told.Add(Tell(workspace, $"action_attempt.{family}.succeeded", attempt.CompletesAt, door, outcome));
        told.Add(Tell(workspace, door.Locked ? "lock.locked" : "lock.unlocked", attempt.CompletesAt, door, new() { ["method"] = "seamapi", ["action_attempt_id"] = attempt.Id }));
    }

    /// <summary>One tick of life: each happening by its chance, drawn in a fixed order so a seed replays the same story.</summary>
    private void Live(Workspace workspace, DateTimeOffset now)
    {
        var settings = demoOptions.Value;
        var random = workspace.Random;
        var told = new List<DemoSeamEvent>();
        if (random.NextDouble() < settings.GuestActivityChance)
        {
            GuestOpensDoor(workspace, now, told);
        }

        if (random.NextDouble() < settings.BatteryDrainChance)
        {
            DrainBattery(workspace, now, told);
        }

        if (random.NextDouble() < settings.DisconnectChance)
        {
            Disconnect(workspace, now, told);
        }

        var drifting = workspace.Devices
            .Where(d => !d.IsLock && d.Online && d.Target is not null)
            .OrderByDescending(d => Math.Abs(d.Target!.Value - d.Temperature))
            .Take(Math.Max(0, settings.ThermostatStepsPerTick))
            .ToList();
        foreach (var thermostat in drifting)
        {
            var target = thermostat.Target!.Value;
            var step = Math.Min(Math.Abs(target - thermostat.Temperature), Math.Max(0.1, settings.ThermostatStepCelsius));
            thermostat.Temperature = Math.Round(thermostat.Temperature + (Math.Sign(target - thermostat.Temperature) * step), 2);
            var celsius = Math.Round(thermostat.Temperature, 1);
            told.Add(Tell(workspace, "thermostat.temperature_changed", now, thermostat, new()
            {
                ["temperature_celsius"] = celsius,
                ["temperature_fahrenheit"] = Math.Round((celsius * 9 / 5) + 32, 1),
            }));
        }

        Keep(workspace, told);
    }

    /// <summary>A guest of an occupied room (a lock with a live, set code) opens the door with their code; the lock relocks itself shortly after.</summary>
    private static void GuestOpensDoor(Workspace workspace, DateTimeOffset now, List<DemoSeamEvent> told)
    {
        var occupied = workspace.Codes
            .Where(c => c.IsSet(now) && c.StartsAt <= now && now < c.EndsAt && c.Device is { Online: true, Locked: true })
            .Where(c => !workspace.Relocks.Any(r => r.Device == c.Device))
            .ToList();
        if (occupied.Count == 0)
        {
            return;
        }

        var code = occupied[workspace.Random.Next(occupied.Count)];
        code.Device.Locked = false;
        told.Add(Tell(workspace, "lock.unlocked", now, code.Device, new() { ["method"] = "keycode", ["access_code_id"] = code.Id }));
        workspace.Relocks.Add((now + TimeSpan.FromSeconds(workspace.Random.Next(15, 60)), code.Device));
    }

    /// <summary>A lock's battery drops a step; a nearly flat one gets fresh batteries instead.</summary>
    private static void DrainBattery(Workspace workspace, DateTimeOffset now, List<DemoSeamEvent> told)
    {
        var powered = workspace.Devices.Where(d => d.Battery is not null).ToList();
        if (powered.Count == 0)
        {
            return;
        }

        var device = powered[workspace.Random.Next(powered.Count)];
        var level = device.Battery!.Value;
        device.Battery = level <= 0.1 ? 1.0 : Math.Max(0.05, level - (0.01 * (1 + workspace.Random.Next(3))));
        TellBattery(workspace, device, now, told);
    }

    /// <summary>A lock drops off the network for a few minutes; codes asked for meanwhile wait for it.</summary>
    private static void Disconnect(Workspace workspace, DateTimeOffset now, List<DemoSeamEvent> told)
    {
        var reachable = workspace.Devices.Where(d => d.IsLock && d.Online).ToList();
        if (reachable.Count == 0)
        {
            return;
        }

        var device = reachable[workspace.Random.Next(reachable.Count)];
        device.Online = false;
        device.OfflineUntil = now + TimeSpan.FromMinutes(2 + workspace.Random.Next(5));
        told.Add(Tell(workspace, "device.disconnected", now, device, new() { ["error_code"] = "device_disconnected" }));
    }

    /// <summary>Tells a battery's level once per 5 % step, and that it is low once until it is replaced.</summary>
    private static void TellBattery(Workspace workspace, DemoDevice device, DateTimeOffset at, List<DemoSeamEvent> told)
    {
        var level = Math.Round(device.Battery!.Value, 3);
        var step = DemoDevice.BatteryStep(level);
        if (step != device.BatteryStepTold)
        {
            device.BatteryStepTold = step;
            var status = level < 0.1 ? "critical" : level < LowBattery ? "low" : level < 0.95 ? "good" : "full";
            told.Add(Tell(workspace, "device.battery_status_changed", at, device, new() { ["battery_level"] = level, ["battery_status"] = status }));
        }

        if (level < LowBattery && !device.LowBatteryTold)
        {
            device.LowBatteryTold = true;
            told.Add(Tell(workspace, "device.low_battery", at, device, new() { ["battery_level"] = level }));
        }
        else if (level >= LowBattery)
        {
            device.LowBatteryTold = false;
        }
    }

    /// <summary>Queues the newly told events in the order they happened, keeping the backlog bounded.</summary>
    private static void Keep(Workspace workspace, List<DemoSeamEvent> told)
    {
        workspace.Events.AddRange(told.OrderBy(e => e.OccurredAt));
        if (workspace.Events.Count > MaxUndeliveredEvents)
        {
            workspace.Events.RemoveRange(0, workspace.Events.Count - MaxUndeliveredEvents);
        }
    }

    /// <summary>
    /// An event object as Seam's webhook body carries it. Its id is a UUID derived from the hotel, the
    /// workspace's start and a counter: the same run gives the same ids (a repeated delivery is a duplicate),
    /// and a restarted workspace never reuses an id the inbox already holds.
    /// </summary>
    private static DemoSeamEvent Tell(Workspace workspace, string eventType, DateTimeOffset at, DemoDevice device, Dictionary<string, object?>? fields = null)
    {
        var id = Uuid(workspace.HotelId, $"event {workspace.CreatedAt.UtcTicks} {++workspace.EventCount}");
        var body = new Dictionary<string, object?>
        {
            ["event_id"] = id,
            ["event_type"] = eventType,
            ["workspace_id"] = Uuid(workspace.HotelId, "workspace"),
            ["created_at"] = SeamJson.Timestamp(at),
            ["occurred_at"] = SeamJson.Timestamp(at),
            ["device_id"] = device.Id,
            ["connected_account_id"] = Uuid(workspace.HotelId, "account " + device.Manufacturer),
        };
        foreach (var (name, value) in fields ?? [])
        {
            body[name] = value;
        }

        return new DemoSeamEvent(id, eventType, at, JsonSerializer.Serialize(body));
    }

    private static string Uuid(Guid hotelId, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(hotelId.ToString("N") + " " + what));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // version 4 layout, as Seam's ids are
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }
}
