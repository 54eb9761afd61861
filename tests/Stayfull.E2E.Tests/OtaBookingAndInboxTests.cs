using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.E2E.Tests.Harness;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

/// <summary>
/// An OTA booking and the guest's OTA chat reach the desk's open screens without a reload, and the desk's
/// reply goes back into the OTA chat.
/// <para>
/// The path chosen: the demo hotel (already mapped to the channel manager's room types) is connected to Channex
/// with a key, a property id and a webhook secret made up by the test, and the app's Channex base points at a
/// local fake. The test posts Channex-shaped webhooks carrying the secret header to the running app; the app
/// treats them as triggers, pulls the booking revision from the fake, saves it, acknowledges it, files the chat
/// message in the stay's conversation, and sends the desk's reply to the fake's messages endpoint.
/// </para>
/// </summary>
[Collection(ChromiumDefinition.Name)]
public sealed class OtaBookingAndInboxTests(ChromiumFixture chromium)
{
    private const string PropertyId = "716305c4-561a-4561-a187-7f5b8aeb5920";
    private const string GuestName = "Jan de Vries";

    [Fact]
    public async Task AnOtaBookingAndItsGuestChatArriveLiveAndTheReplyGoesBackToTheOtaChat()
    {
        using var channex = WireMockServer.Start();
        await using var server = StayfullServer.Start(new Dictionary<string, string?> { ["Integrations:Channex:BaseUrl"] = channex.Url + "/api/v1/" });
        var hotelId = await server.DemoHotelIdAsync();
        var today = await server.HotelTodayAsync();
        var webhookSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var revisionId = Guid.NewGuid().ToString();
        var bookingId = Guid.NewGuid().ToString();
        var (roomTypeId, ratePlanId) = await ChannelIdsAsync(server, hotelId);
        FakeChannex(channex, revisionId, bookingId, roomTypeId, ratePlanId, today);
        await ConnectChannexAsync(server, hotelId, webhookSecret);

        await using var context = await chromium.NewContextAsync(server);
        var screens = new Screenshots(nameof(AnOtaBookingAndItsGuestChatArriveLiveAndTheReplyGoesBackToTheOtaChat));
        var desk = await context.NewPageAsync();
        await desk.SignInAsync(DemoHotel.FrontDeskEmail);
        var inbox = await context.NewPageAsync();
        await inbox.GotoAsync("inbox");
        await inbox.WaitForCircuitAsync();
        await Expect(inbox.GetByTestId("inbox-page")).ToBeVisibleAsync();
        await desk.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");
        await inbox.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await PostWebhookAsync(http, hotelId, webhookSecret, new { @event = "booking_new", property_id = PropertyId, payload = new { booking_id = bookingId, property_id = PropertyId, revision_id = revisionId } });

        await Expect(desk.GetByText(GuestName).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await screens.TakeAsync(desk, "console-ota-arrival-live");
        await WaitForAsync(() => channex.LogEntries.Any(e => e.RequestMessage.Path == $"/api/v1/booking_revisions/{revisionId}/ack"), "The revision was never acknowledged.");

        var messageId = Guid.NewGuid().ToString();
        await PostWebhookAsync(http, hotelId, webhookSecret, new { @event = "message", property_id = PropertyId, payload = new { id = messageId, booking_id = bookingId, message_thread_id = Guid.NewGuid().ToString(), message = "Hi! Is there parking at the hotel?", sender = "guest", inserted_at = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture) } });

        var row = inbox.GetByTestId("conversation-row").Filter(new() { HasText = GuestName });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await screens.TakeAsync(inbox, "inbox-ota-message-live");
        await row.ClickAsync();
        await Expect(inbox.GetByTestId("reply-channel")).ToHaveAttributeAsync("data-channel", "Ota");
        await Expect(inbox.GetByTestId("suggested-reply")).ToBeVisibleAsync();
        await screens.TakeAsync(inbox, "inbox-thread-with-suggestion");
        await inbox.EnterAsync("reply-box", "Yes, we have a garage next door, 15 EUR a night.");
        await inbox.GetByTestId("reply-send").ClickAsync();

        await WaitForAsync(() => channex.LogEntries.Any(e => e.RequestMessage.Path == $"/api/v1/bookings/{bookingId}/messages" && e.RequestMessage.Method == "POST"), "The reply never reached the channel manager.");
        var sent = channex.LogEntries.Single(e => e.RequestMessage.Path == $"/api/v1/bookings/{bookingId}/messages" && e.RequestMessage.Method == "POST");
        using (var body = JsonDocument.Parse(sent.RequestMessage.Body!))
        {
            Assert.Equal("Yes, we have a garage next door, 15 EUR a night.", body.RootElement.GetProperty("message").GetProperty("message").GetString());
        }

        await screens.TakeAsync(inbox, "inbox-reply-sent");
        Assert.True(await desk.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "The console was reloaded: the booking did not arrive live.");
        Assert.True(await inbox.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "The inbox was reloaded: the message did not arrive live.");
    }

