using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Stayfull.Domain.Integrations;
using Stayfull.Tests.Support;
using Stayfull.Web.Auth;
using Stayfull.Web.Components.Common;
using Stayfull.Web.Components.Pages.Settings;
using Stayfull.Web.Integrations;
using Stayfull.Web.Live;

namespace Stayfull.Web.Tests.Integrations;

public sealed class IntegrationsPageTests : IAsyncLifetime
{
    private readonly BunitContext _ui = new();
    private readonly DataProtectionCredentialProtector _protector = new(new EphemeralDataProtectionProvider());
    private TestHotel _hotel = default!;

    public async Task InitializeAsync()
    {
        _hotel = await TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1, configure: services => services
            .AddLogging()
            .AddSingleton<ICredentialProtector>(_protector)
            .AddSingleton<IConnectionTester, EchoingConnectionTester>());
        _hotel.ActAs(Domain.Tenancy.StaffRole.Manager);

        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddSignalR();
        _ui.Services.AddSingleton<HotelChangeNotifier>();
        _ui.Services.AddScoped<UiActions>();
        _ui.Services.AddScoped(_ => _hotel.Get<IntegrationSettingsService>());
        var auth = _ui.AddAuthorization();
        auth.SetAuthorized("manager");
        auth.SetClaims(new Claim(StaffClaims.HotelId, _hotel.HotelId.ToString()));
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _hotel.DisposeAsync();
    }

    [Fact]
    public void EveryVendorHasACardInDemoModeUntilConnected()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(Enum.GetValues<IntegrationVendor>().Length, page.FindAll("[data-testid^=vendor-]").Count));
        foreach (var vendor in Enum.GetValues<IntegrationVendor>())
        {
            var card = page.Find($"[data-testid=vendor-{vendor}]");
            Assert.Contains("Demo mode", card.QuerySelector("[data-testid=state]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Connect", card.QuerySelector("button[data-testid=connect]")!.TextContent.Trim());
        }

        Assert.NotNull(page.Find("[data-testid=cost-summary]"));
    }

    [Fact]
    public async Task TheConnectDialogStoresProtectedKeysAndNeverShowsTheSecretAgain()
    {
        var secret = "sk_test_" + Guid.NewGuid().ToString("N");
        var webhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
        var page = RenderPage();
        page.WaitForElement("[data-testid=vendor-Stripe]");

        page.Find("[data-testid=vendor-Stripe] button[data-testid=connect]").Click();
        var secretInput = page.WaitForElement("input[name=SecretKey]");
        Assert.Equal("password", secretInput.GetAttribute("type"));
        Assert.Equal("password", page.Find("input[name=WebhookSecret]").GetAttribute("type"));
        secretInput.Input(secret);
        page.Find("input[name=WebhookSecret]").Input(webhookSecret);
        page.Find("button[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Live", page.Find("[data-testid=vendor-Stripe] [data-testid=state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("input[name=SecretKey]"));
        Assert.Equal("…" + secret[^4..], page.Find("[data-testid=vendor-Stripe] [data-testid=hint]").TextContent);
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(webhookSecret, page.Markup, StringComparison.Ordinal);

        await using (var db = _hotel.Db())
        {
            var connection = await db.IntegrationConnections.SingleAsync();
            Assert.True(connection.IsLive);
            Assert.DoesNotContain(secret, connection.ProtectedCredentials!, StringComparison.Ordinal);
            Assert.Contains(secret, _protector.Unprotect(connection.ProtectedCredentials!), StringComparison.Ordinal);
        }

        // Replacing keys starts from empty fields: the stored ones are never sent back to the browser.
        page.Find("[data-testid=vendor-Stripe] button[data-testid=connect]").Click();
        var again = page.WaitForElement("input[name=SecretKey]");
        Assert.True(string.IsNullOrEmpty(again.GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(page.Find("input[name=WebhookSecret]").GetAttribute("value")));
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(webhookSecret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TestConnectionShowsTheResult()
    {
        var page = RenderPage();
        page.WaitForElement("[data-testid=vendor-Stripe]");

        page.Find("[data-testid=vendor-Stripe] button[data-testid=test]").Click();

        page.WaitForAssertion(() => Assert.Contains("Demo mode answers.", page.Find("[data-testid=vendor-Stripe] [data-testid=test-result]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryPutsAParkedItemBackInTheQueue()
    {
        var parked = new OutboxMessage(_hotel.HotelId, IntegrationVendor.Twilio, "SendSms", "{}", "sms-" + Guid.NewGuid().ToString("N"), _hotel.Time.GetUtcNow());
        parked.FailPermanently("21211: invalid 'To' phone number");
        await using (var db = _hotel.Db())
        {
            db.OutboxMessages.Add(parked);
            await db.SaveChangesAsync();
        }

        var page = RenderPage();
        var retry = page.WaitForElement($"button[data-testid=retry-{parked.Id}]");
        Assert.Contains("invalid 'To' phone number", page.Find("[data-testid=failed-work]").TextContent, StringComparison.Ordinal);

        retry.Click();

        page.WaitForElement("[data-testid=no-failed-work]");
        await using (var db = _hotel.Db())
        {
            var requeued = await db.OutboxMessages.SingleAsync();
            Assert.Equal(WorkStatus.Pending, requeued.Status);
            Assert.Equal(0, requeued.Attempts);
        }
    }

    private IRenderedComponent<ContainerFragment> RenderPage() => _ui.Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudDialogProvider>(1);
        b.CloseComponent();
        b.OpenComponent<MudSnackbarProvider>(2);
        b.CloseComponent();
        b.OpenComponent<IntegrationsPage>(3);
        b.CloseComponent();
    });
}
