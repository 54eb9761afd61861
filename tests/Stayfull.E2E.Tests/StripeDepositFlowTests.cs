using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Stayfull.Domain.Common;
using Stayfull.Domain.Demo;
using Stayfull.E2E.Tests.Harness;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

/// <summary>
/// A deposit taken on a new booking, seen live at the desk when Stripe's signed webhook arrives.
/// <para>
/// The path chosen: the hotel starts in demo mode (checked on screen), then the manager connects Stripe with a
/// fake secret key and a webhook secret made up by the test, and the app's Stripe API base points at a local
/// WireMock. So booking calls the real adapter (<c>POST /v1/payment_intents</c>, answered with a
/// <c>requires_capture</c> intent whose id the test chose), and the webhooks go through the real endpoint,
/// the SDK's signature check, the inbox, the applier and the ledger. The test signs the events itself
/// (<c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>, Stripe's scheme) with the secret it typed into
/// the connect dialog. Demo mode alone would store its simulated events without any signature, so it
/// cannot prove the signed path.
/// </para>
/// <para>
/// A deposit is a manual-capture hold: <c>payment_intent.amount_capturable_updated</c> shows it authorised in the
/// payments section (the folio does not change for a hold), and <c>payment_intent.succeeded</c> (as Stripe sends
/// when the hold is captured) posts the payment line and lowers the balance. Both are awaited on the open page,
/// which is never reloaded: a marker set in the window before the first webhook must still be there at the end,
/// and every expectation times out (failing the test) if the live update does not arrive.
/// </para>
/// </summary>
[Collection(ChromiumDefinition.Name)]
public sealed partial class StripeDepositFlowTests(ChromiumFixture chromium) : IDisposable
{
    // The demo hotel is booked solid for about two months; a stay after that finds every room free.
    private const int DaysAhead = 70;

    private static readonly CultureInfo Shown = CultureInfo.GetCultureInfo("en-GB");

    private readonly WireMockServer _stripe = WireMockServer.Start();

    public void Dispose() => _stripe.Stop();

    [Fact]
    public async Task ADepositTakenAtBookingShowsLiveOnTheReservationWhenStripesSignedWebhooksArrive()
    {
        var intentId = "pi_e2e_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _stripe.Given(Request.Create().WithPath("/v1/payment_intents").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("Request-Id", "req_e2e")
                .WithBody(IntentJson(intentId, "requires_payment_method", amount: 0, capturable: 0, received: 0, metadata: [])));
        await using var server = StayfullServer.Start(new Dictionary<string, string?> { ["Integrations:Stripe:ApiBase"] = _stripe.Url });
        await using var context = await chromium.NewContextAsync(server);
        var page = await context.NewPageAsync();
        var screens = new Screenshots(nameof(ADepositTakenAtBookingShowsLiveOnTheReservationWhenStripesSignedWebhooksArrive));
        var arrival = (await server.HotelTodayAsync()).AddDays(DaysAhead);
        var secretKey = "sk_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var webhookSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        const string guest = "Hedy Lamarr";

        // Settings → Integrations: no keys yet, Stripe runs in demo mode.
        await page.SignInAsync(DemoHotel.ManagerEmail);
        await page.GotoAsync("settings/integrations");
        await page.WaitForCircuitAsync();
        var stripeCard = page.GetByTestId("vendor-Stripe");
        await Expect(stripeCard.GetByTestId("state")).ToHaveTextAsync("Demo mode");
        await screens.TakeAsync(page, "stripe-demo-mode");

        // Settings → Rate plans: the best available rate now holds a 30 % deposit at booking.
        await page.GotoAsync("settings/rate-plans");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("edit-rate-plan-BAR").ClickAsync();
        await page.Locator("select[data-testid='rate-plan-policy']").SelectOptionAsync("Deposit");
        await page.EnterAsync("rate-plan-deposit-percent", "30");
        await screens.TakeAsync(page, "bar-deposit-dialog");
        await page.GetByTestId("rate-plan-save").ClickAsync();
        await Expect(page.GetByTestId("rate-plan-policy-BAR")).ToHaveTextAsync("Deposit 30 %");
        await screens.TakeAsync(page, "bar-deposit-30");

        // Connect Stripe: the keys go in once, write-only.
        await page.GotoAsync("settings/integrations");
        await page.WaitForCircuitAsync();
        await stripeCard.GetByTestId("connect").ClickAsync();
        await page.Input("field-SecretKey").FillAsync(secretKey);
        await page.Input("field-WebhookSecret").FillAsync(webhookSecret);
        await page.GetByTestId("save").ClickAsync();
        await Expect(stripeCard.GetByTestId("state")).ToHaveTextAsync("Live");
        await screens.TakeAsync(page, "stripe-connected");

