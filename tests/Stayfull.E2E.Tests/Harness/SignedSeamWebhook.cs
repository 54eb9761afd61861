using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>A Seam event as Svix delivers it: the event object as the body, signed with the hotel's webhook secret.</summary>
internal static class SignedSeamWebhook
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static async Task PostAsync(HttpClient http, Guid hotelId, string webhookSecret, string eventType, string deviceId)
    {
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_type"] = eventType,
            ["device_id"] = deviceId,
            ["workspace_id"] = Guid.NewGuid().ToString(),
            ["method"] = "keycode",
            ["occurred_at"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["created_at"] = now.ToString("O", CultureInfo.InvariantCulture),
        });
        var messageId = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(webhookSecret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/seam/{hotelId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"The webhook was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
