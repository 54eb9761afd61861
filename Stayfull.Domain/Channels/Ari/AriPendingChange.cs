using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// Something the channels sell changed and is not pushed yet: which kind, which of our room types (or all),
/// over which nights. It holds no values: the pusher reads the current ones when it sends, so many edits of
/// the same nights collapse into one push of their final state.
/// </summary>
public sealed class AriPendingChange : ITenantOwned
{
    private AriPendingChange()
    {
    }

    public AriPendingChange(Guid hotelId, AriKind kind, Guid? roomTypeId, DateOnly from, DateOnly to, DateTimeOffset createdAt, bool isFullSync = false)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Kind = kind;
        RoomTypeId = roomTypeId;
        From = from;
        To = to < from ? from : to;
        CreatedAt = createdAt;
        IsFullSync = isFullSync;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public AriKind Kind { get; private set; }

    /// <summary>Null means every mapped room type.</summary>
    public Guid? RoomTypeId { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>Last night included.</summary>
    public DateOnly To { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Queued by the nightly full sync or a manager's "Full sync now", so the call is recorded as one.</summary>
    public bool IsFullSync { get; private set; }
}