        // A booking with the guest's email, seventy days out, under the default plan (BAR).
        await page.GotoAsync("");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("new-reservation").ClickAsync();
        await page.ChooseAsync("room-type", StandardDouble());
        await page.EnterDateAsync("arrival", arrival);
        await page.EnterDateAsync("departure", arrival.AddDays(2));
        await page.EnterAsync("guest-name", guest);
        await page.EnterAsync("guest-email", "hedy@example.test");
        await Expect(page.GetByTestId("quote-total")).ToContainTextAsync("€");
        await page.GetByTestId("book").ClickAsync();
        await Expect(page.GetByTestId("reservation-status")).ToHaveTextAsync("Confirmed");
        await Expect(page.GetByTestId("card-payment-kind")).ToHaveTextAsync("Deposit");
        await screens.TakeAsync(page, "booked-deposit-requested");

        // The outbox asked "Stripe" for the hold; its answer names our intent, which the page shows once recorded.
        var create = await WaitForIntentCreateAsync();
        var form = HttpUtility.ParseQueryString(create.RequestMessage.Body ?? "");
        Assert.Equal("manual", form["capture_method"]);
        var deposit = long.Parse(form["amount"]!, CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { ["payment_id"] = form["metadata[payment_id]"]!, ["reservation_id"] = form["metadata[reservation_id]"]! };
        var payments = page.GetByTestId("card-payments");
        await Expect(payments).ToContainTextAsync(intentId);
        var balance = page.GetByTestId("folio-balance");
        await Expect(balance).ToContainTextAsync("€");
        var owedBefore = Money.FromMajor(decimal.Parse(StaffPage.AmountTyped(await balance.InnerTextAsync()), CultureInfo.InvariantCulture), "EUR");
        Assert.Equal(decimal.Round(owedBefore.Minor * 0.30m, MidpointRounding.AwayFromZero), deposit);
        await page.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");

        // Stripe: the guest authorised the hold.
        var hotelId = await server.DemoHotelIdAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await PostSignedAsync(http, hotelId, webhookSecret, "payment_intent.amount_capturable_updated", IntentJson(intentId, "requires_capture", deposit, capturable: deposit, received: 0, metadata));
        await Expect(page.GetByTestId("card-payment-status")).ToHaveTextAsync("Authorised");
        await Expect(page.GetByTestId("card-payment-authorised")).ToHaveTextAsync(Format(deposit));
        await Expect(balance).ToHaveTextAsync(Format(owedBefore.Minor));
        await screens.TakeAsync(page, "deposit-authorised-live");

        // Stripe: the hold was captured; the folio gets the payment and the balance drops, on the same page.
        await PostSignedAsync(http, hotelId, webhookSecret, "payment_intent.succeeded", IntentJson(intentId, "succeeded", deposit, capturable: 0, received: deposit, metadata));
        await Expect(page.GetByTestId("folio-line").Filter(new() { HasText = "Card payment – deposit" })).ToContainTextAsync(Format(-deposit));
        await Expect(balance).ToHaveTextAsync(Format(owedBefore.Minor - deposit));
        await Expect(page.GetByTestId("card-payment-status")).ToHaveTextAsync("Captured");
        await screens.TakeAsync(page, "deposit-captured-live");

        Assert.True(await page.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "The page was reloaded: the update did not arrive live.");
        await page.SignOutAsync();
    }

    /// <summary>Posts one event as Stripe does: the raw JSON body and its <c>Stripe-Signature</c> header.</summary>
    private static async Task PostSignedAsync(HttpClient http, Guid hotelId, string webhookSecret, string type, string intentJson)
    {
        var body = $$$"""{"id":"evt_e2e_{{{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}}}","object":"event","api_version":"{{{Stripe.StripeConfiguration.ApiVersion}}}","created":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"{{{type}}}","data":{"object":{{{intentJson}}}}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/stripe/{hotelId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"The webhook was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string IntentJson(string id, string status, long amount, long capturable, long received, Dictionary<string, string> metadata) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_capturable"] = capturable,
            ["amount_received"] = received,
            ["capture_method"] = "manual",
            ["currency"] = "eur",
            ["status"] = status,
            ["livemode"] = false,
            ["metadata"] = metadata,
        });

    private async Task<ILogEntry> WaitForIntentCreateAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_stripe.LogEntries.FirstOrDefault(e => e.RequestMessage.Path == "/v1/payment_intents") is { } entry)
            {
                return entry;
            }

            Assert.True(DateTime.UtcNow < deadline, "The app never asked Stripe for the deposit's PaymentIntent.");
            await Task.Delay(100);
        }
    }

    private static string Format(long minor) => new Money(minor, "EUR").Format(Shown);

    [GeneratedRegex("Standard Double")]
    private static partial Regex StandardDouble();
}
