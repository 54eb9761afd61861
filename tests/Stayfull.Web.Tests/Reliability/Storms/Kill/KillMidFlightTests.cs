using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support.Servers;
using Stayfull.Web.Integrations;
using Stayfull.Web.Tests.Http.Harness;
using Stayfull.Web.Tests.Reliability.Storms.Fakes;
using Xunit.Abstractions;

namespace Stayfull.Web.Tests.Reliability.Storms.Kill;

/// <summary>
/// The web app as its own process on a SQLite file, with Stripe on a local fake that honours Idempotency-Key.
/// While a burst of signed guest SMS webhooks arrives and deposit intents go out, the process is killed with
/// SIGKILL; it is started again on the same database, the vendor redelivers what was not acknowledged, and in
/// the end every acknowledged event is applied once and every intent performed once: nothing lost, nothing doubled.
/// </summary>
[Collection(StormsRunAlone.Name)]
public sealed class KillMidFlightTests(ITestOutputHelper output)
{
    private const int Messages = 300;
    private const int Bookings = 60;

    [Fact]
    public async Task AfterSigkillAndRestartEveryAcknowledgedEventIsAppliedOnceAndEveryIntentPerformedOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), "stayfull-kill", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var stripe = new FaultyVendor("/v1/payment_intents", 7, 0, TimeSpan.Zero, TimeProvider.System, VendorAnswers.IdempotencyKey, VendorAnswers.StripeIntent, slowCallsSucceed: true) { Latency = TimeSpan.FromMilliseconds(150) };
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={file}",
            ["Database:MigrateOnStart"] = "true",
            ["Database:SeedDemoData"] = "false",
            ["DataProtection:KeyStore"] = "Database",
            ["Integrations:Stripe:ApiBase"] = stripe.Url,

            // Work the killed process had taken waits out its claim before the restarted one picks it up.
            ["Integrations:WorkQueue:ClaimFor"] = "00:00:15",
        };
        var (hotelId, authToken) = await ArrangeAsync(settings);

        await using var web = await StayfullProcess.StartAsync(settings, "kill");
        var sms = Enumerable.Range(0, Messages).Select(i => SmsFields(i)).ToList();
        var acknowledged = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var killed = new CancellationTokenSource();
        var burst = PostAllAsync(web, hotelId, authToken, sms, acknowledged, killed.Token);

        // Kill once some, but not all, of both the events and the intents are done.
        var (eventsDone, intentsDone) = await WaitForProgressAsync(file, minimumEvents: Messages / 4, minimumIntents: 5);
        web.Kill();
        await killed.CancelAsync();
        await burst;
        output.WriteLine($"Killed with {eventsDone}/{Messages} events applied, {intentsDone}/{Bookings} intents done, {acknowledged.Count} events acknowledged");
        Assert.True(eventsDone < Messages || intentsDone < Bookings, "Everything was done before the kill: nothing was in flight.");

        await web.RestartAsync();
        // The vendor redelivers what it got no 2xx for, and (as vendors do) repeats a few it did.
        var unacknowledged = sms.Where(f => !acknowledged.ContainsKey(f["MessageSid"])).ToList();
        var repeats = sms.Where(f => acknowledged.ContainsKey(f["MessageSid"])).Take(30).ToList();
        await PostAllAsync(web, hotelId, authToken, [.. unacknowledged, .. repeats], acknowledged, CancellationToken.None);
        Assert.Equal(Messages, acknowledged.Count);
        await WaitForDrainAsync(file, TimeSpan.FromMinutes(4));

        await using var db = Open(file);
        var inbound = await db.GuestMessages.IgnoreQueryFilters().Where(m => m.VendorMessageId != null && m.VendorMessageId.StartsWith("SMkill")).Select(m => m.VendorMessageId!).ToListAsync();
        Assert.Equal(sms.Select(f => f["MessageSid"]).Order(StringComparer.Ordinal), inbound.Order(StringComparer.Ordinal));
        var events = await db.InboxEvents.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(Messages, events.Count);
        Assert.All(events, e => Assert.Equal(WorkStatus.Done, e.Status));

        var intents = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.Vendor == IntegrationVendor.Stripe).ToListAsync();
        Assert.Equal(Bookings, intents.Count);
        Assert.All(intents, m => Assert.Equal(WorkStatus.Done, m.Status));
        Assert.Equal(intents.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal), stripe.Performed.Keys.Order(StringComparer.Ordinal));
        Assert.All(stripe.Performed, p => Assert.Equal(1, p.Value));
        var payments = await db.Payments.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.All(payments, p => Assert.NotNull(p.ProviderPaymentId));
        output.WriteLine($"Stripe saw {stripe.Calls.Count} calls for {Bookings} intents; {stripe.Calls.Count - Bookings} were repeats its idempotency keys absorbed");
    }

    /// <summary>The hotel, its vendors and its bookings (each holding a deposit) are made in-process on the same file, with nothing sent yet.</summary>
    private static async Task<(Guid HotelId, string AuthToken)> ArrangeAsync(Dictionary<string, string?> settings)
    {
        await using var app = new StayfullApplication(
            configureServices: services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WorkProcessorService))),
            settings: settings);
        var tenant = await app.CreateHotelAsync("Kill Hotel", roomTypes: 2, roomsPerType: 5);
        await app.As<HotelSettingsService>(tenant).SetRatePlanPaymentPolicyAsync(tenant.RatePlans[0].Id, new RatePlanPaymentTerms(PaymentPolicyKind.Deposit, 30, 0), CancellationToken.None);
        var authToken = Guid.NewGuid().ToString("N");
        var settingsService = app.As<IntegrationSettingsService>(tenant);
        await settingsService.ConnectAsync(IntegrationVendor.Stripe, new Dictionary<string, string> { ["SecretKey"] = "sk_" + "test_" + Guid.NewGuid().ToString("N"), ["WebhookSecret"] = VendorSignatures.NewHexSecret("wh" + "sec_") }, CancellationToken.None);
        await settingsService.ConnectAsync(IntegrationVendor.Twilio, new Dictionary<string, string> { ["AccountSid"] = "AC" + Guid.NewGuid().ToString("N"), ["AuthToken"] = authToken, ["FromNumber"] = "+351210009999" }, CancellationToken.None);
        var today = app.TodayOf(tenant);
        var booking = app.As<BookingService>(tenant);
        for (var g = 0; g < Bookings; g++)
        {
            await booking.BookAsync(
                new BookingRequest { RoomTypeId = tenant.RoomTypes[g % 2].Id, RatePlanId = tenant.RatePlans[0].Id, Arrival = today.AddDays(3 + g), Departure = today.AddDays(4 + g), GuestName = $"Kill Guest {g}", GuestPhone = $"+35193000{g:0000}" },
                CancellationToken.None);
        }

        return (tenant.HotelId, authToken);
    }

    private static Dictionary<string, string> SmsFields(int i)
    {
        var sid = $"SMkill{i:0000}{Guid.NewGuid():N}";
        return new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["AccountSid"] = "AC-kill",
            ["From"] = $"+35193000{i % Bookings:0000}",
            ["To"] = "+351210009999",
            ["Body"] = $"Message {i}: is breakfast included?",
            ["NumMedia"] = "0",
            ["SmsStatus"] = "received",
        };
    }

    /// <summary>16 senders; a 2xx means the app stored the event. A delivery that dies with the process is simply not acknowledged.</summary>
    private static async Task PostAllAsync(StayfullProcess web, Guid hotelId, string authToken, List<Dictionary<string, string>> deliveries, ConcurrentDictionary<string, int> acknowledged, CancellationToken stop)
    {
        var next = -1;
        var path = $"webhooks/twilio/{hotelId}";
        var url = new Uri(web.BaseAddress, path);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var http = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                var fields = deliveries[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Add("X-Twilio-Signature", VendorSignatures.Twilio(authToken, url, fields));
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.AddOrUpdate(fields["MessageSid"], 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException)
                {
                    // The process died under this delivery: the vendor will try again later.
                }
                catch (TaskCanceledException)
                {
                    // Likewise: no answer, no acknowledgement.
                }
            }
        }));
    }

    private static async Task<(int Events, int Intents)> WaitForProgressAsync(string file, int minimumEvents, int minimumIntents)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            await using var db = Open(file);
            var events = await db.InboxEvents.IgnoreQueryFilters().CountAsync(e => e.Status == WorkStatus.Done);
            var intents = await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Status == WorkStatus.Done);
            if ((events >= minimumEvents && intents >= minimumIntents) || DateTime.UtcNow > deadline)
            {
                return (events, intents);
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Until nothing is pending. Work the killed process had claimed stays locked for its claim (15 s here) and
    /// is then taken again: that is the designed recovery, so the wait allows for it.
    /// </summary>
    private static async Task WaitForDrainAsync(string file, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            await using var db = Open(file);
            var pending = await db.InboxEvents.IgnoreQueryFilters().CountAsync(e => e.Status == WorkStatus.Pending)
                + await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Status == WorkStatus.Pending);
            if (pending == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{pending} items still pending after restart.");
            await Task.Delay(250);
        }
    }

    private static StayfullDbContext Open(string file) =>
        new StayfullDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" })).ForPlatform();
}