    /// <summary>The channel ids the demo hotel's first room type and its plan are mapped to.</summary>
    private static async Task<(string RoomTypeId, string RatePlanId)> ChannelIdsAsync(StayfullServer server, Guid hotelId)
    {
        await using var db = server.Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);
        var plan = await db.ChannelRatePlanMappings.AsNoTracking().OrderBy(m => m.ChannelRatePlanId).FirstAsync();
        var type = await db.ChannelRoomTypeMappings.AsNoTracking().SingleAsync(m => m.RoomTypeId == plan.RoomTypeId);
        return (type.ChannelRoomTypeId, plan.ChannelRatePlanId);
    }

    /// <summary>As a manager would on the Channels page: the hotel's own Channex key, property and webhook secret.</summary>
    private static async Task ConnectChannexAsync(StayfullServer server, Guid hotelId, string webhookSecret)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Channex,
            new Dictionary<string, string> { ["ApiKey"] = "key-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), ["PropertyId"] = PropertyId, ["WebhookSecret"] = webhookSecret },
            CancellationToken.None);
    }

    /// <summary>Channex's side: the revision to pull, its ack, ARI pushes and the booking's chat.</summary>
    private static void FakeChannex(WireMockServer channex, string revisionId, string bookingId, string roomTypeId, string ratePlanId, DateOnly today)
    {
        var arrival = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var departure = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var night2 = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var revision = $$"""
            {"data":{"type":"booking_revision","id":"{{revisionId}}","attributes":{
              "id":"{{revisionId}}","property_id":"{{PropertyId}}","booking_id":"{{bookingId}}","unique_id":"BDC-9996013801","system_id":"12331233123",
              "ota_reservation_code":"9996013801","ota_name":"Booking.com","status":"new",
              "rooms":[{"amount":"180.00","checkin_date":"{{arrival}}","checkout_date":"{{departure}}","rate_plan_id":"{{ratePlanId}}","room_type_id":"{{roomTypeId}}",
                "days":{"{{arrival}}":"90.00","{{night2}}":"90.00"},"occupancy":{"adults":2,"children":0,"infants":0,"ages":[]} }],
              "guarantee":{"card_number":"411111******1111","card_type":"VI","cardholder_name":"JAN DE VRIES","cvv":"***","expiration_date":"11/2027"},
              "customer":{"name":"Jan","surname":"de Vries","mail":"jdevries.123456@guest.booking.com","phone":"+31 6 4125 8832","language":"nl","country":"NL"},
              "occupancy":{"adults":2,"children":0,"infants":0},
              "arrival_date":"{{arrival}}","departure_date":"{{departure}}","arrival_hour":"16:00","amount":"180.00","ota_commission":"27.00","currency":"EUR",
              "payment_collect":"ota","payment_type":"credit_card","notes":"","inserted_at":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffff}}"} } }
            """;
        channex.Given(Request.Create().WithPath($"/api/v1/booking_revisions/{revisionId}").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(revision));
        channex.Given(Request.Create().WithPath($"/api/v1/booking_revisions/{revisionId}/ack").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { meta = new { message = "Success" } }));
        channex.Given(Request.Create().WithPath("/api/v1/booking_revisions/feed").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { data = Array.Empty<object>(), meta = new { page = 1, limit = 100, total = 0 } }));
        foreach (var path in new[] { "/api/v1/availability", "/api/v1/restrictions" })
        {
            channex.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { data = new[] { new { id = Guid.NewGuid().ToString(), type = "task" } }, meta = new { message = "Success", warnings = Array.Empty<object>() } }));
        }

        channex.Given(Request.Create().WithPath($"/api/v1/bookings/{bookingId}/messages").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
            $$"""{"data":{"type":"message","id":"{{Guid.NewGuid()}}","attributes":{"message":"sent","sender":"property","attachments":[],"inserted_at":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffff}}","updated_at":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.ffffff}}"} } }"""));
    }

    /// <summary>Posts one webhook as Channex delivers it: unsigned JSON with the secret header the hotel set when registering.</summary>
    private static async Task PostWebhookAsync(HttpClient http, Guid hotelId, string webhookSecret, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/channex/{hotelId}") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Stayfull-Webhook-Secret", webhookSecret);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"The webhook was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), failure);
    }
}
