using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
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

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Tokens();
}
