using System.Text.Json;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>Stripe event bodies as Stripe sends them (snapshot payloads), for verifier and applier tests.</summary>
internal static class StripeEvents
{
    public const string PinnedVersion = "2026-10-28.endive";

    public static string Event(string id, string type, object dataObject, string apiVersion = PinnedVersion) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = apiVersion,
            ["created"] = 1_790_000_000,
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        });

    public static Dictionary<string, object?> Intent(string id, string status, long amount, long capturable, long received, Guid? paymentId = null) => new()
    {
        ["id"] = id,
        ["object"] = "payment_intent",
        ["amount"] = amount,
        ["amount_capturable"] = capturable,
        ["amount_received"] = received,
        ["currency"] = "eur",
        ["status"] = status,
        ["metadata"] = paymentId is { } p ? new Dictionary<string, string> { ["payment_id"] = p.ToString() } : new Dictionary<string, string>(),
    };

    public static Dictionary<string, object?> Charge(string id, string paymentIntent, long captured, long refunded) => new()
    {
        ["id"] = id,
        ["object"] = "charge",
        ["amount"] = captured,
        ["amount_captured"] = captured,
        ["amount_refunded"] = refunded,
        ["captured"] = true,
        ["refunded"] = refunded >= captured,
        ["currency"] = "eur",
        ["payment_intent"] = paymentIntent,
        ["status"] = "succeeded",
        ["metadata"] = new Dictionary<string, string>(),
    };

    public static Dictionary<string, object?> Refund(string id, string paymentIntent, long amount, string status = "succeeded") => new()
    {
        ["id"] = id,
        ["object"] = "refund",
        ["amount"] = amount,
        ["currency"] = "eur",
        ["payment_intent"] = paymentIntent,
        ["status"] = status,
        ["metadata"] = new Dictionary<string, string>(),
    };

    public static Dictionary<string, object?> Dispute(string id, string paymentIntent, long amount, string status) => new()
    {
        ["id"] = id,
        ["object"] = "dispute",
        ["amount"] = amount,
        ["currency"] = "eur",
        ["payment_intent"] = paymentIntent,
        ["reason"] = "fraudulent",
        ["status"] = status,
        ["metadata"] = new Dictionary<string, string>(),
    };

    public static Dictionary<string, object?> CheckoutSession(string id, string paymentIntent, long amount, Guid paymentId) => new()
    {
        ["id"] = id,
        ["object"] = "checkout.session",
        ["amount_total"] = amount,
        ["currency"] = "eur",
        ["mode"] = "payment",
        ["payment_intent"] = paymentIntent,
        ["payment_status"] = "paid",
        ["status"] = "complete",
        ["metadata"] = new Dictionary<string, string> { ["payment_id"] = paymentId.ToString() },
    };
}
