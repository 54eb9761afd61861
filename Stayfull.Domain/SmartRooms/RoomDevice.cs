using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

public enum RoomDeviceKind
{
    Lock = 0,
    Thermostat = 1,
}

/// <summary>
/// A lock or thermostat of the hotel's smart-room hub, with the state it last reported and the room it
/// serves (none until mapped). Every state change says whether anything changed, so a replayed event
/// changes nothing twice.
/// </summary>
public sealed class RoomDevice : ITenantOwned
{
    private RoomDevice()
    {
    }

    public RoomDevice(Guid hotelId, SmartDevice device, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        SeamDeviceId = device.Id;
        Refresh(device, now);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid? RoomId { get; private set; }

    /// <summary>The hub's device id.</summary>
    public string SeamDeviceId { get; private set; } = "";

    public RoomDeviceKind Kind { get; private set; }

    public string? Manufacturer { get; private set; }

    public string? Model { get; private set; }

    public string DisplayName { get; private set; } = "";

    public bool Online { get; private set; }

    public bool? Locked { get; private set; }

    public bool? DoorOpen { get; private set; }

    /// <summary>0 to 1, when the device runs on batteries.</summary>
    public double? BatteryLevel { get; private set; }

    /// <summary>The code lengths the lock accepts, comma-separated; empty when it did not say.</summary>
    public string SupportedCodeLengths { get; private set; } = "";

    public DateTimeOffset LastSeenAt { get; private set; }

    public int Version { get; private set; }

    public static RoomDeviceKind? KindOf(SmartDevice device) =>
        device.IsLock ? RoomDeviceKind.Lock : device.IsThermostat ? RoomDeviceKind.Thermostat : null;

    /// <summary>The code length to ask for: six digits where the lock takes them, else the longest it takes; null lets the hub choose.</summary>
    public int? PreferredCodeLength()
    {
        var lengths = SupportedCodeLengths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return lengths.Count == 0 ? null : lengths.Contains(6) ? 6 : lengths.Max();
    }

    public void Refresh(SmartDevice device, DateTimeOffset now)
    {
        Kind = KindOf(device) ?? RoomDeviceKind.Lock;
        Manufacturer = device.Manufacturer;
        Model = device.Model;
        DisplayName = device.DisplayName;
        Online = device.Online;
        Locked = device.Locked;
        DoorOpen = device.DoorOpen;
        BatteryLevel = device.BatteryLevel;
        SupportedCodeLengths = string.Join(',', device.SupportedCodeLengths.Order());
        LastSeenAt = now;
        Version++;
    }

    public void MapTo(Guid? roomId)
    {
        RoomId = roomId;
        Version++;
    }

    public bool SetLocked(bool locked, DateTimeOffset at) => Change(Locked == locked, () => Locked = locked, at);

    public bool SetOnline(bool online, DateTimeOffset at) => Change(Online == online, () => Online = online, at);

    public bool SetBattery(double level, DateTimeOffset at) => Change(BatteryLevel is { } known && Math.Abs(known - level) < 0.0001, () => BatteryLevel = level, at);

    private bool Change(bool same, Action apply, DateTimeOffset at)
    {
        if (at > LastSeenAt)
        {
            LastSeenAt = at;
        }

        if (same)
        {
            return false;
        }

        apply();
        Version++;
        return true;
    }
}
