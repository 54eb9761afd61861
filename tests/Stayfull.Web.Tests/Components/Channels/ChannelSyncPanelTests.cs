using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Components.Pages.Settings.Channels;

namespace Stayfull.Web.Tests.Components.Channels;

public sealed class ChannelSyncPanelTests : BackOfficeTestContext
{
    [Fact]
    public async Task TheManagerSeesLastPushesPendingChangesErrorsByChannelAndDemoPushes()
    {
        await ArrangeAsync();
        SignInAs(StaffRole.Manager);

        var panel = RenderPage<ChannelSyncPanel>();

        panel.WaitForAssertion(() => Assert.Contains("Sent", panel.Find("[data-testid=sync-last-push-availability]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Failed", panel.Find("[data-testid=sync-last-push-restrictions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 change waiting", panel.Find("[data-testid=sync-pending]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, panel.FindAll("[data-testid=sync-error-row]").Count);
        Assert.Contains("BookingCom", panel.Find("[data-testid=channel-sync-panel]").TextContent, StringComparison.Ordinal);
        var pushes = panel.FindAll("[data-testid=sync-push-row]");
        Assert.Equal(2, pushes.Count);
        Assert.Single(pushes, r => r.TextContent.Contains("Demo", StringComparison.Ordinal));
        Assert.Equal(2, panel.FindAll("[data-testid=sync-dismiss-error]").Count);
        Assert.Single(panel.FindAll("[data-testid=sync-full-now]"));
    }

    [Fact]
    public async Task ANewSyncErrorAppearsLiveWhenTheChannelsChange()
    {
        await ArrangeAsync();
        var panel = RenderPage<ChannelSyncPanel>();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=sync-error-row]").Count));

        await using (var db = Hotel.Db())
        {
            db.AriSyncErrors.Add(new AriSyncError(Hotel.HotelId, AriSyncErrorSource.ChannelReport, Hotel.Time.GetUtcNow(), "Expedia", "rate_plan_id: rp-9", "Rate below the minimum"));
            await db.SaveChangesAsync();
        }

        await Context.Notifier.PublishAsync(new HotelChange(Hotel.HotelId, ChangeTopic.Channels, null, "Sync error on Expedia", ChangeKind.Created));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=sync-error-row]").Count));
        Assert.Contains("Rate below the minimum", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagerDismissesAnErrorAndQueuesAFullSync()
    {
        await ArrangeAsync();
        SignInAs(StaffRole.Manager);
        var panel = RenderPage<ChannelSyncPanel>();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=sync-dismiss-error]").Count));

        panel.FindAll("[data-testid=sync-dismiss-error]")[0].Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=sync-error-row]")));

        panel.Find("[data-testid=sync-full-now]").Click();
        panel.WaitForAssertion(() => Assert.Contains("3 changes waiting", panel.Find("[data-testid=sync-pending]").TextContent, StringComparison.Ordinal));

        await using var db = Hotel.Db();
        Assert.Equal(1, await db.AriSyncErrors.CountAsync(e => e.DismissedAt != null));
        Assert.Equal(2, await db.AriPendingChanges.CountAsync(c => c.IsFullSync));
    }

    [Fact]
    public async Task FrontDeskSeesTheStateButCannotDismissOrSync()
    {
        await ArrangeAsync();
        SignInAs(StaffRole.FrontDesk);

        var panel = RenderPage<ChannelSyncPanel>();

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=sync-error-row]").Count));
        Assert.Empty(panel.FindAll("[data-testid=sync-dismiss-error]"));
        Assert.Empty(panel.FindAll("[data-testid=sync-full-now]"));
    }

    /// <summary>A mapped hotel with a demo availability push, a failed restrictions push, a change waiting and two open errors.</summary>
    private async Task ArrangeAsync()
    {
        Context.Services.AddSingleton(Hotel.Get<AriSyncService>());
        var now = Hotel.Time.GetUtcNow();
        await using var db = Hotel.Db();
        db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(Hotel.HotelId, Hotel.RoomTypes[0].Id, "crt-1", "Double"));
        var sent = new AriCall(Hotel.HotelId, AriKind.Availability, now.AddMinutes(-2), 3, Hotel.Today, Hotel.Today.AddDays(4), isFullSync: false);
        sent.Completed(new AriPushResult(["task-1"], [], IsDemo: true));
        var failed = new AriCall(Hotel.HotelId, AriKind.Restrictions, now.AddMinutes(-1), 5, Hotel.Today, Hotel.Today.AddDays(9), isFullSync: false);
        failed.Failed("Too Many Requests");
        db.AriCalls.AddRange(sent, failed);
        db.AriPendingChanges.Add(new AriPendingChange(Hotel.HotelId, AriKind.Restrictions, Hotel.RoomTypes[0].Id, Hotel.Today, Hotel.Today.AddDays(9), now));
        db.AriSyncErrors.Add(new AriSyncError(Hotel.HotelId, AriSyncErrorSource.ChannelReport, now, "BookingCom", "rate_plan_id: rp-1", "Invalid rate"));
        db.AriSyncErrors.Add(new AriSyncError(Hotel.HotelId, AriSyncErrorSource.PushWarning, now, null, "crp-1 2026-12-01", "min_stay: must be at least 1"));
        await db.SaveChangesAsync();
    }
}
