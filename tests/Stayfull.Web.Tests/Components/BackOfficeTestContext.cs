using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Tests.Components;

/// <summary>
/// One bUnit context per test for the back-office screens: MudBlazor with loose JS interop, a real
/// SQLite hotel behind the real domain services, and a signed-in staff member whose role the test picks.
/// </summary>
public abstract class BackOfficeTestContext : IAsyncLifetime
{
    private BunitAuthorizationContext? _auth;

    /// <summary>MudBlazor, the live notifier and UI actions as the app runs them; the hotel and sign-in are added below.</summary>
    protected MudTestContext Context { get; } = new();

    protected TestHotel Hotel { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Hotel = await TestHotel.CreateAsync();
        var services = Context.Services;
        services.AddSingleton<TimeProvider>(Hotel.Time);
        services.AddSingleton(Hotel.Get<KpiService>());
        services.AddSingleton(Hotel.Get<AvailabilityService>());
        services.AddSingleton(Hotel.Get<RateService>());
        services.AddSingleton(Hotel.Get<HotelSettingsService>());
        services.AddSingleton(Hotel.Get<RoomService>());
        services.AddSingleton(Hotel.Get<StaffDirectory>());
        services.AddSingleton(Hotel.Get<BookingService>());
        services.AddSingleton(Hotel.Get<MessagingService>());
        services.AddSingleton(Hotel.Get<Stayfull.Domain.Inbox.InboxService>());
        services.AddSingleton(Hotel.Get<Stayfull.Domain.SmartRooms.Climate.EnergySavings>());
        services.AddSingleton(Hotel.Get<Stayfull.Domain.SmartRooms.StaffAccess.HousekeepingShiftService>());
        services.AddSingleton(Hotel.Get<PricingService>());
        services.AddSingleton(Hotel.Get<RecommendationQueries>());
        services.AddSingleton(Hotel.Get<RateAlertService>());
        services.AddSingleton(Hotel.Get<PricingSettingsService>());
        // The knowledge base and suggested replies (the built-in generator), registered by the AI integration in the app.
        services.AddSingleton(new KnowledgeBaseService(Hotel.Get<HotelSessions>()));
        services.AddSingleton(new ReplySuggestionService(Hotel.Get<HotelSessions>(), new KnowledgeBaseReplySuggester()));
        // Accounts live in the same database: Identity's EF stores over the platform context, as in the app.
        services.AddScoped(_ => Hotel.Services.GetRequiredService<StayfullDb>().ForPlatform());
        services.AddIdentityCore<StaffUser>(o => o.User.RequireUniqueEmail = true).AddEntityFrameworkStores<StayfullDbContext>();
        services.AddSingleton<ICurrentStaff>(Hotel.Staff);
        services.AddScoped<StaffAccounts>();
        _auth = Context.AddAuthorization();
        SignInAs(StaffRole.Owner);
    }

    /// <summary>The person on screen and the one the domain sees are the same member of the test hotel.</summary>
    protected void SignInAs(StaffRole role)
    {
        Hotel.ActAs(role);
        var name = role + " tester";
        _auth!.SetAuthorized(name);
        _auth.SetRoles(role.ToString());
        _auth.SetClaims([.. StaffClaims.For(Hotel.HotelId, Hotel.Hotel.Name, role), new Claim(ClaimTypes.NameIdentifier, "user-" + role), new Claim(ClaimTypes.Name, name)]);
    }

    /// <summary>Renders a page under the popover and dialog providers its selects and dialogs need.</summary>
    protected IRenderedComponent<IComponent> RenderPage<TPage>()
        where TPage : IComponent =>
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });

    /// <summary>The input element of the MudBlazor text or number field whose label starts so (a field and its inner MudInput share the label).</summary>
    public static AngleSharp.Dom.IElement InputLabelled<TValue>(IRenderedComponent<IComponent> page, string label) =>
        page.FindComponents<MudBaseInput<TValue>>()
            .First(f => f.Instance.Label?.StartsWith(label, StringComparison.Ordinal) == true)
            .Find("input");

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Hotel.DisposeAsync();
    }
}
