using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Integrations;
using Stayfull.Web.Tests.Http.Harness;
using Stayfull.Web.Tests.Reliability.Storms.Fakes;
using Xunit.Abstractions;

namespace Stayfull.Web.Tests.Reliability.Storms.Faults;

/// <summary>
/// Stripe, SendGrid, Twilio and Channex answer 30 % of calls (seeded) with 500, 429 + Retry-After, or too late
/// for the adapter's timeout. Hundreds of intents made by ordinary domain actions (bookings holding deposits,
/// their confirmation emails, check-in links by SMS, replies in OTA chats) must each be performed exactly once
/// at the vendor, and no
/// hotel's account may call a vendor more often than its rate limit allows. The outbox runs on a test clock,
/// so backoffs and Retry-After cost no real time.
/// </summary>
[Collection(StormsRunAlone.Name)]
public sealed class VendorFaultTests(ITestOutputHelper output)
{
    private const double FaultShare = 0.3;
    // Long enough that a call the fake answers at once is not timed out by a busy machine, which would add
    // failures to the 30 % the fakes choose (and can then exhaust an intent's attempts).
    private static readonly TimeSpan AdapterTimeout = TimeSpan.FromMilliseconds(1200);
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(1400);

    [Fact]
    public async Task EveryIntentIsPerformedOnceDespiteFaultsAndWithinTheRateLimits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var stripe = new FaultyVendor("/v1/payment_intents", 101, FaultShare, SlowAnswer, clock, VendorAnswers.IdempotencyKey, VendorAnswers.StripeIntent, slowCallsSucceed: true);
        using var sendGrid = new FaultyVendor("/v3/mail/send", 202, FaultShare, SlowAnswer, clock, VendorAnswers.Body, VendorAnswers.SendGridAccepted, slowCallsSucceed: false);
        using var twilio = new FaultyVendor("/2010-04-01/Accounts/*", 303, FaultShare, SlowAnswer, clock, VendorAnswers.Body, VendorAnswers.TwilioCreated, slowCallsSucceed: false);
        using var channex = new FaultyVendor("/api/v1/bookings/*/messages", 404, FaultShare, SlowAnswer, clock, VendorAnswers.PathAndBody, VendorAnswers.ChannexMessage, slowCallsSucceed: false) { AccountHeader = "user-api-key" };
        var timeout = AdapterTimeout.ToString("c", CultureInfo.InvariantCulture);
        await using var app = new StayfullApplication(
            configureServices: services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                // The test drives the outbox itself, on its clock.
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WorkProcessorService)));
            },
            settings: new Dictionary<string, string?>
            {
                ["Integrations:Stripe:ApiBase"] = stripe.Url,
                ["Integrations:Stripe:Timeout"] = timeout,
                ["SendGrid:Host"] = sendGrid.Url,
                ["SendGrid:Timeout"] = timeout,
                ["Twilio:ApiBaseUrl"] = twilio.Url,
                ["Twilio:Timeout"] = timeout,
                ["Integrations:Channex:BaseUrl"] = channex.Url + "/api/v1/",
                ["Integrations:Channex:Timeout"] = timeout,
            });

        var hotels = new List<TestTenant>();
        for (var h = 0; h < 2; h++)
        {
            hotels.Add(await ConnectedHotelAsync(app, h));
        }

        foreach (var (hotel, h) in hotels.Select((t, i) => (t, i)))
        {
            await BookAndTextAsync(app, hotel, h, guests: 60);
        }

        foreach (var (hotel, h) in hotels.Select((t, i) => (t, i)))
        {
            await AnswerOtaChatsAsync(app, hotel, h, guests: 25);
        }

        var intents = await PendingIntentsAsync(app);
        Assert.InRange(intents, 350, 450);

        var rounds = await DriveOutboxAsync(app, clock);
        output.WriteLine($"{intents} intents done in {rounds} rounds over {clock.GetUtcNow() - clock.Start:g} of test time; faults: Stripe {stripe.Faults}/{stripe.Calls.Count}, SendGrid {sendGrid.Faults}/{sendGrid.Calls.Count}, Twilio {twilio.Faults}/{twilio.Calls.Count}, Channex {channex.Faults}/{channex.Calls.Count}");

        await using var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        var outbox = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.All(outbox, m => Assert.True(m.Status == WorkStatus.Done, $"{m.Vendor} {m.Operation} {m.IdempotencyKey} is {m.Status}: {m.LastError}"));
        Assert.True(stripe.Faults + sendGrid.Faults + twilio.Faults + channex.Faults > intents / 5, "The vendors hardly failed: the test proves nothing.");

        // Exactly one performed call per intent at each vendor.
        AssertOncePerIntent("Stripe", stripe, outbox.Count(m => m.Vendor == IntegrationVendor.Stripe));
        AssertOncePerIntent("SendGrid", sendGrid, outbox.Count(m => m.Vendor == IntegrationVendor.SendGrid));
        AssertOncePerIntent("Twilio", twilio, outbox.Count(m => m.Vendor == IntegrationVendor.Twilio));
        Assert.All(outbox.Where(m => m.Vendor == IntegrationVendor.Channex), m => Assert.Equal(GuestReplies.SendOtaMessageOperation, m.Operation));
        AssertOncePerIntent("Channex", channex, outbox.Count(m => m.Vendor == IntegrationVendor.Channex));
        Assert.Equal(outbox.Where(m => m.Vendor == IntegrationVendor.Stripe).Select(m => m.IdempotencyKey).Order(), stripe.Performed.Keys.Order());

        // Every payment knows its intent, and no message waits for a sid it never got.
        var payments = await db.Payments.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.All(payments, p => Assert.StartsWith("pi_fault", p.ProviderPaymentId, StringComparison.Ordinal));
        Assert.Equal(payments.Count, payments.Select(p => p.ProviderPaymentId).Distinct().Count());

        // No account called a vendor more often than its limit allows in any second of the outbox's clock.
        var limits = app.Services.GetRequiredService<IOptions<VendorRateLimitOptions>>().Value;
        AssertWithinLimit("Stripe", stripe, limits.For(IntegrationVendor.Stripe));
        AssertWithinLimit("SendGrid", sendGrid, limits.For(IntegrationVendor.SendGrid));
        AssertWithinLimit("Twilio", twilio, limits.For(IntegrationVendor.Twilio));
        AssertWithinLimit("Channex", channex, limits.For(IntegrationVendor.Channex));
    }

    private static async Task<TestTenant> ConnectedHotelAsync(StayfullApplication app, int h)
    {
        var tenant = await app.CreateHotelAsync($"Fault Hotel {h}", roomTypes: 2, roomsPerType: 5);
        await app.As<HotelSettingsService>(tenant).SetRatePlanPaymentPolicyAsync(tenant.RatePlans[0].Id, new RatePlanPaymentTerms(PaymentPolicyKind.Deposit, 30, 0), CancellationToken.None);
        var settings = app.As<IntegrationSettingsService>(tenant);
        await settings.ConnectAsync(IntegrationVendor.Stripe, new Dictionary<string, string> { ["SecretKey"] = "sk_" + "test_" + Guid.NewGuid().ToString("N"), ["WebhookSecret"] = VendorSignatures.NewHexSecret("wh" + "sec_") }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.SendGrid, new Dictionary<string, string> { ["ApiKey"] = "SG." + Guid.NewGuid().ToString("N"), ["FromEmail"] = $"desk{h}@hotel.test", ["WebhookPublicKey"] = "unused" }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Twilio, new Dictionary<string, string> { ["AccountSid"] = "AC" + Guid.NewGuid().ToString("N"), ["AuthToken"] = Guid.NewGuid().ToString("N"), ["FromNumber"] = $"+35121000{h:0000}" }, CancellationToken.None);
        return tenant;
    }

    /// <summary>Each booking holds a deposit (Stripe) and confirms by email (SendGrid); each guest then gets the check-in link by SMS (Twilio).</summary>
    private static async Task BookAndTextAsync(StayfullApplication app, TestTenant tenant, int h, int guests)
    {
        var today = app.TodayOf(tenant);
        var booking = app.As<BookingService>(tenant);
        var messaging = app.As<MessagingService>(tenant);
        for (var g = 0; g < guests; g++)
        {
            var reservation = await booking.BookAsync(
                new BookingRequest
                {
                    RoomTypeId = tenant.RoomTypes[g % 2].Id,
                    RatePlanId = tenant.RatePlans[0].Id,
                    Arrival = today.AddDays(5 + g),
                    Departure = today.AddDays(6 + g),
                    GuestName = $"Fault Guest {h}-{g}",
                    GuestEmail = $"f{h}-{g}@guest.test",
                    GuestPhone = $"+3519200{h}{g:0000}",
                },
                CancellationToken.None);
            await messaging.SendAsync(reservation.Id, MessageTemplateKeys.CheckInLink, MessageChannel.Sms, new TemplateExtras(CheckInLink: $"https://stay.test/c/{h}-{g}"), CancellationToken.None);
        }
    }

    /// <summary>Connects the hotel to Channex, then answers a guest's question in each booking's OTA chat (each reply an intent).</summary>
    private static async Task AnswerOtaChatsAsync(StayfullApplication app, TestTenant tenant, int h, int guests)
    {
        // Connected after the bookings, so the only Channex work is the chat replies.
        await app.As<IntegrationSettingsService>(tenant).ConnectAsync(IntegrationVendor.Channex, new Dictionary<string, string> { ["ApiKey"] = "chx-" + Guid.NewGuid().ToString("N"), ["PropertyId"] = $"prop-fault-{h}", ["WebhookSecret"] = Guid.NewGuid().ToString("N") }, CancellationToken.None);
        // The inbox's services take scoped listeners, so they are made in a scope of their own, acting as the owner.
        await using var scope = app.Services.CreateAsyncScope();
        var sessions = new HotelSessions(
            scope.ServiceProvider.GetRequiredService<StayfullDb>(),
            new FixedCurrentStaff(new StaffContext(tenant.HotelId, "test-owner", "Owner (test)", StaffRole.Owner)),
            app.Services.GetRequiredService<TimeProvider>(),
            app.Services.GetRequiredService<ILiveUpdatePublisher>());
        var intake = ActivatorUtilities.CreateInstance<InboxIntake>(scope.ServiceProvider, sessions);
        var inbox = ActivatorUtilities.CreateInstance<InboxService>(scope.ServiceProvider, sessions);
        for (var g = 0; g < guests; g++)
        {
            var question = await intake.ReceiveOtaAsync($"chx-fault-{h}-{g}", $"BDC-{h}-{g}", "Is there parking?", app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
            await inbox.ReplyAsync(question.ConversationId!.Value, $"Yes, parking is free for booking {h}-{g}.", CancellationToken.None);
        }
    }

    private static async Task<int> PendingIntentsAsync(StayfullApplication app)
    {
        await using var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform();
        return await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Status == WorkStatus.Pending);
    }

    /// <summary>Runs the outbox until nothing is pending; when nothing is due, moves the clock to the next due time.</summary>
    private static async Task<int> DriveOutboxAsync(StayfullApplication app, FakeTimeProvider clock)
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        for (var round = 1; round < 5_000; round++)
        {
            if (await processor.ProcessDueAsync(50, CancellationToken.None) > 0)
            {
                continue;
            }

            await using var db = app.Services.GetRequiredService<StayfullDb>().ForPlatform();
            var next = await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Status == WorkStatus.Pending).Select(m => (DateTimeOffset?)m.NextAttemptAt).ToListAsync();
            if (next.Count == 0)
            {
                return round;
            }

            var due = next.Min()!.Value;
            clock.Advance(due > clock.GetUtcNow() ? due - clock.GetUtcNow() : TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail("The outbox never finished.");
        return 0;
    }

    private void AssertOncePerIntent(string vendor, FaultyVendor fake, int intents)
    {
        var twice = fake.Performed.Where(p => p.Value != 1).Select(p => $"{p.Key[..Math.Min(60, p.Key.Length)]} ×{p.Value}").ToList();
        Assert.True(twice.Count == 0, $"{vendor} performed intents more than once: {string.Join("; ", twice)}");
        Assert.Equal(intents, fake.Performed.Count);
        output.WriteLine($"{vendor}: {intents} intents, {fake.Calls.Count} calls, each intent performed once");
    }

    private void AssertWithinLimit(string vendor, FaultyVendor fake, int perSecond)
    {
        var busiest = fake.Calls
            .GroupBy(c => c.Account)
            .Select(account => account.Select(c => account.Count(o => o.At >= c.At && o.At < c.At.AddSeconds(1))).DefaultIfEmpty(0).Max())
            .DefaultIfEmpty(0).Max();
        output.WriteLine($"{vendor}: at most {busiest} calls in any second of one account (limit {perSecond})");
        Assert.True(busiest <= perSecond, $"{vendor} got {busiest} calls from one account within a second; the limit is {perSecond}.");
    }
}
