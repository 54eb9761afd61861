using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>The JSON API's answers: status codes and problem details, never a 500.</summary>
public sealed class ReservationApiTests
{
    private static readonly Uri Reservations = new("/api/reservations", UriKind.Relative);

    [Fact]
    public async Task BookingTheLastRoomTwiceCreatesOneReservationThenAnswersSoldOut()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync(roomTypes: 1, roomsPerType: 1);
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);
        var arrival = app.TodayOf(hotel).AddDays(5);

        using var first = await desk.PostAsJsonAsync(Reservations, Booking(hotel, arrival, "First Guest"));
        using var second = await desk.PostAsJsonAsync(Reservations, Booking(hotel, arrival, "Second Guest"));

        await HttpAssert.StatusAsync(first, HttpStatusCode.Created);
        var created = await first.Content.ReadFromJsonAsync<ReservationLink>();
        Assert.Equal($"/api/reservations/{created!.Id}", first.Headers.Location?.OriginalString);
        var problem = await HttpAssert.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("Sold out.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Sold out", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task MalformedJsonIsABadRequestWithProblemDetails(string environment)
    {
        await using var app = new StayfullApplication(environment: environment);
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var response = await desk.PostAsync(Reservations, new StringContent("{\"roomTypeId\": \"not-a-guid\", \"guestName\": ", Encoding.UTF8, "application/json"));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DepartureBeforeArrivalIsAValidationProblemNamingTheField()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);
        var arrival = app.TodayOf(hotel).AddDays(3);

        using var response = await desk.PostAsJsonAsync(Reservations, Booking(hotel, arrival, "Grace Guest") with { Departure = arrival.AddDays(-1) });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("departure").EnumerateArray());
    }

    [Fact]
    public async Task AnEmptyGuestNameIsAValidationProblemNamingTheField()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var response = await desk.PostAsJsonAsync(Reservations, Booking(hotel, app.TodayOf(hotel).AddDays(3), " "));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("guestName").EnumerateArray());
        await using var db = app.Db(hotel.HotelId);
        Assert.False(await db.Reservations.AnyAsync());
    }

    [Fact]
    public async Task CheckingInToADirtyRoomIsUnprocessableAndLeavesTheReservationConfirmed()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        var room = hotel.Rooms[0];
        var reservation = await app.BookAsync(hotel, app.TodayOf(hotel), roomId: room.Id);
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var dirty = await desk.PutAsJsonAsync(new Uri($"/api/rooms/{room.Id}/housekeeping", UriKind.Relative), new { status = "Dirty" });
        using var checkIn = await desk.PostAsync(new Uri($"/api/reservations/{reservation.Id}/check-in", UriKind.Relative), null);

        await HttpAssert.StatusAsync(dirty, HttpStatusCode.NoContent);
        var problem = await HttpAssert.ProblemAsync(checkIn, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("clean or inspected", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = app.Db(hotel.HotelId);
        Assert.Equal(ReservationStatus.Confirmed, (await db.Reservations.SingleAsync(r => r.Id == reservation.Id)).Status);
    }

    [Fact]
    public async Task FrontDeskIsForbiddenTheManagerEndpointsAManagerMayUse()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        var today = app.TodayOf(hotel);
        var reservation = await app.BookAsync(hotel, today.AddDays(1));
        await app.As<FolioService>(hotel).RecordPaymentAsync(reservation.Id, "Deposit", 5000, CancellationToken.None);
        var rates = new Uri("/api/rates", UriKind.Relative);
        var refunds = new Uri($"/api/reservations/{reservation.Id}/folio/refunds", UriKind.Relative);
        var rateChange = new { roomTypeIds = new[] { hotel.RoomTypes[0].Id }, from = today, to = today.AddDays(6), rateMinor = 12345 };
        var refund = new { description = "Goodwill", amountMinor = 1000 };
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);
        using var manager = await app.SignInAsync(hotel, StaffRole.Manager);

        using var deskRates = await desk.PutAsJsonAsync(rates, rateChange);
        using var deskRefund = await desk.PostAsJsonAsync(refunds, refund);
        await using (var db = app.Db(hotel.HotelId))
        {
            Assert.False(await db.RoomTypeDays.AnyAsync(d => d.RateMinor == 12345));
            Assert.False(await db.FolioEntries.AnyAsync(e => e.Kind == FolioEntryKind.Refund));
        }

        using var managerRates = await manager.PutAsJsonAsync(rates, rateChange);
        using var managerRefund = await manager.PostAsJsonAsync(refunds, refund);

        await HttpAssert.StatusAsync(deskRates, HttpStatusCode.Forbidden);
        await HttpAssert.StatusAsync(deskRefund, HttpStatusCode.Forbidden);
        await HttpAssert.StatusAsync(managerRates, HttpStatusCode.OK);
        await HttpAssert.StatusAsync(managerRefund, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnOversizedBodyIsRefusedWithPayloadTooLargeAndNothingIsBooked(bool declaresLength)
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);
        var huge = Booking(hotel, app.TodayOf(hotel).AddDays(2), "Grace Guest") with { OverrideReason = new string('x', 200_000) };
        var json = JsonSerializer.SerializeToUtf8Bytes(huge, JsonSerializerOptions.Web);
        // With a length the limit applies before reading; without one (chunked), while reading.
        HttpContent content = declaresLength ? new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new("application/json");

        using var response = await desk.PostAsync(Reservations, content);

        Assert.Equal(declaresLength, content.Headers.ContentLength is not null);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await using var db = app.Db(hotel.HotelId);
        Assert.False(await db.Reservations.AnyAsync());
    }

    [Fact]
    public async Task ABodyWithinTheLimitIsStillAccepted()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);
        var large = Booking(hotel, app.TodayOf(hotel).AddDays(2), "Grace Guest") with { OverrideReason = new string('x', 30_000) };

        using var response = await desk.PostAsJsonAsync(Reservations, large);

        await HttpAssert.StatusAsync(response, HttpStatusCode.Created);
    }

    internal static BookingRequest Booking(TestTenant hotel, DateOnly arrival, string guest) => new()
    {
        RoomTypeId = hotel.RoomTypes[0].Id,
        Arrival = arrival,
        Departure = arrival.AddDays(2),
        GuestName = guest,
    };

    private sealed record ReservationLink(Guid Id, string ConfirmationCode);

    /// <summary>A body whose length the client cannot tell up front, as a streamed upload.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
