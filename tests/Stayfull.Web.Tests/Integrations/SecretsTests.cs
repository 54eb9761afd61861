using System.Net;
using System.Security.Cryptography;
using System.Text;
using Stayfull.Domain.Integrations;

namespace Stayfull.Web.Tests.Integrations;

public sealed class SecretsTests
{
    [Fact]
    public async Task AfterConnectingAndCallingNoSecretAppearsInTheDatabaseTheLogsTheIntegrationLogOrThePage()
    {
        await using var app = new IntegrationsApp();
        var owner = await app.CreateHotelAsync("Secret Hotel");
        var secretKey = "sk_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var webhookSecret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        string[] secrets = [secretKey, webhookSecret];

        await app.SettingsFor(owner).ConnectAsync(
            IntegrationVendor.Stripe,
            new Dictionary<string, string> { ["SecretKey"] = secretKey, ["WebhookSecret"] = webhookSecret, ["PublishableKey"] = "pk_test_public" },
            CancellationToken.None);
        var test = await app.SettingsFor(owner).TestAsync(IntegrationVendor.Stripe, CancellationToken.None);
        using var client = app.CreateClient();
        var body = """{"id":"evt_secret_flow","type":"payment_intent.succeeded"}""";
        using var signed = await PostWebhookAsync(client, owner, body, IntegrationsApp.Sign(webhookSecret, body));
        using var forged = await PostWebhookAsync(client, owner, body, IntegrationsApp.Sign("whsec_" + Guid.NewGuid().ToString("N"), body));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/settings/integrations");
        page.Headers.Add("Cookie", await app.SignInAsync(owner));
        using var rendered = await client.SendAsync(page);
        var html = await rendered.Content.ReadAsStringAsync();
        var log = await app.SettingsFor(owner).LogAsync(null, null, 0, IntegrationSettingsService.MaxLogPageSize, CancellationToken.None);

        // The flow really ran: the key was used, the webhook verified with the stored secret, the page shows the live card.
        Assert.False(test.Succeeded);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Contains("Live", html, StringComparison.Ordinal);
        Assert.Contains("…" + secretKey[^4..], html, StringComparison.Ordinal);
        Assert.Contains(log, e => e.Operation == "TestConnection" && e.Summary.Contains("[redacted]", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains("connection test", StringComparison.Ordinal));
        var database = ReadDatabaseFiles(app.DatabaseFile);
        Assert.True(Contains(database, owner.Email), "The scan must see the database's text.");
        Assert.True(Contains(database, "evt_secret_flow"), "The scan must see recent writes.");

        foreach (var secret in secrets)
        {
            Assert.False(Contains(database, secret), "A secret is stored in plain text.");
            Assert.DoesNotContain(log, e => e.Summary.Contains(secret, StringComparison.Ordinal) || e.Operation.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, TestAccount owner, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{owner.HotelId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SignedJsonVerifier.Header, signature);
        return await client.SendAsync(request);
    }

    /// <summary>The database and its write-ahead log as bytes, read while the app still has them open.</summary>
    private static byte[] ReadDatabaseFiles(string file)
    {
        using var all = new MemoryStream();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
