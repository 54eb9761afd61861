using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Tests.Integrations;

/// <summary>
/// The whole web app over its own SQLite file, with a Stripe webhook verifier and connection tester that
/// use the hotel's stored credentials, and every log line captured. One per test.
/// </summary>
public sealed partial class IntegrationsApp : WebApplicationFactory<Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"web-{Guid.NewGuid():N}.db");

    public IntegrationsApp() => Directory.CreateDirectory(Path.GetDirectoryName(_file)!);

    public string DatabaseFile => _file;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Signs webhooks of hotels that have not connected Stripe; generated per app, never a literal.</summary>
    public string FallbackWebhookSecret { get; } = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_file}");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            services.RemoveAll<IWebhookVerifier>();
            services.AddSingleton<IWebhookVerifier>(sp => new SignedJsonVerifier(sp.GetRequiredService<ConnectionCredentialsStore>(), FallbackWebhookSecret));
            services.RemoveAll<IConnectionTester>();
            services.AddSingleton<IConnectionTester, EchoingConnectionTester>();
        });
    }

    /// <summary>A hotel with its owner, who signs in with a generated password.</summary>
    public async Task<TestAccount> CreateHotelAsync(string name)
    {
        _ = Server; // starts the app: migrations run before the first request
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@test.stayfull.app";
        var password = "Pw-7x" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name + " Owner" };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var hotel = await Services.GetRequiredService<HotelOnboarding>().CreateAsync(
            user.Id,
            new OnboardingRequest(name, "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), Address.Empty, [new RoomTypeSpec("DBL", "Double", 2, 12000, "101-102")]),
            CancellationToken.None);
        return new TestAccount(hotel.Id, user.Id, email, password);
    }

    /// <summary>Posts the sign-in form with its antiforgery token, as a browser would; returns the cookies to send.</summary>
    public async Task<string> SignInAsync(TestAccount account)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var input = AntiforgeryInput().Match(html).Value;
        var token = InputValue().Match(input).Groups[1].Value;
        Assert.NotEmpty(token);
        var cookies = new CookieContainer();
        Remember(cookies, page);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = account.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        post.Headers.Add("Cookie", cookies.GetCookieHeader(client.BaseAddress!));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("error=", signedIn.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Remember(cookies, signedIn);
        Assert.Contains("stayfull.auth", cookies.GetCookieHeader(client.BaseAddress!), StringComparison.Ordinal);
        return cookies.GetCookieHeader(client.BaseAddress!);
    }

    /// <summary>The settings service acting as a manager of <paramref name="account"/>'s hotel, as the page would.</summary>
    public IntegrationSettingsService SettingsFor(TestAccount account)
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = new StaffContext(account.HotelId, account.UserId, account.Email, StaffRole.Manager);
        return scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>();
    }

    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private static void Remember(CookieContainer cookies, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                cookies.SetCookies(new Uri("http://localhost"), value);
            }
        }
    }

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex InputValue();
}

public sealed record TestAccount(Guid HotelId, string UserId, string Email, string Password);

/// <summary>
/// Stripe-shaped verification for tests: an HMAC of the raw body with the hotel's webhook secret in
/// <c>Test-Signature</c>; the body is JSON with an <c>id</c> and a <c>type</c>.
/// </summary>
public sealed class SignedJsonVerifier(ConnectionCredentialsStore credentials, string fallbackSecret) : IWebhookVerifier
{
    public const string Header = "Test-Signature";

    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task<WebhookVerification> VerifyAsync(Guid hotelId, WebhookRequest request, CancellationToken cancellationToken)
    {
        var secret = (await credentials.GetAsync(hotelId, Vendor, cancellationToken))?["WebhookSecret"] is { Length: > 0 } stored ? stored : fallbackSecret;
        if (!request.Headers.TryGetValue(Header, out var signature))
        {
            return WebhookVerification.Rejected("No signature.");
        }

        var expected = Encoding.ASCII.GetBytes(IntegrationsApp.Sign(secret, request.RawBody));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        try
        {
            using var json = JsonDocument.Parse(request.RawBody);
            return json.RootElement.TryGetProperty("id", out var id) && json.RootElement.TryGetProperty("type", out var type)
                ? WebhookVerification.Authentic(new VerifiedEvent(id.GetString()!, type.GetString()!, request.RawBody))
                : WebhookVerification.Malformed("An event needs an id and a type.");
        }
        catch (JsonException)
        {
            return WebhookVerification.Malformed("The body is not JSON.");
        }
    }
}

/// <summary>
/// A connection test that behaves like a careless adapter: it calls with the hotel's key and hands the
/// log writer a summary that contains the key, as a vendor's error echo would. The log must still never hold it.
/// </summary>
public sealed class EchoingConnectionTester(ConnectionCredentialsStore credentials, IntegrationLogWriter log, ILogger<EchoingConnectionTester> logger) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetAsync(hotelId, Vendor, cancellationToken);
        var isDemo = keys is null;
        var summary = isDemo ? "GET /v1/balance (demo)" : $"GET /v1/balance Authorization: Bearer {keys!["SecretKey"]} → 401 Invalid API Key provided: {keys["SecretKey"]}";
        await log.RecordAsync(hotelId, Vendor, IntegrationDirection.Outbound, "TestConnection", succeeded: isDemo, isDemo ? 200 : 401, TimeSpan.FromMilliseconds(12), summary, isDemo, cancellationToken);
        logger.LogInformation("Stripe connection test for hotel {HotelId} with {Credentials}", hotelId, keys);
        return new ConnectionTestResult(isDemo, isDemo ? "Demo mode answers." : "Stripe refused the key.");
    }
}

/// <summary>Keeps every log line (message, exception and state) so tests can look for what must never be logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
