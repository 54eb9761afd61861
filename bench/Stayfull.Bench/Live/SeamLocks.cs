using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Bench.Live;

/// <summary>
/// The demo hotel's simulated locks imported and Seam connected with a made-up webhook secret, then lock events
/// signed as Svix signs them — each goes through the real endpoint, signature check, inbox, device listener and
/// <c>s.Announce(ChangeTopic.Locks, …)</c>.
/// </summary>
public sealed class SeamLocks
{
    private readonly string _secret;
    private bool _locked = true;

    private SeamLocks(Guid hotelId, string room, Guid deviceId, string seamDeviceId, string secret)
    {
        HotelId = hotelId;
        Room = room;
        DeviceId = deviceId;
        SeamDeviceId = seamDeviceId;
        _secret = secret;
    }

    public Guid HotelId { get; }

    /// <summary>The room whose lock the events toggle; its tile on the console is <c>lock-{Room}</c>.</summary>
    public string Room { get; }

    /// <summary>The app's id of the lock, the <c>EntityId</c> of its live changes.</summary>
    public Guid DeviceId { get; }

    public string SeamDeviceId { get; }

    public static async Task<SeamLocks> ConnectAsync(WebApplication app)
    {
        Guid hotelId;
        await using (var platform = app.Services.GetRequiredService<StayfullDb>().ForPlatform())
        {
            hotelId = await platform.Hotels.IgnoreQueryFilters().AsNoTracking().Where(h => h.Name == DemoHotel.Name).Select(h => h.Id).SingleAsync();
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
            await scope.ServiceProvider.GetRequiredService<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
                IntegrationVendor.Seam,
                new Dictionary<string, string> { ["ApiKey"] = "seam_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), ["WebhookSecret"] = secret },
                CancellationToken.None);
        }

        await using var db = app.Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);
        var locks = await db.RoomDevices.AsNoTracking()
            .Where(d => d.Kind == RoomDeviceKind.Lock && d.RoomId != null && d.Online && d.Locked == true)
            .Join(db.Rooms, d => d.RoomId, r => r.Id, (d, r) => new { r.Number, d.Id, d.SeamDeviceId })
            .ToListAsync();
        var first = locks.OrderBy(l => l.Number, StringComparer.Ordinal).First();
        return new SeamLocks(hotelId, first.Number, first.Id, first.SeamDeviceId, secret);
    }

    /// <summary>The next event for the lock: unlocked if it is locked, locked if not, so each one changes the tile.</summary>
    public HttpRequestMessage NextToggle()
    {
        _locked = !_locked;
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_type"] = _locked ? "lock.locked" : "lock.unlocked",
            ["device_id"] = SeamDeviceId,
            ["workspace_id"] = Guid.NewGuid().ToString(),
            ["method"] = "keycode",
            ["occurred_at"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["created_at"] = now.ToString("O", CultureInfo.InvariantCulture),
        });
        var messageId = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(_secret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/seam/{HotelId}") { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        return request;
    }

    /// <summary>The state the tile shows after the last toggle.</summary>
    public string ExpectedState => _locked ? "locked" : "unlocked";
}
