namespace Stayfull.Integrations.Stripe;

/// <summary>Platform-wide Stripe settings (keys are per hotel, in its connection). Bound from <c>Integrations:Stripe</c>.</summary>
public sealed class StripeOptions
{
    public const string Section = "Integrations:Stripe";

    /// <summary>Stripe's API; tests point it at a local fake server.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>One call's budget; past it the outbox retries later with the same idempotency key.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
