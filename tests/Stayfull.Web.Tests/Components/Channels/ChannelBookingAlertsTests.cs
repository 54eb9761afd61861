using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.Channels.Mapping;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Components.Pages.FrontDesk;

namespace Stayfull.Web.Tests.Components.Channels;

/// <summary>The console card for OTA bookings that need the desk: live arrival, resolving an overbooking, placing an unmapped booking.</summary>
public sealed class ChannelBookingAlertsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private TestHotel _hotel = default!;
    private MudTestContext _ctx = default!;

    public async Task InitializeAsync()
    {
        _hotel = await TestHotel.CreateAsync(roomsPerType: 1, configure: s => s
            .AddLogging()
            .AddSingleton<CatalogChannelManager>()
            .AddSingleton<IChannelManager>(sp => sp.GetRequiredService<CatalogChannelManager>())
            .AddSingleton<ICredentialProtector, MirrorProtector>());
        await _hotel.Get<ChannelMappingService>().SaveAsync(new ChannelMappingPlan([new(_hotel.RoomTypes[0].Id, "ch-rt-1", [])]), CancellationToken.None);
        _ctx = new MudTestContext().UseHotel(_hotel, StaffRole.FrontDesk);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _hotel.DisposeAsync();
    }

    [Fact]
    public async Task AnOverbookedOtaBookingArrivesLiveAndTheDeskResolvesIt()
    {
        var card = _ctx.RenderWithProviders<ChannelBookingAlerts>();
        card.WaitForElement("[data-testid=channel-booking-alerts]", Wait);
        Assert.Empty(card.FindAll("[data-testid=channel-alert-row]"));
        await _hotel.Get<BookingService>().BookAsync(new BookingRequest { RoomTypeId = _hotel.RoomTypes[0].Id, Arrival = _hotel.Today.AddDays(3), Departure = _hotel.Today.AddDays(4), GuestName = "Desk Guest" }, CancellationToken.None);
        var before = _hotel.Published.Changes.Count;

        await ImportAsync(Revision("rev-1", "BDC-1", "ch-rt-1"));
        foreach (var change in _hotel.Published.Changes.Skip(before))
        {
            await _ctx.Notifier.PublishAsync(change);
        }

        card.WaitForAssertion(() => Assert.Contains("Overbooked", card.Find("[data-testid=channel-alert-row]").TextContent, StringComparison.Ordinal), Wait);
        card.Find("[data-testid=resolve-overbooking]").Click();

        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=channel-alert-row]")), Wait);
        await using var db = _hotel.Db();
        Assert.Equal(ChannelBookingAttention.None, (await db.ChannelBookings.SingleAsync()).Attention);
    }

    [Fact]
    public async Task AnUnmappedOtaBookingIsPlacedInTheRoomTypeTheDeskPicks()
    {
        await ImportAsync(Revision("rev-1", "EXP-7", "ch-rt-9"));
        var card = _ctx.RenderWithProviders<ChannelBookingAlerts>();
        card.WaitForElement("[data-testid=channel-alert-row]", Wait);

        card.Find("[data-testid=unmapped-room-type-EXP-7]").Change(_hotel.RoomTypes[1].Id.ToString());
        card.Find("[data-testid=map-unmapped-booking]").Click();

        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=channel-alert-row]")), Wait);
        await using var db = _hotel.Db();
        var reservation = await db.Reservations.SingleAsync();
        Assert.Equal(_hotel.RoomTypes[1].Id, reservation.RoomTypeId);
        Assert.Equal(ReservationSource.Ota, reservation.Source);
    }

    private async Task ImportAsync(BookingRevision revision)
    {
        var staff = _hotel.Staff.Current;
        _hotel.ActAs(StaffRole.Owner);
        await _hotel.Get<ChannelBookingService>().ApplyAsync(revision, CancellationToken.None);
        _hotel.Staff.Current = staff;
    }

    private BookingRevision Revision(string id, string uniqueId, string roomTypeId) => new()
    {
        Id = id,
        BookingId = "bk-" + uniqueId,
        PropertyId = "prop",
        UniqueId = uniqueId,
        OtaName = "Booking.com",
        Status = RevisionStatus.New,
        ArrivalDate = _hotel.Today.AddDays(3),
        DepartureDate = _hotel.Today.AddDays(4),
        Currency = "EUR",
        Amount = 90m,
        InsertedAt = _hotel.Time.GetUtcNow(),
        Customer = new RevisionCustomer("Ana", "Silva", null, null, "PT", "pt"),
        Rooms = [new RevisionRoom(_hotel.Today.AddDays(3), _hotel.Today.AddDays(4), roomTypeId, null, 2, 0, 90m, new Dictionary<DateOnly, decimal> { [_hotel.Today.AddDays(3)] = 90m })],
    };
}
