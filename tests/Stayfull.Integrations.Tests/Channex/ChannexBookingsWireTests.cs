using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Channex;

public sealed class ChannexBookingsWireTests
{
    private const string RevisionId = "03dd7198-c5b7-493c-a889-74d0c2211de7";
    private const string BookingId = "cfa33f3b-bd32-4b90-8ef9-bde2bfe986cd";
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A Booking.com revision as Channex's feed returns it, guarantee (masked card) and all.</summary>
    private static string Revision(string id, string insertedAt, string status = "new") => $$"""
        {"type":"booking_revision","id":"{{id}}","attributes":{
          "id":"{{id}}","property_id":"{{ChannexHarness.PropertyId}}","booking_id":"{{BookingId}}","unique_id":"BDC-9996013801","system_id":"12331233123",
          "ota_reservation_code":"9996013801","ota_name":"Booking.com","status":"{{status}}",
          "rooms":[{"amount":"153.00","booking_room_id":"d0f5a93b-12ba-40b5-a134-48bbf1c77532","checkin_date":"2026-12-13","checkout_date":"2026-12-15",
            "rate_plan_id":"445835fb-7956-42ac-9efc-3e6f331f0808","room_type_id":"994d1375-dbbd-4072-8724-b2ab32ce781b","ota_unique_id":"49",
            "days":{"2026-12-13":"76.50","2026-12-14":"76.50"},"guests":[{"name":"Guest Name","surname":"Guest Surname"}],
            "occupancy":{"adults":2,"children":1,"infants":0,"ages":[5]},
            "taxes":[{"is_inclusive":false,"name":"City tax","total_price":"4.00","type":"city_tax"}],
            "meta":{"parent_rate_plan_id":null,"meal_plan":"Breakfast is included in the room rate."} } ],
          "services":[{"type":"Breakfast","total_price":"20.00","price_per_unit":"10.00","price_mode":"Per person per night","persons":2,"nights":1,"name":"Breakfast"}],
          "guarantee":{"card_number":"411111******1111","card_type":"VI","cardholder_name":"CARDHOLDER NAME","cvv":"***","expiration_date":"11/2027","is_virtual":true,
            "meta":{"virtual_card_currency_code":"EUR","virtual_card_current_balance":"15300","virtual_card_decimal_places":"2","virtual_card_effective_date":"2026-12-13","virtual_card_expiration_date":"2027-06-13"} },
          "customer":{"zip":"2031 BE","surname":"de Vries","phone":"+31 6 4125 8832","name":"Jan","mail":"jdevries.123456@guest.booking.com","language":"nl","country":"NL",
            "city":"Haarlem","address":"JW Lucasweg 35","company":{"title":"Company Name","number":"1123331","number_type":"VAT","type":"Registration Number"},"meta":{"is_genius":true} },
          "occupancy":{"adults":2,"children":1,"infants":0},
          "arrival_date":"2026-12-13","departure_date":"2026-12-15","arrival_hour":"16:00","amount":"153.00","ota_commission":"23.72","currency":"EUR",
          "payment_collect":"property","payment_type":"credit_card",
          "notes":"You have a booker that would like free parking. (based on availability)","inserted_at":"{{insertedAt}}"} }
        """;

    private static async Task<ChannexHarness> ConnectedAsync(int pageSize = 100)
    {
        var harness = await ChannexHarness.CreateAsync(pageSize: pageSize);
        await harness.ConnectAsync();
        return harness;
    }

