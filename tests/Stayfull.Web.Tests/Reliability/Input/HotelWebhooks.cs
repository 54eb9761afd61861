using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Channex;
using Stayfull.Integrations.Seam;
using Stayfull.Integrations.SendGrid;
using Stayfull.Integrations.Stripe;
using Stayfull.Integrations.Twilio;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>One webhook call as sent: path, exact body bytes, content type and headers.</summary>
internal sealed record WireRequest(string Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Chunked = false)
{
    public string BodyText => Body is null ? "" : Encoding.UTF8.GetString(Body);

    public WireRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public WireRequest WithoutHeader(string name) => this with { Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))] };

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            HttpContent content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            if (Chunked)
            {
                content.Headers.ContentLength = null;
                message.Headers.TransferEncodingChunked = true;
            }

            message.Content = content;
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}

/// <summary>The vendors whose webhooks a hotel receives, each with a route and a signature scheme.</summary>
public enum WebhookKind
{
    Stripe,
    Seam,
    Twilio,
    Channex,
    SendGridEvents,
    InboundEmail,
}

/// <summary>
/// A hotel connected to every vendor with secrets generated for this run (never literals), and the means to
/// build a correctly signed webhook of each vendor for any body, as the vendor would send it.
/// </summary>
internal sealed class HotelWebhooks
{
    private readonly byte[] _seamKey = RandomNumberGenerator.GetBytes(24);
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TimeProvider _time;
    private readonly string _inboundToken;

    private HotelWebhooks(Guid hotelId, TimeProvider time, string inboundToken)
    {
        HotelId = hotelId;
        _time = time;
        _inboundToken = inboundToken;
    }

    public Guid HotelId { get; }

    public string StripeSecret { get; } = "wh" + "sec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string SeamSecret => "wh" + "sec_" + Convert.ToBase64String(_seamKey);

    public string TwilioToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string ChannexSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public string ChannexProperty { get; } = Guid.NewGuid().ToString();

