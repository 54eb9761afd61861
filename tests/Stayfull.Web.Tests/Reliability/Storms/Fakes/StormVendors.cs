using WireMock;

namespace Stayfull.Web.Tests.Reliability.Storms.Fakes;

/// <summary>
/// The vendors the storm's outbound work reaches, as local HTTP fakes that never fail (Stripe, SendGrid,
/// Twilio): they record each call, so a test can count how many times each intent was performed. Stripe
/// names the payment intent after the guest's email, so the same history of events names the same intent
/// in every app that replays it.
/// </summary>
public sealed class StormVendors : IDisposable
{
    private readonly FaultyVendor _stripe = new("/v1/payment_intents", 1, 0, TimeSpan.Zero, TimeProvider.System, VendorAnswers.IdempotencyKey, NamedIntent, slowCallsSucceed: true);
    private readonly FaultyVendor _sendGrid = new("/v3/mail/send", 2, 0, TimeSpan.Zero, TimeProvider.System, VendorAnswers.Body, VendorAnswers.SendGridAccepted, slowCallsSucceed: false);
    private readonly FaultyVendor _twilio = new("/2010-04-01/Accounts/*", 3, 0, TimeSpan.Zero, TimeProvider.System, VendorAnswers.Body, VendorAnswers.TwilioCreated, slowCallsSucceed: false);

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integrations:Stripe:ApiBase"] = _stripe.Url,
        ["SendGrid:Host"] = _sendGrid.Url,
        ["Twilio:ApiBaseUrl"] = _twilio.Url,
    };

    /// <summary>Every call each vendor received, by vendor name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VendorCall>> Calls => new Dictionary<string, IReadOnlyList<VendorCall>>
    {
        ["Stripe"] = _stripe.Calls,
        ["SendGrid"] = _sendGrid.Calls,
        ["Twilio"] = _twilio.Calls,
    };

    public static string IntentIdFor(string guestEmail) => "pi_" + guestEmail.Split('@')[0].Replace("-", "", StringComparison.Ordinal);

    public void Dispose()
    {
        _stripe.Dispose();
        _sendGrid.Dispose();
        _twilio.Dispose();
    }

    private static (int, string, IReadOnlyDictionary<string, string>) NamedIntent(IRequestMessage request, string ordinal)
    {
        var form = System.Web.HttpUtility.ParseQueryString(request.Body ?? "");
        var email = form["receipt_email"] ?? throw new InvalidOperationException("Storm guests all have an email.");
        var id = IntentIdFor(email);
        return (200, $$$"""{"id":"{{{id}}}","object":"payment_intent","amount":{{{form["amount"] ?? "0"}}},"amount_capturable":0,"amount_received":0,"capture_method":"manual","currency":"eur","status":"requires_payment_method","client_secret":"{{{id}}}_secret_x","livemode":false,"metadata":{}}""", new Dictionary<string, string> { ["Request-Id"] = "req_" + ordinal });
    }
}
