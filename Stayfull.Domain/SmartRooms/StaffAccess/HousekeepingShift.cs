using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

public enum ShiftStatus
{
    /// <summary>Planned; its rooms are chosen and its codes requested when it starts.</summary>
    Scheduled = 0,

    /// <summary>Started: its codes open the rooms it covers until it ends.</summary>
    Active = 1,

    /// <summary>Over: every code of the shift is being or has been removed.</summary>
    Ended = 2,
}

/// <summary>
/// One housekeeper's working window, started by a manager. While it runs, one code (the same digits on every
/// lock that accepts them) opens the rooms it covers: the rooms that needed cleaning when it started, and
/// any a manager adds later.
/// </summary>
public sealed class HousekeepingShift : ITenantOwned
{
    public const int CodeLength = 20;

    private HousekeepingShift()
    {
    }

    public HousekeepingShift(Guid hotelId, string staffUserId, string staffName, DateOnly date, DateTimeOffset startsAt, DateTimeOffset endsAt, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        StaffUserId = staffUserId;
        StaffName = staffName;
        Date = date;
        StartsAt = startsAt;
        EndsAt = endsAt;
        CreatedBy = createdBy;
        CreatedAt = now;
        Status = ShiftStatus.Scheduled;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    /// <summary>The housekeeper's account; only they see the shift's codes.</summary>
    public string StaffUserId { get; private set; } = "";

    public string StaffName { get; private set; } = "";

    /// <summary>The hotel's calendar date the shift starts on, as named on the locks.</summary>
    public DateOnly Date { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public ShiftStatus Status { get; private set; }

    /// <summary>The digits given to every lock that accepts their length; null until the shift starts.</summary>
    public string? Code { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The name every code of the shift carries on the locks, never mistaken for a guest's.</summary>
    public string CodeName => $"Stayfull housekeeping {StaffName} {Date:yyyy-MM-dd}";

    public void Start(string? code)
    {
        Code = code;
        Status = ShiftStatus.Active;
        Version++;
    }

    /// <returns>False when the shift had already ended.</returns>
    public bool End(DateTimeOffset now)
    {
        if (Status == ShiftStatus.Ended)
        {
            return false;
        }

        Status = ShiftStatus.Ended;
        EndedAt = now;
        if (EndsAt > now)
        {
            EndsAt = now;
        }

        Version++;
        return true;
    }
}
