using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Tests.Support;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>Hands a Seam device event to the domain's device listener, as the inbox processor does after a webhook.</summary>
internal static class SmartRoomEvents
{
    public static async Task ApplyAsync(TestHotel hotel, string type, string deviceId)
    {
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(new { event_type = type, device_id = deviceId }));
        var seamEvent = new SeamEvent(hotel.HotelId, Guid.NewGuid().ToString(), type, hotel.Time.GetUtcNow(), body.RootElement);
        var listener = new DeviceEvents(hotel.Get<HotelSessions>(), NullLogger<DeviceEvents>.Instance);
        await listener.HandleAsync(seamEvent, CancellationToken.None);
    }
}
