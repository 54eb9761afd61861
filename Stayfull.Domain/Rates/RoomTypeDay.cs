using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rates;

/// <summary>
/// One room type on one night: its rate, its restrictions and how many rooms are sold.
/// <see cref="Booked"/> plus the <see cref="Version"/> token is what makes booking atomic:
/// two bookings of the last room both try to move the same version and only one can.
/// </summary>
public sealed class RoomTypeDay : ITenantOwned
{
    private RoomTypeDay()
    {
    }

    public RoomTypeDay(Guid hotelId, Guid roomTypeId, DateOnly date)
    {
        HotelId = hotelId;
        RoomTypeId = roomTypeId;
        Date = date;
        MinStay = 1;
    }

    public Guid HotelId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The night's best available rate in minor units; null means the room type's base rate.</summary>
    public long? RateMinor { get; private set; }

    public int MinStay { get; private set; }

    public bool ClosedToArrival { get; private set; }

    public bool ClosedToDeparture { get; private set; }

    public bool StopSell { get; private set; }

    /// <summary>Rooms of this type sold for this night (assigned to a room or not).</summary>
    public int Booked { get; private set; }

    public int Version { get; private set; }

    public long EffectiveRate(long baseRateMinor) => RateMinor ?? baseRateMinor;

    public void Reserve()
    {
        Booked++;
        Version++;
    }

    public void Release()
    {
        Booked = Math.Max(0, Booked - 1);
        Version++;
    }

    public void SetRate(long? rateMinor)
    {
        RateMinor = rateMinor;
        Version++;
    }

    public void SetRestrictions(int minStay, bool closedToArrival, bool closedToDeparture, bool stopSell)
    {
        MinStay = Math.Max(1, minStay);
        ClosedToArrival = closedToArrival;
        ClosedToDeparture = closedToDeparture;
        StopSell = stopSell;
        Version++;
    }
}
