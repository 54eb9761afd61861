using System.Text.Json;

namespace Stayfull.Domain.Integrations;

/// <summary>
/// The credential fields each vendor needs. Values travel only between the settings form, the
/// protector and the adapter; they are never logged, shown back, or written anywhere in plain text.
/// </summary>
public sealed record VendorCredentialField(string Name, string Label, bool IsSecret, bool Required = true);

public static class VendorCredentialFields
{
    public static IReadOnlyList<VendorCredentialField> For(IntegrationVendor vendor) => vendor switch
    {
        IntegrationVendor.Stripe =>
        [
            new("SecretKey", "Secret key (sk_…)", IsSecret: true),
            new("WebhookSecret", "Webhook signing secret (whsec_…)", IsSecret: true),
            new("PublishableKey", "Publishable key (pk_…)", IsSecret: false, Required: false),
        ],
        IntegrationVendor.SendGrid =>
        [
            new("ApiKey", "API key (SG.…)", IsSecret: true),
            new("FromEmail", "Sender email", IsSecret: false),
            new("WebhookPublicKey", "Event webhook verification key", IsSecret: false),
        ],
        IntegrationVendor.Twilio =>
        [
            new("AccountSid", "Account SID (AC…)", IsSecret: false),
            new("AuthToken", "Auth token", IsSecret: true),
            new("FromNumber", "Sending number (+…)", IsSecret: false),
        ],
        IntegrationVendor.Seam =>
        [
            new("ApiKey", "API key (seam_…)", IsSecret: true),
            new("WebhookSecret", "Webhook signing secret (whsec_…)", IsSecret: true),
            new("WorkspaceId", "Workspace id (only with a personal access token)", IsSecret: false, Required: false),
        ],
        IntegrationVendor.RateShop =>
        [
            new("ApiKey", "Rate provider API key", IsSecret: true),
            new("BaseUrl", "Rate provider base URL (https://…)", IsSecret: false),
        ],
        IntegrationVendor.Channex =>
        [
            new("ApiKey", "Channex API key (user-api-key)", IsSecret: true),
            new("PropertyId", "Channex property id", IsSecret: false),
            // Channex signs nothing: it echoes a header we choose on every webhook. Generated on connect when left blank.
            new("WebhookSecret", "Webhook secret header value (generated when blank)", IsSecret: true, Required: false),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Unknown vendor."),
    };

    /// <summary>The field whose last characters identify the key to staff.</summary>
    public static string HintField(IntegrationVendor vendor) => For(vendor).First(f => f.IsSecret).Name;
}

/// <summary>A hotel's decrypted credentials for one vendor, for adapters only.</summary>
public sealed class VendorCredentials(IReadOnlyDictionary<string, string> values)
{
    public string this[string name] => values.TryGetValue(name, out var value) ? value : "";

    public string Serialize() => JsonSerializer.Serialize(values);

    public static VendorCredentials Deserialize(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);

    /// <summary>Never print the values, whatever logs or debuggers ask.</summary>
    public override string ToString() => $"VendorCredentials({values.Count} fields)";
}
