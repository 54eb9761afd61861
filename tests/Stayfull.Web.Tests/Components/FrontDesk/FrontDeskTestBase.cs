using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Web.Tests.Components.FrontDesk;

/// <summary>A fresh hotel and a bUnit context signed in to it, per test.</summary>
public abstract class FrontDeskTestBase : IAsyncLifetime
{
    protected TestHotel Hotel { get; private set; } = default!;

    protected MudTestContext Ctx { get; private set; } = default!;

    protected virtual StaffRole Role => StaffRole.FrontDesk;

    protected virtual int RoomTypes => 2;

    protected virtual int RoomsPerType => 3;

    public async Task InitializeAsync()
    {
        Hotel = await TestHotel.CreateAsync(RoomTypes, RoomsPerType, configure: s => s
            .AddSingleton<IPaymentGateway, LinkOnlyGateway>()
            .AddSingleton<FakeSmartRoomHub>()
            .AddSingleton<ISmartRoomHub>(sp => sp.GetRequiredService<FakeSmartRoomHub>()));
        Ctx = new MudTestContext().UseHotel(Hotel, Role);
    }

    public async Task DisposeAsync()
    {
        await Ctx.DisposeAsync();
        await Hotel.DisposeAsync();
    }

    /// <summary>Books a stay as the signed-in role would, straight through the domain.</summary>
    protected Task<Reservation> BookAsync(string guest, int fromToday = 0, int nights = 2, int roomIndex = -1, int typeIndex = 0) =>
        Hotel.Get<BookingService>().BookAsync(
            new BookingRequest
            {
                RoomTypeId = Hotel.RoomTypes[typeIndex].Id,
                Arrival = Hotel.Today.AddDays(fromToday),
                Departure = Hotel.Today.AddDays(fromToday + nights),
                GuestName = guest,
                RoomId = roomIndex < 0 ? null : Hotel.Rooms[roomIndex].Id,
            },
            CancellationToken.None);

    protected Task<ReservationDetails> ReloadAsync(Guid reservationId) =>
        Hotel.Get<ReservationService>().GetAsync(reservationId, CancellationToken.None);
}
