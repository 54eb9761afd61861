using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Stayfull.Domain.Hotels;
using Stayfull.Web.Auth;
using Stayfull.Web.Components.Common;
using Stayfull.Web.Components.Pages.Account;

namespace Stayfull.Web.Tests.Components.Account;

public sealed class SignUpPageTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private IdentityTestServices _identity = default!;
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        _identity = await IdentityTestServices.CreateAsync();
        _scope = _identity.Services.CreateAsyncScope();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<UiActions>();
        _context.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<SignUpService>());
    }

    [Fact]
    public async Task FinishingTheWizardCreatesTheHotelAndSendsTheOwnerToSignIn()
    {
        var page = Render();
        FillOwner(page, "Harbour!2345");
        page.Find("[data-testid=signup-next]").Click();
        BackOfficeTestContext.InputLabelled<string>(page, "Hotel name").Change("Casa Azul");
        page.Find("[data-testid=signup-next]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=signup-room-type]"));
        page.Find("[data-testid=signup-next]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=signup-finish]"));
        page.Find("[data-testid=signup-finish]").Click();

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/account/login?welcome=true&email=ada%40example.com", navigation.Uri, StringComparison.Ordinal));
        var owner = await _scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("ada@example.com");
        var hotel = Assert.Single(await _scope.ServiceProvider.GetRequiredService<StaffDirectory>().HotelsOfAsync(owner!.Id, CancellationToken.None));
        await using var db = _identity.ForHotel(hotel.HotelId);
        Assert.Equal("Casa Azul", hotel.HotelName);
        Assert.Equal(10, await db.Rooms.CountAsync());
        Assert.Equal(10000, (await db.RoomTypes.SingleAsync()).BaseRateMinor);
    }

    [Fact]
    public async Task AWeakPasswordIsExplainedOnTheFirstStepAndNoAccountIsMade()
    {
        var page = Render();
        FillOwner(page, "weakweak");
        page.Find("[data-testid=signup-next]").Click();
        BackOfficeTestContext.InputLabelled<string>(page, "Hotel name").Change("Casa Azul");
        page.Find("[data-testid=signup-next]").Click();
        page.Find("[data-testid=signup-next]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=signup-finish]"));
        page.Find("[data-testid=signup-finish]").Click();

        page.WaitForAssertion(() => Assert.Contains("at least one digit", page.Find("[data-testid=signup-errors]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=signup-repeat-password]"));
        Assert.Null(await _scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("ada@example.com"));
    }

    private IRenderedComponent<IComponent> Render() =>
        _context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SignUp>(1);
            builder.CloseComponent();
        });

    private static void FillOwner(IRenderedComponent<IComponent> page, string password)
    {
        BackOfficeTestContext.InputLabelled<string>(page, "Your name").Change("Ada Lovelace");
        BackOfficeTestContext.InputLabelled<string>(page, "Email").Change("ada@example.com");
        BackOfficeTestContext.InputLabelled<string>(page, "Password").Change(password);
        BackOfficeTestContext.InputLabelled<string>(page, "Repeat password").Change(password);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _scope.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
