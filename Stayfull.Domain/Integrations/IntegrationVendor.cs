namespace Stayfull.Domain.Integrations;

/// <summary>The vendors a hotel can connect. The route segment of each vendor's webhook is its lower-case name.</summary>
public enum IntegrationVendor
{
    Stripe = 0,
    SendGrid = 1,
    Twilio = 2,
    Seam = 3,
    RateShop = 4,
    Channex = 5,
}
