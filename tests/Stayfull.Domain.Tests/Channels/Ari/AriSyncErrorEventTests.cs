using System.Text.Json;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Channels.Ari;

/// <summary>Channel failures reported by the channel manager's webhooks become sync errors for staff, once per stored event.</summary>
public sealed class AriSyncErrorEventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_sync_error_webhook_is_recorded_once_with_the_ota_it_names()
    {
        await using var hotel = await AriHotel.CreateAsync();
        var inbox = Event(hotel, "sync_error", new { channel = "BookingCom", message = "Invalid rate for room 12345", rate_plan_id = "rp-1" });

        await ApplyAsync(hotel, inbox);
        await ApplyAsync(hotel, inbox);

        var error = Assert.Single((await hotel.Get<AriSyncService>().GetAsync(None)).Errors);
        Assert.Equal((AriSyncErrorSource.ChannelReport, "BookingCom", "Invalid rate for room 12345"), (error.Source, error.Channel, error.Message));
        Assert.Contains("rp-1", error.Item, StringComparison.Ordinal);
        Assert.Single(hotel.Published.Changes, c => c.Topic == ChangeTopic.Channels);
    }

    [Theory]
    [InlineData("sync_warning")]
    [InlineData("rate_error")]
    public async Task Sync_warnings_and_rate_errors_are_recorded_even_without_a_payload(string eventType)
    {
        await using var hotel = await AriHotel.CreateAsync();

        await ApplyAsync(hotel, Event(hotel, eventType, null));

        var error = Assert.Single((await hotel.Get<AriSyncService>().GetAsync(None)).Errors);
        Assert.Null(error.Channel);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Errors_with_a_map_of_messages_read_as_one_sentence()
    {
        await using var hotel = await AriHotel.CreateAsync();

        await ApplyAsync(hotel, Event(hotel, "rate_error", new { ota_name = "Expedia", errors = new { rate = new[] { "must be greater than 0" } } }));

        var error = Assert.Single((await hotel.Get<AriSyncService>().GetAsync(None)).Errors);
        Assert.Equal(("Expedia", "rate: must be greater than 0"), (error.Channel, error.Message));
    }

    private static InboxEvent Event(TestHotel hotel, string eventType, object? payload)
    {
        var body = payload is null
            ? JsonSerializer.Serialize(new { @event = eventType, property_id = "prop-1" })
            : JsonSerializer.Serialize(new { @event = eventType, payload, property_id = "prop-1" });
        return new InboxEvent(hotel.HotelId, IntegrationVendor.Channex, Guid.NewGuid().ToString("N"), eventType, body, hotel.Time.GetUtcNow());
    }

    private static Task ApplyAsync(TestHotel hotel, InboxEvent inbox) =>
        hotel.Get<IEnumerable<IWebhookApplier>>().Single(a => a.Vendor == IntegrationVendor.Channex).HandleAsync(inbox, None);
}
