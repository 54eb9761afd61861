using System.Text.Json;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>
/// One room of an OTA booking and the reservation it became (none yet while its channel room type is
/// unmapped). The OTA's price of each night is kept so a reservation made later, by staff, posts the same.
/// </summary>
public sealed class ChannelBookingRoom : ITenantOwned
{
    private ChannelBookingRoom()
    {
    }

    internal ChannelBookingRoom(Guid hotelId, Guid channelBookingId, int index)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ChannelBookingId = channelBookingId;
        Index = index;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid ChannelBookingId { get; private set; }

    /// <summary>The room's position in the booking (0-based), stable across revisions.</summary>
    public int Index { get; private set; }

    public Guid? ReservationId { get; private set; }

    public string? ChannelRoomTypeId { get; private set; }

    public string? ChannelRatePlanId { get; private set; }

    public DateOnly CheckIn { get; private set; }

    public DateOnly CheckOut { get; private set; }

    public int Adults { get; private set; }

    public int Children { get; private set; }

    /// <summary>The OTA's nightly prices as JSON (date → decimal), in the booking's currency.</summary>
    public string NightlyAmounts { get; private set; } = "{}";

    public decimal? Amount { get; private set; }

    internal void Update(RevisionRoom room)
    {
        ChannelRoomTypeId = room.RoomTypeId;
        ChannelRatePlanId = room.RatePlanId;
        CheckIn = room.CheckIn;
        CheckOut = room.CheckOut;
        Adults = room.Adults;
        Children = room.Children;
        Amount = room.Amount;
        NightlyAmounts = JsonSerializer.Serialize(room.NightlyAmounts.ToDictionary(n => n.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), n => n.Value));
    }

    internal void LinkReservation(Guid reservationId) => ReservationId = reservationId;

    internal RevisionRoom ToRevisionRoom()
    {
        var nights = JsonSerializer.Deserialize<Dictionary<string, decimal>>(NightlyAmounts) ?? [];
        return new RevisionRoom(
            CheckIn,
            CheckOut,
            ChannelRoomTypeId,
            ChannelRatePlanId,
            Adults,
            Children,
            Amount,
            nights.ToDictionary(n => DateOnly.ParseExact(n.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), n => n.Value));
    }
}
