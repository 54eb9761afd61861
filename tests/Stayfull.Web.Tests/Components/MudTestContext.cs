using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Auth;
using Stayfull.Web.Components.Common;
using Stayfull.Web.Live;

namespace Stayfull.Web.Tests.Components;

/// <summary>
/// bUnit set up the way the app runs MudBlazor: loose JS interop, Mud services, the live notifier and
/// UI actions, and (with <see cref="UseHotel"/>) a real hotel's domain services and a signed-in member.
/// MudBlazor's services dispose asynchronously only: dispose this with <c>await DisposeAsync()</c>.
/// </summary>
public class MudTestContext : BunitContext
{
    public MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();

        // The notifier also forwards to the SignalR hub; the in-process hub context is enough here.
        Services.AddSignalR();
        Services.AddSingleton<HotelChangeNotifier>();
        Services.AddScoped<UiActions>();
    }

    /// <summary>Where the tests publish "another user's" change, as the domain does in the app.</summary>
    public HotelChangeNotifier Notifier => Services.GetRequiredService<HotelChangeNotifier>();

    /// <summary>Serves <paramref name="hotel"/>'s domain services and signs in one of its staff as <paramref name="role"/>.</summary>
    public MudTestContext UseHotel(TestHotel hotel, StaffRole role)
    {
        hotel.ActAs(role);
        Services.AddSingleton<TimeProvider>(hotel.Time);
        Services.AddScoped(_ => hotel.Get<ReservationService>());
        Services.AddScoped(_ => hotel.Get<BookingService>());
        Services.AddScoped(_ => hotel.Get<FolioService>());
        Services.AddScoped(_ => hotel.Get<PaymentService>());
        Services.AddScoped(_ => hotel.Get<RoomService>());
        Services.AddScoped(_ => hotel.Get<RateService>());
        Services.AddScoped(_ => hotel.Get<AvailabilityService>());
        Services.AddScoped(_ => hotel.Get<KpiService>());
        Services.AddScoped(_ => hotel.Get<HotelSettingsService>());
        Services.AddScoped(_ => hotel.Get<StaffDirectory>());
        Services.AddScoped(_ => hotel.Get<MessagingService>());
        Services.AddScoped(_ => hotel.Get<SmartRoomService>());
        Services.AddScoped(_ => hotel.Get<Stayfull.Domain.SmartRooms.StaffAccess.RemoteDoorService>());
        Services.AddScoped(_ => hotel.Get<SmartRoomAlerts>());
        Services.AddScoped(_ => hotel.Get<RateAlertService>());
        Services.AddScoped(_ => hotel.Get<Stayfull.Domain.Channels.Bookings.ChannelBookingDesk>());
        Services.AddScoped(_ => hotel.Get<Stayfull.Domain.CheckIn.GuestCheckInService>());
        Services.AddSingleton(_ => hotel.Get<Stayfull.Domain.CheckIn.GuestActor>());
        Services.AddSingleton(new Stayfull.Web.GuestCheckIn.CheckInLinks(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), hotel.Time, Microsoft.Extensions.Options.Options.Create(new Stayfull.Web.GuestCheckIn.CheckInLinkOptions())));

        var staff = hotel.Staff.Current!;
        var authorization = this.AddAuthorization();
        authorization.SetAuthorized(staff.UserName);
        authorization.SetRoles(role.ToString());

        // Roles first: the role claim comes from SetRoles, the hotel and user id from these.
        authorization.SetClaims([.. StaffClaims.For(hotel.HotelId, hotel.Hotel.Name, role).Where(c => c.Type != ClaimTypes.Role), new Claim(ClaimTypes.NameIdentifier, staff.UserId)]);
        return this;
    }

    /// <summary>Renders <typeparamref name="TComponent"/> after the providers the layout has, so dialogs, popovers and snackbars show in its markup.</summary>
    public IRenderedComponent<ContainerFragment> RenderWithProviders<TComponent>(IReadOnlyDictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(3);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                builder.AddComponentParameter(4, name, value);
            }

            builder.CloseComponent();
        });
}
