using Stayfull.Domain.Common;
using Stayfull.Domain.Payments;
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

    /// <summary>What the card secures at booking: nothing, a deposit, or the whole stay (pre-authorised).</summary>
    public PaymentPolicyKind PaymentPolicy { get; private set; }

    /// <summary>For <see cref="PaymentPolicyKind.Deposit"/>: the share of the stay held, 1 to 100.</summary>
    public decimal DepositPercent { get; private set; }

    /// <summary>Cancelling at least this many days before arrival is free; later, the first night is charged.</summary>
    public int FreeCancellationDays { get; private set; }

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

    public void SetPaymentPolicy(PaymentPolicyKind policy, decimal depositPercent, int freeCancellationDays)
    {
        if (policy == PaymentPolicyKind.Deposit && depositPercent is <= 0 or > 100)
        {
            throw ValidationException.For("depositPercent", "A deposit is between 1 % and 100 % of the stay.");
        }

        if (freeCancellationDays is < 0 or > 365)
        {
            throw ValidationException.For("freeCancellationDays", "Free cancellation ends 0 to 365 days before arrival.");
        }

        PaymentPolicy = policy;
        DepositPercent = policy == PaymentPolicyKind.Deposit ? depositPercent : 0;
        FreeCancellationDays = freeCancellationDays;
    }

    /// <summary>What the card must secure at booking for a stay of <paramref name="stayTotalMinor"/>.</summary>
    public long AmountToSecure(long stayTotalMinor) => PaymentPolicy switch
    {
        PaymentPolicyKind.Deposit => (long)decimal.Round(stayTotalMinor * DepositPercent / 100m, MidpointRounding.AwayFromZero),
        PaymentPolicyKind.PreAuthorise => stayTotalMinor,
        _ => 0,
    };

    /// <summary>Whether cancelling on <paramref name="today"/> costs nothing under this plan.</summary>
    public bool CancelsFreely(DateOnly arrival, DateOnly today) => arrival.DayNumber - today.DayNumber >= FreeCancellationDays;

    public long PriceOf(long dailyRateMinor) =>
        (long)decimal.Round(dailyRateMinor * (100m + AdjustmentPercent) / 100m, MidpointRounding.AwayFromZero);
}
