using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>A hotel in the competitor set, known to the rate provider by <see cref="ExternalId"/>.</summary>
public sealed class Competitor : ITenantOwned
{
    /// <summary>A set smaller than this says little about the market; larger is noise and cost.</summary>
    public const int MinSet = 5;

    public const int MaxSet = 15;

    private Competitor()
    {
    }

    public Competitor(Guid hotelId, string name, string externalId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Name = name;
        ExternalId = externalId;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The rate provider's id of this hotel (also the name in imported files).</summary>
    public string ExternalId { get; private set; } = "";

    public void Rename(string name) => Name = name;
}

/// <summary>Which of a competitor's room categories compares to one of our room types.</summary>
public sealed class CompetitorRoomMatch : ITenantOwned
{
    private CompetitorRoomMatch()
    {
    }

    public CompetitorRoomMatch(Guid hotelId, Guid competitorId, string category, Guid roomTypeId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        CompetitorId = competitorId;
        Category = category;
        RoomTypeId = roomTypeId;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public Guid CompetitorId { get; private set; }

    public string Category { get; private set; } = "";

    public Guid RoomTypeId { get; private set; }
}
