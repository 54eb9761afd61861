using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rooms;

public sealed class RoomType : ITenantOwned
{
    private RoomType()
    {
    }

    public RoomType(Guid hotelId, string code, string name, int capacity, long baseRateMinor)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Update(code, name, capacity, baseRateMinor);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Most guests the room type sleeps.</summary>
    public int Capacity { get; private set; }

    /// <summary>The nightly rate when no daily rate is set, in the hotel currency's minor units.</summary>
    public long BaseRateMinor { get; private set; }

    public void Update(string code, string name, int capacity, long baseRateMinor)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(code))
        {
            errors["code"] = ["A room type needs a short code."];
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["A room type needs a name."];
        }

        if (capacity is < 1 or > 20)
        {
            errors["capacity"] = ["Capacity is between 1 and 20 guests."];
        }

        if (baseRateMinor <= 0)
        {
            errors["baseRate"] = ["The base rate must be above zero."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        Capacity = capacity;
        BaseRateMinor = baseRateMinor;
    }
}
