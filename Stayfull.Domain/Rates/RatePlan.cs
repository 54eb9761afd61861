using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rates;

/// <summary>
/// A way of selling rooms, priced relative to the daily best available rate
/// (e.g. "Non-refundable" at -10 %). The default plan sells at the daily rate itself.
/// </summary>
public sealed class RatePlan : ITenantOwned
{
    private RatePlan()
    {
    }

    public RatePlan(Guid hotelId, string code, string name, decimal adjustmentPercent, bool isDefault)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        IsDefault = isDefault;
        Update(code, name, adjustmentPercent);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public decimal AdjustmentPercent { get; private set; }

    public bool IsDefault { get; private set; }

    public void Update(string code, string name, decimal adjustmentPercent)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
        {
            throw ValidationException.For("name", "A rate plan needs a code and a name.");
        }

        if (adjustmentPercent is < -90 or > 500)
        {
            throw ValidationException.For("adjustmentPercent", "The adjustment is between -90 % and +500 %.");
        }

        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        AdjustmentPercent = adjustmentPercent;
    }

    public long PriceOf(long dailyRateMinor) =>
        (long)decimal.Round(dailyRateMinor * (100m + AdjustmentPercent) / 100m, MidpointRounding.AwayFromZero);
}
