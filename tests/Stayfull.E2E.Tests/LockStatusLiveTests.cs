using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.E2E.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Stayfull.E2E.Tests;

/// <summary>
/// A door unlocked at the hotel shows on the desk's open screens without a reload.
/// <para>
/// The path chosen: the demo hotel's simulated locks are imported, then Seam is connected with an API key and a
/// webhook secret made up by the test (the app's Seam base points at a closed local port, so nothing leaves the
/// machine). The test signs a <c>lock.unlocked</c> event as Svix does — <c>v1,</c> + base64(HMAC-SHA256 over
/// <c>id.timestamp.body</c>, keyed with the secret's base64 part) — and posts it to the running app's Seam
/// webhook, so it goes through the real endpoint, the signature check, the inbox, the device listener and the
/// live notifier. The room grid and the console stay open throughout; a marker set in each window before the
/// webhook must still be there at the end.
/// </para>
/// </summary>
[Collection(ChromiumDefinition.Name)]
public sealed class LockStatusLiveTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task ASignedUnlockWebhookTurnsTheRoomsLockIconOnTheOpenConsolesWithoutAReload()
    {
        await using var server = StayfullServer.Start(new Dictionary<string, string?> { ["Integrations:Seam:BaseUrl"] = "http://127.0.0.1:9" });
        var hotelId = await server.DemoHotelIdAsync();
        var webhookSecret = SignedSeamWebhook.NewSecret();
        await ImportLocksThenConnectSeamAsync(server, hotelId, webhookSecret);
        var (room, deviceId) = await LockedRoomAsync(server, hotelId);

        await using var context = await chromium.NewContextAsync(server);
        var screens = new Screenshots(nameof(ASignedUnlockWebhookTurnsTheRoomsLockIconOnTheOpenConsolesWithoutAReload));
        var desk = await context.NewPageAsync();
        await desk.SignInAsync(DemoHotel.FrontDeskEmail);
        await Expect(desk.GetByTestId($"lock-{room}")).ToHaveAttributeAsync("data-state", "locked");
        await screens.TakeAsync(desk, "console-locked");

        var grid = await context.NewPageAsync();
        await grid.GotoAsync("room-grid");
        await grid.WaitForCircuitAsync();
        var icon = grid.GetByTestId($"grid-lock-{room}");
        await Expect(icon).ToHaveAttributeAsync("data-state", "locked");
        await screens.TakeAsync(grid, "grid-locked");
        await grid.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");
        await desk.EvaluateAsync("() => { window.stayfullNotReloaded = true; }");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await SignedSeamWebhook.PostAsync(http, hotelId, webhookSecret, "lock.unlocked", deviceId);

        await Expect(icon).ToHaveAttributeAsync("data-state", "unlocked");
        await screens.TakeAsync(grid, "grid-unlocked-live");
        await Expect(desk.GetByTestId($"lock-{room}")).ToHaveAttributeAsync("data-state", "unlocked");
        await screens.TakeAsync(desk, "console-unlocked-live");

        Assert.True(await grid.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "The room grid was reloaded: the update did not arrive live.");
        Assert.True(await desk.EvaluateAsync<bool>("() => window.stayfullNotReloaded === true"), "The console was reloaded: the update did not arrive live.");
    }

    /// <summary>As a manager would in Settings: the simulated workspace's devices first (demo mode), then the hotel's own Seam keys.</summary>
    private static async Task ImportLocksThenConnectSeamAsync(StayfullServer server, Guid hotelId, string webhookSecret)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>().Context = StaffContext.System(hotelId);
        await scope.ServiceProvider.GetRequiredService<SmartRoomService>().ImportDevicesAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Seam,
            new Dictionary<string, string> { ["ApiKey"] = "seam_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), ["WebhookSecret"] = webhookSecret },
            CancellationToken.None);
    }

    /// <summary>The first room (by number) whose mapped lock is online and locked, and the hub's id of that lock.</summary>
    private static async Task<(string Room, string DeviceId)> LockedRoomAsync(StayfullServer server, Guid hotelId)
    {
        await using var db = server.Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);
        var locks = await db.RoomDevices.AsNoTracking()
            .Where(d => d.Kind == RoomDeviceKind.Lock && d.RoomId != null && d.Online && d.Locked == true)
            .Join(db.Rooms, d => d.RoomId, r => r.Id, (d, r) => new { r.Number, d.SeamDeviceId })
            .ToListAsync();
        var first = locks.OrderBy(l => l.Number, StringComparer.Ordinal).First();
        return (first.Number, first.SeamDeviceId);
    }
}
