namespace Stayfull.Domain.Integrations;

/// <summary>
/// What each vendor operation costs us and what the hotel pays for the plan, bound from
/// <c>Integrations:Pricing</c>, so the owner sees the margin. Amounts in minor units of <see cref="Currency"/>.
/// </summary>
public sealed class IntegrationPricing
{
    public const string Section = "Integrations:Pricing";

    public string Currency { get; set; } = "EUR";

    /// <summary>The monthly plan price charged to the hotel.</summary>
    public long PlanPriceMinor { get; set; } = 9900;

    /// <summary>Unit price per "Vendor.Operation" (e.g. "Twilio.SendSms": 8). Unlisted operations cost nothing.</summary>
    public Dictionary<string, long> UnitPricesMinor { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Twilio.SendSms"] = 8,
        ["SendGrid.SendEmail"] = 1,
        ["Stripe.CreatePaymentIntent"] = 25,
    };

    public long PriceOf(IntegrationVendor vendor, string operation) =>
        UnitPricesMinor.TryGetValue($"{vendor}.{operation}", out var price) ? price : 0;
}