    public long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Connects every vendor that signs webhooks for <paramref name="tenant"/>, as its manager would in settings.</summary>
    public static async Task<HotelWebhooks> ConnectAsync(StayfullApplication app, TestTenant tenant)
    {
        var hooks = new HotelWebhooks(tenant.HotelId, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<InboundEmailTokens>().TokenFor(tenant.HotelId));
        var settings = app.As<IntegrationSettingsService>(tenant, StaffRole.Manager);
        var key = () => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await settings.ConnectAsync(IntegrationVendor.Stripe, new Dictionary<string, string> { ["SecretKey"] = "sk_" + "test_" + key(), ["WebhookSecret"] = hooks.StripeSecret }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Seam, new Dictionary<string, string> { ["ApiKey"] = key(), ["WebhookSecret"] = hooks.SeamSecret }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Twilio, new Dictionary<string, string> { ["AccountSid"] = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), ["AuthToken"] = hooks.TwilioToken, ["FromNumber"] = "+351210000000" }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Channex, new Dictionary<string, string> { ["ApiKey"] = key(), ["PropertyId"] = hooks.ChannexProperty, ["WebhookSecret"] = hooks.ChannexSecret }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.SendGrid, new Dictionary<string, string> { ["ApiKey"] = key(), ["FromEmail"] = "desk@hotel.test", ["WebhookPublicKey"] = Convert.ToBase64String(hooks._sendGridKey.ExportSubjectPublicKeyInfo()) }, CancellationToken.None);
        return hooks;
    }

    public string PathOf(WebhookKind kind, Guid? hotelId = null) => kind switch
    {
        WebhookKind.InboundEmail => $"/webhooks/inbound-email/{hotelId ?? HotelId}/{_inboundToken}",
        WebhookKind.SendGridEvents => $"/webhooks/sendgrid/{hotelId ?? HotelId}",
        _ => $"/webhooks/{kind.ToString().ToLowerInvariant()}/{hotelId ?? HotelId}",
    };

    /// <summary>A new, valid event body of the vendor (unique ids drawn from <paramref name="random"/>).</summary>
    public (byte[] Body, string ContentType) SampleBody(WebhookKind kind, Random random)
    {
        var id = Convert.ToHexStringLower(RandomBytes(random, 10));
        return kind switch
        {
            WebhookKind.Stripe => (Json(new Dictionary<string, object?>
            {
                ["id"] = "evt_" + id,
                ["object"] = "event",
                ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
                ["created"] = Now,
                ["livemode"] = false,
                ["type"] = "payment_intent.succeeded",
                ["data"] = new Dictionary<string, object?> { ["object"] = new Dictionary<string, object?> { ["id"] = "pi_" + id, ["object"] = "payment_intent", ["amount"] = 12000, ["currency"] = "eur", ["status"] = "succeeded", ["metadata"] = new Dictionary<string, string>() } },
            }), "application/json"),
            WebhookKind.Seam => (Json(new Dictionary<string, object?>
            {
                ["event_id"] = Guid.NewGuid().ToString(),
                ["event_type"] = "lock.unlocked",
                ["device_id"] = Guid.NewGuid().ToString(),
                ["workspace_id"] = Guid.NewGuid().ToString(),
                ["created_at"] = "2026-11-25T00:00:00Z",
                ["occurred_at"] = "2026-11-25T00:00:00Z",
            }), "application/json"),
            WebhookKind.Twilio => (Encoding.UTF8.GetBytes($"MessageSid=SM{id}&AccountSid=AC{id}&From=%2B351911{random.Next(100000, 999999)}&To=%2B351210000000&Body=Hello+{id}&NumMedia=0"), "application/x-www-form-urlencoded"),
            WebhookKind.Channex => (Json(new Dictionary<string, object?>
            {
                ["event"] = "booking",
                ["payload"] = new Dictionary<string, object?> { ["booking_id"] = Guid.NewGuid().ToString(), ["revision_id"] = Guid.NewGuid().ToString(), ["property_id"] = ChannexProperty },
                ["property_id"] = ChannexProperty,
                ["user_id"] = null,
                ["timestamp"] = "2026-11-25T00:00:00.000000Z",
            }), "application/json"),
            WebhookKind.SendGridEvents => (Json(new object[]
            {
                new Dictionary<string, object?> { ["email"] = "guest@mail.test", ["timestamp"] = Now, ["event"] = "delivered", ["sg_event_id"] = "sg" + id, ["sg_message_id"] = "m" + id },
            }), "application/json"),
            WebhookKind.InboundEmail => Multipart(random, new Dictionary<string, string>
            {
                ["headers"] = $"Message-ID: <{id}@mail.test>\r\nSubject: Late arrival",
                ["from"] = "Guest Person <guest@mail.test>",
                ["to"] = "desk@hotel.test",
                ["subject"] = "Late arrival",
                ["text"] = "We will arrive at 23:00. " + id,
                ["charsets"] = "{\"text\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"to\":\"UTF-8\"}",
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>A valid, signed webhook of <paramref name="kind"/> with a fresh event.</summary>
    public WireRequest Sample(WebhookKind kind, Random random)
    {
        var (body, contentType) = SampleBody(kind, random);
        return Sign(kind, new WireRequest("POST", PathOf(kind), body, contentType, []), Now);
    }

    /// <summary>
    /// The request with its signature headers replaced by ones made for its current body and path at
    /// <paramref name="timestamp"/>, with this hotel's secrets. The signed text is the body as the app decodes it (UTF-8).
    /// </summary>
    public WireRequest Sign(WebhookKind kind, WireRequest request, long timestamp)
    {
        var text = request.BodyText;
        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case WebhookKind.Stripe:
                var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(StripeSecret), Encoding.UTF8.GetBytes($"{stamp}.{text}")));
                return request.WithoutHeader(StripeWebhookVerifier.SignatureHeader).WithHeader(StripeWebhookVerifier.SignatureHeader, $"t={stamp},v1={mac}");
            case WebhookKind.Seam:
                var messageId = "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..8]);
                return request.WithoutHeader("svix-id").WithoutHeader("svix-timestamp").WithoutHeader("svix-signature")
                    .WithHeader("svix-id", messageId).WithHeader("svix-timestamp", stamp).WithHeader("svix-signature", SvixSignature.Sign(SeamSecret, messageId, stamp, text));
            case WebhookKind.Twilio:
                return request.WithoutHeader(TwilioWebhookVerifier.SignatureHeader).WithHeader(TwilioWebhookVerifier.SignatureHeader, TwilioSignature("http://localhost" + request.Path, text));
            case WebhookKind.Channex:
                return request.WithoutHeader(ChannexWebhookVerifier.SecretHeader).WithHeader(ChannexWebhookVerifier.SecretHeader, ChannexSecret);
            case WebhookKind.SendGridEvents:
                var signature = _sendGridKey.SignData(Encoding.UTF8.GetBytes(stamp + text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                return request.WithoutHeader(SendGridWebhookVerifier.SignatureHeader).WithoutHeader(SendGridWebhookVerifier.TimestampHeader)
                    .WithHeader(SendGridWebhookVerifier.SignatureHeader, Convert.ToBase64String(signature)).WithHeader(SendGridWebhookVerifier.TimestampHeader, stamp);
            case WebhookKind.InboundEmail:
                // The secret is in the path (the token), which the request already carries.
                return request;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The names of the headers that carry <paramref name="kind"/>'s proof.</summary>
    public static string[] SignatureHeaders(WebhookKind kind) => kind switch
    {
        WebhookKind.Stripe => [StripeWebhookVerifier.SignatureHeader],
        WebhookKind.Seam => ["svix-id", "svix-timestamp", "svix-signature"],
        WebhookKind.Twilio => [TwilioWebhookVerifier.SignatureHeader],
        WebhookKind.Channex => [ChannexWebhookVerifier.SecretHeader],
        WebhookKind.SendGridEvents => [SendGridWebhookVerifier.SignatureHeader, SendGridWebhookVerifier.TimestampHeader],
        _ => [],
    };

    /// <summary>Twilio's scheme: HMAC-SHA1 with the auth token over the URL and each form field (name then value) in ordinal name order.</summary>
    private string TwilioSignature(string url, string form)
    {
        var fields = QueryHelpers.ParseQuery(form).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var data = new StringBuilder(url);
        foreach (var key in fields.Keys.Order(StringComparer.Ordinal))
        {
            data.Append(key).Append(fields[key]);
        }

#pragma warning disable CA5350 // Twilio's own scheme is HMAC-SHA1; the test must sign as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(TwilioToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static (byte[] Body, string ContentType) Multipart(Random random, IReadOnlyDictionary<string, string> fields)
    {
        var boundary = "xYzZY" + Convert.ToHexStringLower(RandomBytes(random, 6));
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }

        body.Append("--").Append(boundary).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(body.ToString()), "multipart/form-data; boundary=" + boundary);
    }

    internal static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
