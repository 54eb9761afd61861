using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels;

/// <summary>Which channel-manager room type sells one of our room types. One each way per hotel.</summary>
public sealed class ChannelRoomTypeMapping : ITenantOwned
{
    private ChannelRoomTypeMapping()
    {
    }

    public ChannelRoomTypeMapping(Guid hotelId, Guid roomTypeId, string channelRoomTypeId, string channelTitle)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RoomTypeId = roomTypeId;
        ChannelRoomTypeId = channelRoomTypeId;
        ChannelTitle = channelTitle;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public string ChannelRoomTypeId { get; private set; } = "";

    /// <summary>The channel's name for it when mapped, so staff recognise it without a call.</summary>
    public string ChannelTitle { get; private set; } = "";
}

/// <summary>
/// Which channel-manager rate plan sells one of our rate plans on one of our room types (a channel
/// rate plan belongs to one room type, so the pair is the key). One each way per hotel.
/// </summary>
public sealed class ChannelRatePlanMapping : ITenantOwned
{
    private ChannelRatePlanMapping()
    {
    }

    public ChannelRatePlanMapping(Guid hotelId, Guid roomTypeId, Guid ratePlanId, string channelRatePlanId, string channelTitle)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        RoomTypeId = roomTypeId;
        RatePlanId = ratePlanId;
        ChannelRatePlanId = channelRatePlanId;
        ChannelTitle = channelTitle;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid RoomTypeId { get; private set; }

    public Guid RatePlanId { get; private set; }

    public string ChannelRatePlanId { get; private set; } = "";

    public string ChannelTitle { get; private set; } = "";
}