    private static void Get(ChannexHarness harness, string path, string json, int status = 200, string? page = null, int priority = 10)
    {
        var request = Request.Create().WithPath("/api/v1/" + path).UsingGet();
        if (page is not null)
        {
            request = request.WithParam("pagination[page]", page);
        }

        harness.Server.Given(request).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    private static void Post(ChannexHarness harness, string path, string json, int status = 200, string method = "POST") =>
        harness.Server.Given(Request.Create().WithPath("/api/v1/" + path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    private static string Query(WireMock.Logging.ILogEntry entry, string name) => entry.RequestMessage.Query![name].Single();

    [Fact]
    public async Task CatalogReadsEveryPageOfRoomTypesAndRatePlansOfTheProperty()
    {
        await using var harness = await ConnectedAsync(pageSize: 2);
        Get(harness, "room_types", """
            {"data":[{"type":"room_type","id":"rt-1","attributes":{"id":"rt-1","title":"Standard Double","count_of_rooms":12,"occ_adults":2}},
                     {"type":"room_type","id":"rt-2","attributes":{"id":"rt-2","title":"Twin","count_of_rooms":8}}],"meta":{"page":1,"limit":2,"total":3}}
            """, page: "1", priority: 1);
        Get(harness, "room_types", """{"data":[{"type":"room_type","id":"rt-3","attributes":{"id":"rt-3","title":"Suite"}}],"meta":{"page":2,"limit":2,"total":3}}""", page: "2", priority: 1);
        Get(harness, "rate_plans", """
            {"data":[{"type":"rate_plan","id":"rp-1","attributes":{"id":"rp-1","title":"Best available","currency":"EUR","room_type_id":"rt-1"}},
                     {"type":"rate_plan","id":"rp-2","attributes":{"id":"rp-2","title":"Non-refundable","currency":"EUR"},"relationships":{"room_type":{"data":{"type":"room_type","id":"rt-2"}}}}],
             "meta":{"page":1,"limit":2,"total":2}}
            """);

        var catalog = await harness.Channels.GetCatalogAsync(harness.HotelId, None);

        Assert.False(catalog.IsDemo);
        Assert.Equal([new ChannelRoomType("rt-1", "Standard Double", 12), new ChannelRoomType("rt-2", "Twin", 8), new ChannelRoomType("rt-3", "Suite", null)], catalog.RoomTypes);
        Assert.Equal([new ChannelRatePlan("rp-1", "Best available", "rt-1", "EUR"), new ChannelRatePlan("rp-2", "Non-refundable", "rt-2", "EUR")], catalog.RatePlans);
        var requests = harness.Requests();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(ChannexHarness.PropertyId, Query(r, "filter[property_id]"));
            Assert.Equal("2", Query(r, "pagination[limit]"));
            Assert.Equal(ChannexHarness.ApiKey, r.RequestMessage.Headers!["user-api-key"].Single());
        });
        Assert.Equal(["1", "2"], requests.Where(r => r.RequestMessage.Path.EndsWith("room_types", StringComparison.Ordinal)).Select(r => Query(r, "pagination[page]")));
    }

    [Fact]
    public async Task RevisionFeedReadsEveryPageOldestFirstAndMapsEachRevisionWithoutItsCard()
    {
        await using var harness = await ConnectedAsync(pageSize: 1);
        Get(harness, "booking_revisions/feed", $$"""{"meta":{"total":2,"page":1,"limit":1},"data":[{{Revision("rev-2", "2026-11-24T10:05:00.000000", "modified")}}]}""", page: "1", priority: 1);
        Get(harness, "booking_revisions/feed", $$"""{"meta":{"total":2,"page":2,"limit":1},"data":[{{Revision("rev-1", "2026-11-24T10:03:29.335485")}}]}""", page: "2", priority: 1);

        var feed = await harness.Channels.GetRevisionFeedAsync(harness.HotelId, None);

        Assert.Equal(["rev-1", "rev-2"], feed.Select(r => r.Id));
        Assert.All(harness.Requests(), r =>
        {
            Assert.Equal(ChannexHarness.PropertyId, Query(r, "filter[property_id]"));
            Assert.Equal("asc", Query(r, "order[inserted_at]"));
        });
        var revision = feed[0];
        Assert.Equal(BookingId, revision.BookingId);
        Assert.Equal(ChannexHarness.PropertyId, revision.PropertyId);
        Assert.Equal("BDC-9996013801", revision.UniqueId);
        Assert.Equal("9996013801", revision.OtaReservationCode);
        Assert.Equal("Booking.com", revision.OtaName);
        Assert.Equal(RevisionStatus.New, revision.Status);
        Assert.Equal(RevisionStatus.Modified, feed[1].Status);
        Assert.Equal((new DateOnly(2026, 12, 13), new DateOnly(2026, 12, 15)), (revision.ArrivalDate, revision.DepartureDate));
        Assert.Equal("16:00", revision.ArrivalHour);
        Assert.Equal(153.00m, revision.Amount);
        Assert.Equal("EUR", revision.Currency);
        Assert.Equal(23.72m, revision.OtaCommission);
        Assert.Equal(("property", "credit_card"), (revision.PaymentCollect, revision.PaymentType));
        Assert.StartsWith("You have a booker", revision.Notes, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 3, 29, 335, TimeSpan.Zero).AddTicks(4850), revision.InsertedAt);
        Assert.Equal(new RevisionCustomer("Jan", "de Vries", "jdevries.123456@guest.booking.com", "+31 6 4125 8832", "NL", "nl"), revision.Customer);
        Assert.Equal("Jan de Vries", revision.Customer.FullName);
        var room = Assert.Single(revision.Rooms);
        Assert.Equal((new DateOnly(2026, 12, 13), new DateOnly(2026, 12, 15)), (room.CheckIn, room.CheckOut));
        Assert.Equal(("994d1375-dbbd-4072-8724-b2ab32ce781b", "445835fb-7956-42ac-9efc-3e6f331f0808"), (room.RoomTypeId, room.RatePlanId));
        Assert.Equal((2, 1), (room.Adults, room.Children));
        Assert.Equal(153.00m, room.Amount);
        Assert.Equal(new Dictionary<DateOnly, decimal> { [new DateOnly(2026, 12, 13)] = 76.50m, [new DateOnly(2026, 12, 14)] = 76.50m }, room.NightlyAmounts);

        var everything = JsonSerializer.Serialize(feed);
        foreach (var card in new[] { "411111", "******", "CARDHOLDER", "11/2027", "\"VI\"", "15300", "JW Lucasweg" })
        {
            Assert.DoesNotContain(card, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARevisionIsReadByIdAndAcknowledgedAfterwards()
    {
        await using var harness = await ConnectedAsync();
        Get(harness, $"booking_revisions/{RevisionId}", $$"""{"data":{{Revision(RevisionId, "2026-11-24T10:03:29.335485", "cancelled")}}}""");
        Post(harness, $"booking_revisions/{RevisionId}/ack", """{"meta":{"message":"Success"}}""");

        var revision = await harness.Channels.GetRevisionAsync(harness.HotelId, RevisionId, None);
        await harness.Channels.AcknowledgeRevisionAsync(harness.HotelId, RevisionId, None);

        Assert.Equal(RevisionStatus.Cancelled, revision.Status);
        var requests = harness.Requests();
        Assert.Equal(("GET", $"/api/v1/booking_revisions/{RevisionId}"), (requests[0].RequestMessage.Method, requests[0].RequestMessage.Path));
        Assert.Equal(("POST", $"/api/v1/booking_revisions/{RevisionId}/ack"), (requests[1].RequestMessage.Method, requests[1].RequestMessage.Path));
        var log = await harness.LogAsync();
        Assert.Contains(log, l => l.Operation == "POST booking_revisions/{id}/ack" && l.Succeeded);
    }

    [Fact]
    public async Task AcknowledgingAnUnknownRevisionIsAPermanentNotFound()
    {
        await using var harness = await ConnectedAsync();
        Post(harness, "booking_revisions/nope/ack", """{"errors":{"code":"not_found","title":"Resouce Not Found"}}""", 404);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.AcknowledgeRevisionAsync(harness.HotelId, "nope", None));

        Assert.Equal(404, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("not_found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingMessagesAreReadOldestFirstAndAReplyIsSentInChannexsEnvelope()
    {
        await using var harness = await ConnectedAsync();
        Get(harness, $"bookings/{BookingId}/messages", """
            {"data":[
              {"attributes":{"message":"Thanks, see you then","attachments":[],"sender":"property","inserted_at":"2026-11-24T09:10:00.000000","updated_at":"2026-11-24T09:10:00.000000"},
               "id":"m-2","relationships":{"message_thread":{"data":{"id":"t-1","type":"message_thread"}}},"type":"message"},
              {"attributes":{"message":"Is parking available?","attachments":[],"sender":"guest","inserted_at":"2026-11-24T04:25:15.000000","updated_at":"2026-11-24T04:25:22.613482"},
               "id":"m-1","relationships":{"message_thread":{"data":{"id":"t-1","type":"message_thread"}}},"type":"message"}],
             "meta":{"limit":100,"order_by":"inserted_at","order_direction":"desc","page":1,"total":2}}
            """);
        Post(harness, $"bookings/{BookingId}/messages", """
            {"data":{"attributes":{"attachments":[],"inserted_at":"2026-11-24T12:00:01.563215","message":"Yes, free parking behind the hotel.","sender":"property","updated_at":"2026-11-24T12:00:01.563215"},
             "id":"m-3","relationships":{"message_thread":{"data":{"id":"t-1","type":"message_thread"}},"user":{"data":{"id":"u-1","type":"user"}}},"type":"message"}}
            """);

        var messages = await harness.Channels.GetBookingMessagesAsync(harness.HotelId, BookingId, None);
        var sent = await harness.Channels.SendBookingMessageAsync(harness.HotelId, BookingId, "Yes, free parking behind the hotel.", None);

        Assert.Equal(
            [
                new ChannelMessage("m-1", BookingId, "t-1", "Is parking available?", ChannelMessageSender.Guest, new DateTimeOffset(2026, 11, 24, 4, 25, 15, TimeSpan.Zero)),
                new ChannelMessage("m-2", BookingId, "t-1", "Thanks, see you then", ChannelMessageSender.Property, new DateTimeOffset(2026, 11, 24, 9, 10, 0, TimeSpan.Zero)),
            ],
            messages);
        Assert.Equal(("m-3", ChannelMessageSender.Property, "t-1"), (sent.Id, sent.Sender, sent.ThreadId));
        Assert.Equal(TimeSpan.Zero, sent.InsertedAt.Offset);
        var post = harness.Requests().Single(r => r.RequestMessage.Method == "POST");
        Assert.Equal("""{"message":{"message":"Yes, free parking behind the hotel."}}""", post.RequestMessage.Body);
    }

    [Fact]
    public async Task AMissingMessagesAppIsAPermanentForbidden()
    {
        await using var harness = await ConnectedAsync();
        Post(harness, $"bookings/{BookingId}/messages", """{"errors":{"code":"forbidden","title":"Forbidden"}}""", 403);

        var ex = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.SendBookingMessageAsync(harness.HotelId, BookingId, "Hello", None));

        Assert.Equal(403, ex.StatusCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task RegisteringTheWebhookCreatesOneWhenThePropertyHasNone()
    {
        await using var harness = await ConnectedAsync();
        Get(harness, "webhooks", """{"data":[],"meta":{"page":1,"total":0,"limit":100}}""");
        Post(harness, "webhooks", """{"data":{"type":"webhook","id":"wh-new","attributes":{"id":"wh-new","is_active":true}}}""", 201);

        await harness.Channels.RegisterWebhookAsync(harness.HotelId, new Uri("https://hotel.example/webhooks/channex/abc"), ChannexHarness.WebhookSecret, None);

        var requests = harness.Requests();
        Assert.Equal(["GET", "POST"], requests.Select(r => r.RequestMessage.Method));
        Assert.Equal(ChannexHarness.PropertyId, Query(requests[0], "filter[property_id]"));
        Assert.Equal(
            $$"""{"webhook":{"property_id":"{{ChannexHarness.PropertyId}}","callback_url":"https://hotel.example/webhooks/channex/abc","event_mask":"*","headers":{"X-Stayfull-Webhook-Secret":"{{ChannexHarness.WebhookSecret}}"},"is_active":true,"send_data":true""" + "}}",
            requests[1].RequestMessage.Body);
        var log = await harness.LogAsync();
        Assert.Contains(log, l => l.Operation == "POST webhooks" && l.Succeeded);
        Assert.All(log, l => Assert.DoesNotContain(ChannexHarness.WebhookSecret, l.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisteringTheWebhookAgainUpdatesOursAndLeavesOthersAlone()
    {
        await using var harness = await ConnectedAsync();
        Get(harness, "webhooks", $$"""
            {"data":[
              {"id":"wh-other","type":"webhook","attributes":{"id":"wh-other","callback_url":"https://other-pms.example/hook","event_mask":"ari","headers":null,"is_active":true,"send_data":true},
               "relationships":{"property":{"data":{"type":"property","id":"{{ChannexHarness.PropertyId}}"} } } },
              {"id":"wh-ours","type":"webhook","attributes":{"id":"wh-ours","callback_url":"https://old-host.example/webhooks/channex/abc","event_mask":"*","headers":{"X-Stayfull-Webhook-Secret":"old"},"is_active":false,"send_data":true},
               "relationships":{"property":{"data":{"type":"property","id":"{{ChannexHarness.PropertyId}}"} } } } ],
             "meta":{"page":1,"total":2,"limit":100} }
            """);
        Post(harness, "webhooks/wh-ours", """{"data":{"type":"webhook","id":"wh-ours","attributes":{"id":"wh-ours","is_active":true}}}""", method: "PUT");

        await harness.Channels.RegisterWebhookAsync(harness.HotelId, new Uri("https://hotel.example/webhooks/channex/abc"), ChannexHarness.WebhookSecret, None);

        var requests = harness.Requests();
        Assert.Equal(["GET", "PUT"], requests.Select(r => r.RequestMessage.Method));
        Assert.Equal("/api/v1/webhooks/wh-ours", requests[1].RequestMessage.Path);
        var webhook = ChannexHarness.Body(requests[1]).GetProperty("webhook");
        Assert.Equal("https://hotel.example/webhooks/channex/abc", webhook.GetProperty("callback_url").GetString());
        Assert.True(webhook.GetProperty("is_active").GetBoolean());
        Assert.Equal(ChannexHarness.WebhookSecret, webhook.GetProperty("headers").GetProperty("X-Stayfull-Webhook-Secret").GetString());
    }

    [Fact]
    public async Task TheConnectionTestReadsTheRoomTypesWithTheKey()
    {
        await using var harness = await ConnectedAsync();
        Get(harness, "room_types", """{"data":[{"type":"room_type","id":"rt-1","attributes":{"title":"Standard"}}],"meta":{"page":1,"limit":1,"total":4}}""");
        var tester = harness.Services.GetServices<IConnectionTester>().Single(t => t.Vendor == IntegrationVendor.Channex);

        var result = await tester.TestAsync(harness.HotelId, None);

        Assert.True(result.Succeeded);
        Assert.Contains("4 room types", result.Message, StringComparison.Ordinal);
        Assert.Equal(ChannexHarness.ApiKey, Assert.Single(harness.Requests()).RequestMessage.Headers!["user-api-key"].Single());
    }
}
