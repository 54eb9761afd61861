using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.Channex;

namespace Stayfull.Integrations.Tests.Channex;

/// <summary>The simulated Channex property of a hotel without Channex credentials, through the same port as a real one.</summary>
public sealed class DemoChannelManagerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheCatalogMirrorsTheHotelsRoomTypesAndRatePlansWithFixedIds()
    {
        await using var harness = await ChannexHarness.CreateAsync();

        var catalog = await harness.Channels.GetCatalogAsync(harness.HotelId, None);

        Assert.True(catalog.IsDemo);
        Assert.Equal([new ChannelRoomType("demo-rt-t1", "Type 1", 3), new ChannelRoomType("demo-rt-t2", "Type 2", 3)], catalog.RoomTypes);
        var expectedPlans = harness.Hotel.RoomTypes.SelectMany(t => harness.Hotel.RatePlans.Select(p => $"demo-rp-{t.Code.ToLowerInvariant()}-{p.Code.ToLowerInvariant()}")).Order();
        Assert.Equal(expectedPlans, catalog.RatePlans.Select(p => p.Id).Order());
        Assert.Contains(catalog.RatePlans, p => p.Id == "demo-rp-t1-bar" && p.RoomTypeId == "demo-rt-t1" && p.Currency == "EUR" && p.Title == "Type 1 – Best available rate");
        Assert.Equal("demo-rt-std", DemoChannelManager.RoomTypeIdOf("STD"));
        Assert.Equal("demo-rp-std-nrf", DemoChannelManager.RatePlanIdOf("STD", "NRF"));
        var log = Assert.Single(await harness.LogAsync());
        Assert.True(log.IsDemo);
    }

    [Fact]
    public async Task PushesSucceedAreRecordedAndValuesChannexWouldDropComeBackAsWarnings()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        var today = harness.Hotel.Today;

        var availability = await harness.Channels.PushAvailabilityAsync(harness.HotelId,
            [new AvailabilityValue("demo-rt-t1", today, today.AddDays(30), 2), new AvailabilityValue("demo-rt-t2", today.AddDays(-1), today.AddDays(-1), 1)], None);
        var restrictions = await harness.Channels.PushRestrictionsAsync(harness.HotelId, "EUR",
            [new RestrictionValue("demo-rp-t1-bar", today.AddDays(1), today.AddDays(1), 0), new RestrictionValue("demo-rp-t1-bar", today.AddDays(2), today.AddDays(2), 15000)], None);
        var allDropped = await harness.Channels.PushRestrictionsAsync(harness.HotelId, "EUR", [new RestrictionValue("demo-rp-nope", today, today, 100)], None);

        Assert.True(availability.IsDemo);
        Assert.Single(availability.TaskIds);
        var past = Assert.Single(availability.Warnings);
        Assert.Equal($"room type demo-rt-t2 {today.AddDays(-1):yyyy-MM-dd}: availability 1", past.Item);
        Assert.Equal("date: can't be in the past", past.Message);
        Assert.Equal("rate: must be greater than 0", Assert.Single(restrictions.Warnings).Message);
        Assert.Single(restrictions.TaskIds);
        Assert.Empty(allDropped.TaskIds);
        Assert.Contains("rate_plan_id", Assert.Single(allDropped.Warnings).Message, StringComparison.Ordinal);

        var pushes = await harness.Demo.PushesAsync(harness.HotelId);
        Assert.Equal(["restrictions", "restrictions", "availability"], pushes.Select(p => p.Kind));
        Assert.Equal(2, pushes[2].Items.Count);
        Assert.Equal(availability.TaskIds[0], pushes[2].TaskId);
        var log = await harness.LogAsync();
        Assert.Equal(3, log.Count(l => l.Operation.StartsWith("POST ", StringComparison.Ordinal) && l.IsDemo && l.Succeeded));
    }

    [Fact]
    public async Task AnOtaBookingLandsInTheRevisionFeedAndAsAChannexWebhookInTheInbox()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        await harness.MapToDemoAsync();

        var revision = await harness.Activity.BookNowAsync(harness.HotelId, None);

        Assert.Equal(RevisionStatus.New, revision.Status);
        Assert.Equal(DemoChannelManager.PropertyIdOf(harness.HotelId), revision.PropertyId);
        Assert.Contains(revision.OtaName, new[] { "Booking.com", "Expedia", "Airbnb" });
        Assert.Matches("^(BDC-4[0-9]{9}|EXP-7[0-9]{8}|ABB-HM[A-Z0-9]{8})$", revision.UniqueId);
        Assert.EndsWith(revision.OtaReservationCode!, revision.UniqueId, StringComparison.Ordinal);
        Assert.InRange(revision.ArrivalDate, harness.Hotel.Today.AddDays(1), harness.Hotel.Today.AddDays(60));
        Assert.InRange(revision.DepartureDate.DayNumber - revision.ArrivalDate.DayNumber, 1, 5);
        Assert.Equal("EUR", revision.Currency);
        Assert.False(string.IsNullOrWhiteSpace(revision.Customer.FullName));
        Assert.Contains(revision.PaymentCollect, new[] { "ota", "property" });
        var room = Assert.Single(revision.Rooms);
        Assert.Contains(room.RoomTypeId, new[] { "demo-rt-t1", "demo-rt-t2" });
        Assert.Equal($"demo-rp-{room.RoomTypeId!["demo-rt-".Length..]}-bar", room.RatePlanId);
        Assert.Equal(revision.DepartureDate.DayNumber - revision.ArrivalDate.DayNumber, room.NightlyAmounts.Count);
        Assert.Equal(revision.Amount, room.NightlyAmounts.Values.Sum());
        Assert.InRange(revision.OtaCommission!.Value / revision.Amount!.Value, 0.149m, 0.181m);

        Assert.Equal([revision], await harness.Channels.GetRevisionFeedAsync(harness.HotelId, None));
        Assert.Equal(revision, await harness.Channels.GetRevisionAsync(harness.HotelId, revision.Id, None));
        var stored = Assert.Single(await harness.InboxAsync());
        Assert.Equal(("booking_new", "booking_new:" + revision.Id), (stored.EventType, stored.ExternalId));
        using var body = JsonDocument.Parse(stored.Payload);
        Assert.Equal("booking_new", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(revision.PropertyId, body.RootElement.GetProperty("property_id").GetString());
        Assert.Equal(revision.Id, body.RootElement.GetProperty("payload").GetProperty("revision_id").GetString());
        Assert.Equal(revision.BookingId, body.RootElement.GetProperty("payload").GetProperty("booking_id").GetString());
        Assert.Contains(await harness.LogAsync(), l => l.Direction == IntegrationDirection.Inbound && l.IsDemo && l.Summary.StartsWith("Demo: 1 new", StringComparison.Ordinal));

        await harness.Channels.AcknowledgeRevisionAsync(harness.HotelId, revision.Id, None);
        Assert.Empty(await harness.Channels.GetRevisionFeedAsync(harness.HotelId, None));
        var unknown = await Assert.ThrowsAsync<ChannelManagerException>(() => harness.Channels.AcknowledgeRevisionAsync(harness.HotelId, "no-such-revision", None));
        Assert.Equal(404, unknown.StatusCode);
    }

    [Fact]
    public async Task ABookingIsLaterModifiedOrCancelledUnderTheSameBookingAndReservationCode()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        await harness.MapToDemoAsync();
        var booked = await harness.Activity.BookNowAsync(harness.HotelId, None);

        var changed = await harness.Activity.ChangeNowAsync(harness.HotelId, None);

        Assert.NotNull(changed);
        Assert.Contains(changed.Status, new[] { RevisionStatus.Modified, RevisionStatus.Cancelled });
        Assert.NotEqual(booked.Id, changed.Id);
        Assert.Equal((booked.BookingId, booked.UniqueId), (changed.BookingId, changed.UniqueId));
        Assert.Equal([booked.Id, changed.Id], (await harness.Channels.GetRevisionFeedAsync(harness.HotelId, None)).Select(r => r.Id));
        var inbox = await harness.InboxAsync();
        Assert.Equal(2, inbox.Count);
        Assert.Contains(inbox, e => e.EventType == (changed.Status == RevisionStatus.Cancelled ? "booking_cancellation" : "booking_modification") && e.ExternalId.EndsWith(changed.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GuestsWriteInTheOtaChatAndRepliesAreRecorded()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        await harness.MapToDemoAsync();
        Assert.Null(await harness.Activity.GuestMessageNowAsync(harness.HotelId, null, None));
        var booked = await harness.Activity.BookNowAsync(harness.HotelId, None);

        var question = await harness.Activity.GuestMessageNowAsync(harness.HotelId, null, None);
        var reply = await harness.Channels.SendBookingMessageAsync(harness.HotelId, booked.BookingId, "Yes, we have free parking.", None);

        Assert.NotNull(question);
        Assert.Equal((booked.BookingId, ChannelMessageSender.Guest), (question.BookingId, question.Sender));
        Assert.EndsWith("?", question.Text, StringComparison.Ordinal);
        Assert.Equal(question.ThreadId, reply.ThreadId);
        Assert.Equal([question, reply], await harness.Channels.GetBookingMessagesAsync(harness.HotelId, booked.BookingId, None));
        var stored = (await harness.InboxAsync()).Single(e => e.EventType == "message");
        Assert.Equal("message:" + question.Id, stored.ExternalId);
        using var body = JsonDocument.Parse(stored.Payload);
        var payload = body.RootElement.GetProperty("payload");
        Assert.Equal(booked.BookingId, payload.GetProperty("booking_id").GetString());
        Assert.Equal(question.Text, payload.GetProperty("message").GetString());
        Assert.Equal(question.ThreadId, payload.GetProperty("message_thread_id").GetString());
    }

    [Fact]
    public async Task OnlyMappedHotelsWithoutChannexCredentialsAreFedAndTheirFirstTickBringsABooking()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        Assert.DoesNotContain(harness.HotelId, await harness.Activity.DemoHotelsAsync(None));
        await harness.MapToDemoAsync();
        Assert.Contains(harness.HotelId, await harness.Activity.DemoHotelsAsync(None));

        Assert.Equal(1, await harness.Activity.TickAsync(harness.HotelId, None));
        var stored = Assert.Single(await harness.InboxAsync());
        Assert.Equal("booking_new", stored.EventType);

        await harness.ConnectAsync();
        Assert.DoesNotContain(harness.HotelId, await harness.Activity.DemoHotelsAsync(None));
    }

    [Fact]
    public async Task TheSameSeedAndClockTellTheSameStory()
    {
        await using var first = await ChannexHarness.CreateAsync();
        await using var second = await ChannexHarness.CreateAsync();
        await first.MapToDemoAsync();
        await second.MapToDemoAsync();

        var a = await first.Demo.NewBookingAsync(first.HotelId, None);
        var b = await second.Demo.NewBookingAsync(second.HotelId, None);

        Assert.Equal(
            (a.Revision!.OtaName, a.Revision.Customer, a.Revision.ArrivalDate, a.Revision.DepartureDate, a.Revision.Amount, a.Revision.Rooms[0].RoomTypeId),
            (b.Revision!.OtaName, b.Revision.Customer with { Email = a.Revision.Customer.Email }, b.Revision.ArrivalDate, b.Revision.DepartureDate, b.Revision.Amount, b.Revision.Rooms[0].RoomTypeId));
        Assert.NotEqual(a.Revision.Id, b.Revision.Id);
    }

    [Fact]
    public async Task TheInboxProcessorHandsTheDemoWebhookToTheChannelApplier()
    {
        await using var harness = await ChannexHarness.CreateAsync();
        await harness.MapToDemoAsync();
        await harness.Activity.BookNowAsync(harness.HotelId, None);

        await harness.Services.GetRequiredService<InboxProcessor>().ProcessDueAsync(10, None);

        var stored = Assert.Single(await harness.InboxAsync());
        Assert.Equal(WorkStatus.Done, stored.Status);
        Assert.NotNull(stored.ProcessedAt);
    }
}
