using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms;

public enum SmartRoomAlertKind
{
    LowBattery = 0,
    Offline = 1,
    Tampered = 2,

    /// <summary>Several refused attempts at the door in a short time (one wrong code is a guest's typo, not an alert).</summary>
    AccessDenied = 3,

    /// <summary>A guest's door code could not be put on the lock.</summary>
    CodeFailed = 4,
}

/// <summary>
/// Something about a room's device the front desk should see and act on. One alert per device and kind is
/// open at a time: raising it again while open only updates it.
/// <para>
/// What a front desk wants: an alert stays on the console until a person acknowledges it, even when its
/// condition cleared by itself (a lock that was offline for an hour at night is still worth a look in the
/// morning), and is shown as resolved meanwhile. Conditions that clear by themselves (offline, low battery,
/// a code that failed) are resolved by the device; an acknowledged alert whose condition persists stays
/// open but quiet, so the desk is not nagged again until the condition clears and comes back. One-off
/// happenings (tamper, repeated denials) have nothing to clear them: acknowledging closes them.
/// </para>
/// </summary>
public sealed class SmartRoomAlert : ITenantOwned
{
    public const int MaxMessageLength = 500;

    private SmartRoomAlert()
    {
    }

    public SmartRoomAlert(Guid hotelId, Guid roomDeviceId, SmartRoomAlertKind kind, string message, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RoomDeviceId = roomDeviceId;
        Kind = kind;
        OpenKind = kind;
        Message = Trim(message);
        RaisedAt = at;
        LastRaisedAt = at;
        Occurrences = 1;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RoomDeviceId { get; private set; }

    public SmartRoomAlertKind Kind { get; private set; }

    /// <summary>The kind while open, null once resolved: a unique index on it keeps one open alert per device and kind.</summary>
    public SmartRoomAlertKind? OpenKind { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset LastRaisedAt { get; private set; }

    /// <summary>How often it happened while open (for example denials at the door, tamper reports).</summary>
    public int Occurrences { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>Shown on the console: nobody has acknowledged it yet.</summary>
    public bool NeedsAttention => AcknowledgedAt is null;

    /// <summary>Whether the device itself tells us when the condition is over.</summary>
    public static bool ClearsByItself(SmartRoomAlertKind kind) => kind is SmartRoomAlertKind.LowBattery or SmartRoomAlertKind.Offline or SmartRoomAlertKind.CodeFailed;

    /// <summary>Counts one more occurrence at <paramref name="at"/>; a replay (not later than the last one) changes nothing.</summary>
    public bool Repeat(string message, DateTimeOffset at)
    {
        if (!IsOpen || at <= LastRaisedAt)
        {
            return false;
        }

        Message = Trim(message);
        LastRaisedAt = at;
        Occurrences++;
        Version++;
        return true;
    }

    /// <summary>Keeps the wording in step with the condition (a battery lower still) without counting an occurrence.</summary>
    public bool Reword(string message)
    {
        var trimmed = Trim(message);
        if (!IsOpen || trimmed == Message)
        {
            return false;
        }

        Message = trimmed;
        Version++;
        return true;
    }

    /// <returns>False when it was already resolved.</returns>
    public bool Resolve(DateTimeOffset at)
    {
        if (!IsOpen)
        {
            return false;
        }

        ResolvedAt = at;
        OpenKind = null;
        Version++;
        return true;
    }

    /// <returns>False when someone had already acknowledged it.</returns>
    public bool Acknowledge(string by, DateTimeOffset at)
    {
        if (!NeedsAttention)
        {
            return false;
        }

        AcknowledgedAt = at;
        AcknowledgedBy = by.Length > 200 ? by[..200] : by;
        if (!ClearsByItself(Kind))
        {
            Resolve(at);
        }

        Version++;
        return true;
    }

    private static string Trim(string message) => message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
}
