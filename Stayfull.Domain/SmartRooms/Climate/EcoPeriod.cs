using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// A stretch of time one thermostat spent in eco by our request, from the set-back until comfort was asked
/// for again or someone changed it by hand. Open while <see cref="EndedAt"/> is null. Energy saved is its
/// hours times the hotel's kW figure.
/// </summary>
public sealed class EcoPeriod : ITenantOwned
{
    private EcoPeriod()
    {
    }

    public EcoPeriod(Guid hotelId, Guid roomDeviceId, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RoomDeviceId = roomDeviceId;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RoomDeviceId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Ends the period at <paramref name="at"/>, never before it started; false when it had already ended.</summary>
    public bool End(DateTimeOffset at)
    {
        if (EndedAt is not null)
        {
            return false;
        }

        EndedAt = at < StartedAt ? StartedAt : at;
        return true;
    }

    /// <summary>The hours of this period that fall within [from, to); an open period runs until <paramref name="now"/>.</summary>
    public double HoursWithin(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var end = EndedAt ?? now;
        var start = StartedAt > from ? StartedAt : from;
        var stop = end < to ? end : to;
        return stop > start ? (stop - start).TotalHours : 0;
    }
}
