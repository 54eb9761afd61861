using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

/// <summary>A device as the mapping table shows it.</summary>
public sealed record RoomDeviceView(
    Guid Id,
    string SeamDeviceId,
    RoomDeviceKind Kind,
    string DisplayName,
    string? Manufacturer,
    string? Model,
    Guid? RoomId,
    string? RoomNumber,
    bool Online,
    bool? Locked,
    bool? DoorOpen,
    double? BatteryLevel,
    DateTimeOffset LastSeenAt);

/// <summary>What an import did: devices new to us, devices refreshed, and devices mapped by their name.</summary>
public sealed record DeviceImport(int Added, int Updated, int AutoMapped);

/// <summary>The room an unmapped device's name points to, with how sure the match is (0 to 1) and why.</summary>
public sealed record DeviceSuggestion(Guid DeviceId, string SeamDeviceId, string DeviceName, RoomDeviceKind Kind, Guid RoomId, string RoomNumber, double Score, string Reason);

/// <summary>A room as the device picker offers it.</summary>
public sealed record MappableRoom(Guid Id, string Number);

/// <summary>The hotel's locks and thermostats: import from the hub, map to rooms, list.</summary>
public sealed partial class SmartRoomService(HotelSessions sessions, ISmartRoomHub hub)
{
    /// <summary>
    /// Reads every device of the hotel's hub and stores its state. A device not mapped yet is mapped to
    /// the room whose number its name contains as a whole word ("Room 101 lock"), when exactly one room
    /// matches and that room has no device of the same kind yet.
    /// </summary>
    public Task<DeviceImport> ImportDevicesAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "import smart-room devices");
            var devices = await hub.ListDevicesAsync(s.HotelId, cancellationToken);
            var known = await s.Db.RoomDevices.ToDictionaryAsync(d => d.SeamDeviceId, StringComparer.Ordinal, cancellationToken);
            var rooms = await s.Db.Rooms.AsNoTracking().Select(r => new { r.Id, r.Number }).ToListAsync(cancellationToken);
            int added = 0, updated = 0, mapped = 0;
            foreach (var device in devices.Where(d => RoomDevice.KindOf(d) is not null))
            {
                if (known.TryGetValue(device.Id, out var row))
                {
                    row.Refresh(device, s.Now);
                    updated++;
                }
                else
                {
                    row = new RoomDevice(s.HotelId, device, s.Now);
                    s.Db.RoomDevices.Add(row);
                    known.Add(device.Id, row);
                    added++;
                }

                if (row.RoomId is not null)
                {
                    continue;
                }

                var tokens = Tokens().Matches(row.DisplayName).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var matches = rooms.Where(r => tokens.Contains(r.Number)).ToList();
                if (matches is [var room] && !known.Values.Any(d => d.RoomId == room.Id && d.Kind == row.Kind))
                {
                    row.MapTo(room.Id);
                    mapped++;
                }
            }

            await SmartRoomAlerts.SyncConditionsAsync(s, known.Values, s.Now, cancellationToken);
            s.Audit(nameof(RoomDevice), s.HotelId, "Imported", new { Added = added, Updated = updated, AutoMapped = mapped });
            s.Announce(ChangeTopic.Locks, null, $"{added + updated} smart-room devices imported");
            return new DeviceImport(added, updated, mapped);
        }, cancellationToken);

    /// <summary>Maps a device to a room, or unmaps it with a null room.</summary>
    public Task MapAsync(Guid deviceId, Guid? roomId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "map smart-room devices");
            var device = await s.Db.RoomDevices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken) ?? throw new NotFoundException("Device");
            string? number = null;
            if (roomId is { } id)
            {
                number = await s.Db.Rooms.Where(r => r.Id == id).Select(r => r.Number).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Room");
                var other = await s.Db.RoomDevices.Where(d => d.RoomId == id && d.Kind == device.Kind && d.Id != device.Id).Select(d => d.DisplayName).FirstOrDefaultAsync(cancellationToken);
                if (other is not null)
                {
                    // One lock and one thermostat per room: the door code and the climate must go to one device.
                    throw new RuleViolationException($"Room {number} already has a {KindName(device.Kind)} ({other}). Unmap it first.");
                }
            }

            var from = device.RoomId;
            device.MapTo(roomId);
            s.Audit(nameof(RoomDevice), device.Id, "Mapped", new { device.DisplayName, FromRoomId = from, Room = number });
            s.Announce(ChangeTopic.Locks, device.Id, number is null ? $"{device.DisplayName} unmapped" : $"{device.DisplayName} mapped to room {number}");
        }, cancellationToken);

    public Task<IReadOnlyList<RoomDeviceView>> DevicesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RoomDeviceView>>(async s =>
        {
            var devices = await s.Db.RoomDevices.ToListAsync(cancellationToken);
            var rooms = await s.Db.Rooms.ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
            return [.. devices
                .Select(d => new RoomDeviceView(
                    d.Id, d.SeamDeviceId, d.Kind, d.DisplayName, d.Manufacturer, d.Model, d.RoomId,
                    d.RoomId is { } id ? rooms.GetValueOrDefault(id) : null,
                    d.Online, d.Locked, d.DoorOpen, d.BatteryLevel, d.LastSeenAt))
                .OrderBy(d => d.RoomNumber is null)
                .ThenBy(d => d.RoomNumber, StringComparer.OrdinalIgnoreCase)
                .ThenBy(d => d.Kind)
                .ThenBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    /// <summary>
    /// For each unmapped device, the room its name points to best, never a room that already has a device of
    /// that kind, and never one room for two devices of the same kind. A tie between rooms suggests nothing.
    /// </summary>
    public Task<IReadOnlyList<DeviceSuggestion>> SuggestionsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "map smart-room devices");
            return await SuggestAsync(s, cancellationToken);
        }, cancellationToken);

    /// <summary>Maps every device to its suggested room.</summary>
    /// <returns>How many devices were mapped.</returns>
    public Task<int> ApplySuggestionsAsync(CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "map smart-room devices");
            var suggestions = await SuggestAsync(s, cancellationToken);
            var ids = suggestions.Select(x => x.DeviceId).ToList();
            var devices = await s.Db.RoomDevices.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var suggestion in suggestions)
            {
                devices[suggestion.DeviceId].MapTo(suggestion.RoomId);
                s.Audit(nameof(RoomDevice), suggestion.DeviceId, "Mapped", new { suggestion.DeviceName, FromRoomId = (Guid?)null, Room = suggestion.RoomNumber, Suggested = suggestion.Reason });
            }

            if (suggestions.Count > 0)
            {
                s.Announce(ChangeTopic.Locks, null, $"{suggestions.Count} smart-room devices mapped by name");
            }

            return suggestions.Count;
        }, cancellationToken);

    /// <summary>The rooms a device can be mapped to, by number.</summary>
    public Task<IReadOnlyList<MappableRoom>> RoomsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<MappableRoom>>(async s =>
        {
            var rooms = await s.Db.Rooms.Select(r => new MappableRoom(r.Id, r.Number)).ToListAsync(cancellationToken);
            return [.. rooms.OrderBy(r => r.Number.Length).ThenBy(r => r.Number, StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    /// <summary>True when the hotel has no Seam credentials: its devices are the simulated demo workspace.</summary>
    public Task<bool> IsDemoAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s => !await s.Db.IntegrationConnections.AnyAsync(
            c => c.Vendor == IntegrationVendor.Seam && c.IsActive && c.ProtectedCredentials != null, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<DeviceSuggestion>> SuggestAsync(HotelSession s, CancellationToken cancellationToken)
    {
        var devices = await s.Db.RoomDevices.AsNoTracking().ToListAsync(cancellationToken);
        var rooms = await s.Db.Rooms.AsNoTracking().Select(r => new MappableRoom(r.Id, r.Number)).ToListAsync(cancellationToken);
        var taken = devices.Where(d => d.RoomId is not null).Select(d => (d.RoomId!.Value, d.Kind)).ToHashSet();
        var candidates = new List<DeviceSuggestion>();
        foreach (var device in devices.Where(d => d.RoomId is null))
        {
            var scored = rooms
                .Where(r => !taken.Contains((r.Id, device.Kind)))
                .Select(r => (Room: r, Match: NameMatch(device.DisplayName, r.Number)))
                .Where(x => x.Match.Score > 0)
                .OrderByDescending(x => x.Match.Score)
                .ToList();
            if (scored.Count == 0 || (scored.Count > 1 && scored[1].Match.Score >= scored[0].Match.Score))
            {
                continue; // nothing points to a room, or two rooms fit equally well
            }

            var best = scored[0];
            candidates.Add(new DeviceSuggestion(device.Id, device.SeamDeviceId, device.DisplayName, device.Kind, best.Room.Id, best.Room.Number, best.Match.Score, best.Match.Reason));
        }

        // The surest match claims a room first; a room takes one suggested device of each kind.
        var chosen = new List<DeviceSuggestion>();
        foreach (var suggestion in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.DeviceName, StringComparer.OrdinalIgnoreCase))
        {
            if (taken.Add((suggestion.RoomId, suggestion.Kind)))
            {
                chosen.Add(suggestion);
            }
        }

        return [.. chosen.OrderBy(c => c.DeviceName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// How well a device name points to a room number: the number as a word (1), as the digits of a word such as
    /// "Rm101" (0.9), split over two words such as "A-12" for room A12 (0.85), or a word that reads as the number once
    /// look-alike letters are taken for digits, such as "1O1" for 101 (0.8). A different number ("102", "A13") never counts.
    /// </summary>
    internal static (double Score, string Reason) NameMatch(string deviceName, string roomNumber)
    {
        var number = roomNumber.Trim();
        if (number.Length == 0)
        {
            return (0, "");
        }

        var tokens = Tokens().Matches(deviceName).Select(m => m.Value).ToList();
        if (tokens.Any(t => string.Equals(t, number, StringComparison.OrdinalIgnoreCase)))
        {
            return (1, $"name contains {number}");
        }

        if (number.All(char.IsAsciiDigit) && Digits().Matches(deviceName).Any(m => m.Value.TrimStart('0') == number.TrimStart('0') && m.Value.TrimStart('0').Length > 0))
        {
            return (0.9, $"name contains the digits {number}");
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (string.Equals(tokens[i] + tokens[i + 1], number, StringComparison.OrdinalIgnoreCase))
            {
                return (0.85, $"name spells {number}");
            }
        }

        var plain = LookAlikes(number);
        return tokens.Any(t => t.Any(char.IsLetter) && t.Any(char.IsDigit) && LookAlikes(t) == plain)
            ? (0.8, $"name reads as {number}")
            : (0, "");
    }

    /// <summary>A word with the letters that pass for digits (O, I, l, S, B, Z) read as those digits, upper-cased.</summary>
    private static string LookAlikes(string word) =>
        string.Concat(word.ToUpperInvariant().Select(c => c switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            'S' => '5',
            'B' => '8',
            'Z' => '2',
            _ => c,
        }));

    private static string KindName(RoomDeviceKind kind) => kind == RoomDeviceKind.Lock ? "lock" : "thermostat";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
