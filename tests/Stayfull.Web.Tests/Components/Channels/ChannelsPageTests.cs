using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Mapping;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Components.Pages.Settings.Channels;
using Stayfull.Web.GuestCheckIn;

namespace Stayfull.Web.Tests.Components.Channels;

/// <summary>The Channels settings page: demo label, connect with a write-only secret, suggestions applied and saved, clashes explained.</summary>
public sealed class ChannelsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private TestHotel _hotel = default!;
    private MudTestContext _ctx = default!;

    private CatalogChannelManager Channel => _hotel.Services.GetRequiredService<CatalogChannelManager>();

    public async Task InitializeAsync()
    {
        _hotel = await TestHotel.CreateAsync(configure: s => s
            .AddLogging()
            .AddSingleton<CatalogChannelManager>()
            .AddSingleton<IChannelManager>(sp => sp.GetRequiredService<CatalogChannelManager>())
            .AddSingleton<ICredentialProtector, MirrorProtector>());
        _ctx = new MudTestContext().UseHotel(_hotel, StaffRole.Manager);
        _ctx.Services.AddScoped(_ => _hotel.Get<ChannelMappingService>());
        _ctx.Services.AddScoped(_ => _hotel.Get<Stayfull.Domain.Channels.Ari.AriSyncService>());
        _ctx.Services.AddSingleton(Options.Create(new CheckInLinkOptions { PublicBaseUrl = "https://pms.example.com" }));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _hotel.DisposeAsync();
    }

    [Fact]
    public void ANewHotelSeesTheDemoPropertyAndItsCatalogToMap()
    {
        var page = _ctx.RenderWithProviders<ChannelsPage>();

        page.WaitForElement("[data-testid=channels-page] [data-testid=channel-demo-label]", Wait);
        var select = page.Find("[data-testid=map-room-type-T1]");
        Assert.Equal(["", "ch-rt-1", "ch-rt-2"], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Type 1 Room", page.Find("[data-testid=suggest-room-type-T1]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyingSuggestionsAndSavingMapsEachRoomTypeAndItsDefaultPlan()
    {
        var page = _ctx.RenderWithProviders<ChannelsPage>();
        page.WaitForElement("[data-testid=apply-channel-suggestions]", Wait);

        page.Find("[data-testid=apply-channel-suggestions]").Click();
        page.WaitForAssertion(() => Assert.Equal("ch-rp-1", page.Find("[data-testid=map-rate-plan-T1-BAR]").GetAttribute("value")), Wait);
        page.Find("[data-testid=save-channel-mapping]").Click();

        await WaitForAsync(async () =>
        {
            await using var db = _hotel.Db();
            return await db.ChannelRatePlanMappings.CountAsync() == 2;
        });
        await using var check = _hotel.Db();
        Assert.Equal(["ch-rt-1", "ch-rt-2"], await check.ChannelRoomTypeMappings.OrderBy(m => m.ChannelRoomTypeId).Select(m => m.ChannelRoomTypeId).ToListAsync());
        Assert.Equal(_hotel.RatePlans[0].Id, (await check.ChannelRatePlanMappings.FirstAsync()).RatePlanId);
    }

    [Fact]
    public void TwoRoomTypesOnOneChannelRoomTypeIsRefusedWithAMessage()
    {
        var page = _ctx.RenderWithProviders<ChannelsPage>();
        page.WaitForElement("[data-testid=map-room-type-T1]", Wait);

        page.Find("[data-testid=map-room-type-T1]").Change("ch-rt-1");
        page.Find("[data-testid=map-room-type-T2]").Change("ch-rt-1");
        page.Find("[data-testid=save-channel-mapping]").Click();

        page.WaitForAssertion(() => Assert.Contains("already mapped to Type 1", page.Find("[data-testid=channel-mapping-errors]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task ConnectingSavesTheKeysRegistersTheWebhookAndNeverShowsTheSecret()
    {
        var page = _ctx.RenderWithProviders<ChannelsPage>();
        page.WaitForElement("[data-testid=channel-connect]", Wait);

        page.Find("input[data-testid=channel-api-key]").Input("live-key-98765");
        page.Find("input[data-testid=channel-property-id]").Input("prop-42");
        page.Find("input[data-testid=channel-webhook-secret]").Input("s3cret-header-value");
        page.Find("[data-testid=channel-connect]").Click();

        page.WaitForElement("[data-testid=channel-connected]", Wait);
        Assert.Empty(page.FindAll("[data-testid=channel-demo-label]"));
        var (callback, secret) = Assert.Single(Channel.Webhooks);
        Assert.Equal(new Uri($"https://pms.example.com/webhooks/channex/{_hotel.HotelId}"), callback);
        Assert.Equal("s3cret-header-value", secret);
        Assert.DoesNotContain("s3cret-header-value", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("live-key-98765", page.Markup, StringComparison.Ordinal);
        var stored = await _hotel.Get<ConnectionCredentialsStore>().GetAsync(_hotel.HotelId, IntegrationVendor.Channex, CancellationToken.None);
        Assert.Equal("prop-42", stored!["PropertyId"]);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
