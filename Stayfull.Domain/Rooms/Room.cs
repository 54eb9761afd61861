using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rooms;

public sealed class Room : ITenantOwned
{
    private Room()
    {
    }

    public Room(Guid hotelId, string number, int floor, Guid roomTypeId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Update(number, floor, roomTypeId);
        Housekeeping = HousekeepingStatus.Clean;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Number { get; private set; } = "";

    public int Floor { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public HousekeepingStatus Housekeeping { get; private set; }

    /// <summary>Bumped on every change so two clerks assigning the same room conflict instead of double-assigning.</summary>
    public int Version { get; private set; }

    public bool IsReadyForGuest => Housekeeping is HousekeepingStatus.Clean or HousekeepingStatus.Inspected;

    public void Update(string number, int floor, Guid roomTypeId)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw ValidationException.For("number", "A room needs a number.");
        }

        Number = number.Trim();
        Floor = floor;
        RoomTypeId = roomTypeId;
        Touch();
    }

    public void SetHousekeeping(HousekeepingStatus status)
    {
        Housekeeping = status;
        Touch();
    }

    /// <summary>Marks the row changed so a concurrent edit of the same room is detected.</summary>
    public void Touch() => Version++;
}
