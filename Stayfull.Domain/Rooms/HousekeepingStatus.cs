namespace Stayfull.Domain.Rooms;

public enum HousekeepingStatus
{
    Clean = 0,
    Dirty = 1,
    Inspected = 2,
    OutOfOrder = 3,
}
