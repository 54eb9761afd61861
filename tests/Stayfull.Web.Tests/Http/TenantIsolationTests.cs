using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>
/// Staff of hotel A try hotel B's ids on every route that takes one. Routes come from the app's
/// endpoint data source, so a new page or endpoint with an id is covered the day it is mapped.
/// </summary>
public sealed class TenantIsolationTests
{
    /// <summary>
    /// The one table that says what an id in a route names, keyed by the route's shape up to and
    /// including that parameter. A route with an id this table cannot place fails the matrix.
    /// </summary>
    private static readonly Dictionary<string, IdKind> IdRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/reservations/{id}"] = IdKind.Reservation,
        ["/api/rooms/{id}"] = IdKind.Room,
        ["/api/room-types/{id}"] = IdKind.RoomType,
        ["/api/rate-plans/{id}"] = IdKind.RatePlan,
        ["/api/guests/{id}"] = IdKind.Guest,
        ["/reservations/{id}"] = IdKind.Reservation,
        ["/guests/{id}"] = IdKind.Guest,
        ["/settings/rooms/{id}"] = IdKind.Room,
        ["/settings/room-types/{id}"] = IdKind.RoomType,
        ["/settings/rate-plans/{id}"] = IdKind.RatePlan,
        ["/settings/users/{id}"] = IdKind.Membership,
    };

    private enum IdKind
    {
        Reservation,
        Room,
        RoomType,
        RatePlan,
        Guest,
        FolioEntry,
        Membership,
    }

    [Fact]
    public async Task EveryRouteWithAnIdAnswersNotFoundForAnotherHotelsIdAndChangesNothing()
    {
        await using var app = new StayfullApplication();
        var (a, b) = await TwoHotelsAsync(app);
        var before = await app.SnapshotAsync(b.Tenant.HotelId);
        var clients = new Dictionary<StaffRole, StaffClient>
        {
            [StaffRole.Owner] = await app.SignInAsync(a.Tenant, StaffRole.Owner),
            [StaffRole.Manager] = await app.SignInAsync(a.Tenant, StaffRole.Manager),
            [StaffRole.FrontDesk] = await app.SignInAsync(a.Tenant, StaffRole.FrontDesk),
        };

        var routes = RouteCatalog.All(app.Services)
            .Where(r => !RouteCatalog.IsFramework(r) && !RouteCatalog.IsOpenByDesign(r) && r.Parameters.Any(AppRoute.IsIdParameter))
            // Pages answer GET; their POST is a form post of a handler, tried by the page's own tests.
            .Where(r => r.Kind != RouteKind.Page || r.Method == HttpMethods.Get)
            .ToList();
        Assert.Contains(routes, r => r.Template == "/api/reservations/{id:guid}/check-in");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            string url;
            try
            {
                url = route.Fill(p => AppRoute.IsIdParameter(p) ? b.Ids[KindOf(route, p)].ToString() : AppRoute.PlausibleValue(p));
            }
            catch (KeyNotFoundException ex)
            {
                failures.Add(ex.Message);
                continue;
            }

            foreach (var (role, client) in clients)
            {
                using var response = await SendAsync(client, route.Method, url, b);
                var refused = response.StatusCode == HttpStatusCode.NotFound
                    || (role != StaffRole.Owner && (response.StatusCode == HttpStatusCode.Forbidden || HttpAssert.IsRedirectTo(response, "/account/denied")));
                if (!refused)
                {
                    failures.Add($"{route.Method} {url} as {role} of hotel A answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, $"Hotel B's ids were not refused on {failures.Count} calls:\n" + string.Join('\n', failures));
        Assert.Equal(before, await app.SnapshotAsync(b.Tenant.HotelId));
    }

    [Fact]
    public async Task AnotherHotelsIdsInARequestBodyAreNotFoundAndChangeNothing()
    {
        await using var app = new StayfullApplication();
        var (a, b) = await TwoHotelsAsync(app);
        var before = await app.SnapshotAsync(b.Tenant.HotelId);
        using var owner = await app.SignInAsync(a.Tenant, StaffRole.Owner);
        var today = app.TodayOf(a.Tenant);
        var bRoom = b.Ids[IdKind.Room];
        var aReservation = a.Ids[IdKind.Reservation];

        object Booking(Guid roomTypeId, Guid? ratePlanId = null, Guid? roomId = null) => new
        {
            roomTypeId,
            ratePlanId,
            roomId,
            arrival = today.AddDays(3),
            departure = today.AddDays(4),
            guestName = "Body Probe",
        };

        var calls = new (string Method, string Url, object Body)[]
        {
            ("POST", "/api/reservations", Booking(b.Ids[IdKind.RoomType])),
            ("POST", "/api/reservations", Booking(a.Tenant.RoomTypes[0].Id, ratePlanId: b.Ids[IdKind.RatePlan])),
            ("POST", "/api/reservations", Booking(a.Tenant.RoomTypes[0].Id, roomId: bRoom)),
            ("POST", $"/api/reservations/{aReservation}/assign-room", new { roomId = bRoom }),
            ("POST", $"/api/reservations/{aReservation}/move", new { roomId = bRoom, reason = "probe" }),
            ("PUT", "/api/rates", new { roomTypeIds = new[] { b.Ids[IdKind.RoomType] }, from = today, to = today.AddDays(3), rateMinor = 1, stopSell = true }),
        };

        foreach (var (method, url, body) in calls)
        {
            using var response = await owner.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(before, await app.SnapshotAsync(b.Tenant.HotelId));
    }

    [Fact]
    public async Task ListsAndSearchesShowOnlyTheSignedInHotelsData()
    {
        await using var app = new StayfullApplication();
        var (a, b) = await TwoHotelsAsync(app);
        using var owner = await app.SignInAsync(a.Tenant, StaffRole.Owner);
        var today = app.TodayOf(a.Tenant);
        var range = $"from={Day(today)}&to={Day(today.AddDays(7))}";
        var queries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["/api/availability"] = range,
            ["/api/kpis"] = range,
            ["/api/quote"] = $"roomTypeId={a.Tenant.RoomTypes[0].Id}&arrival={Day(today)}&departure={Day(today.AddDays(2))}",
        };
        var routes = RouteCatalog.All(app.Services)
            .Where(r => r.Method == HttpMethods.Get && r.Parameters.Count == 0 && r.Kind is RouteKind.Api or RouteKind.Page)
            .Where(r => !RouteCatalog.IsOpenByDesign(r))
            .ToList();
        Assert.Contains(routes, r => r.Template == "/api/today");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = queries.TryGetValue(route.Template, out var query) ? $"{route.Template}?{query}" : route.Template;
            using var response = await owner.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.BadRequest && route.Kind == RouteKind.Api)
            {
                failures.Add($"GET {url} needs query values: add them to the query table of this test ({body})");
            }
            else if (response.StatusCode != HttpStatusCode.OK && !(route.Kind == RouteKind.Page && response.StatusCode == HttpStatusCode.Found))
            {
                failures.Add($"GET {url} answered {(int)response.StatusCode}");
            }
            else if (b.Markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
            {
                failures.Add($"GET {url} shows hotel B's '{leaked}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The sweep reads real data: A's own arrival today is listed where B's is not.
        var todayList = await (await owner.GetAsync(new Uri("/api/today", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(a.Markers[0], todayList, StringComparison.Ordinal);
    }

    /// <summary>The kind of id a route parameter names, from the table; fails loudly for a route the table does not know.</summary>
    private static IdKind KindOf(AppRoute route, RoutePatternParameterPart parameter)
    {
        var key = RouteCatalog.ShapeUpTo(route, parameter);
        return IdRoutes.TryGetValue(key, out var kind)
            ? kind
            : throw new KeyNotFoundException($"{route.Method} {route.Template}: add a mapping for \"{key}\" to {nameof(TenantIsolationTests)}.{nameof(IdRoutes)}");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, HotelUnderTest target)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            // One body that satisfies every action's request shape, aimed at B's own room so a leak would really act.
            request.Content = JsonContent.Create(new
            {
                roomId = target.Ids[IdKind.Room],
                reason = "isolation probe",
                managerOverride = true,
                description = "Isolation probe",
                amountMinor = 100,
                status = "OutOfOrder",
            });
        }

        return client.SendAsync(request);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Hotel A with an arrival today; hotel B with a reservation arriving today in an assigned clean room
    /// (so check-in, moves, cancellation and folio postings would all succeed for B's own staff) and a paid folio.
    /// </summary>
    private static async Task<(HotelUnderTest A, HotelUnderTest B)> TwoHotelsAsync(StayfullApplication app)
    {
        var a = await app.CreateHotelAsync("Aye Hotel " + Guid.NewGuid().ToString("N")[..6]);
        var b = await app.CreateHotelAsync("Bee Hotel " + Guid.NewGuid().ToString("N")[..6], roomTypes: 1, roomsPerType: 2);
        var today = app.TodayOf(b);
        var aReservation = await app.BookAsync(a, app.TodayOf(a), guest: "Alma Aye");
        var bReservation = await app.BookAsync(b, today, roomId: b.Rooms[0].Id, guest: "Bianca Neighbour");
        var folio = app.As<FolioService>(b);
        var payment = await folio.RecordPaymentAsync(bReservation.Id, "Deposit", 5000, CancellationToken.None);
        await folio.AddChargeAsync(bReservation.Id, "Minibar", 700, CancellationToken.None);

        var bIds = new Dictionary<IdKind, Guid>
        {
            [IdKind.Reservation] = bReservation.Id,
            [IdKind.Room] = b.Rooms[0].Id,
            [IdKind.RoomType] = b.RoomTypes[0].Id,
            [IdKind.RatePlan] = b.RatePlans[0].Id,
            [IdKind.Guest] = bReservation.GuestId,
            [IdKind.FolioEntry] = payment.Id,
            [IdKind.Membership] = await MembershipOfAsync(app, b),
        };
        string[] bMarkers = [bReservation.Id.ToString(), bReservation.ConfirmationCode, "Bianca Neighbour", b.Hotel.Name, b.HotelId.ToString(), .. b.Rooms.Select(r => r.Id.ToString()), .. b.RoomTypes.Select(t => t.Id.ToString())];
        var aIds = new Dictionary<IdKind, Guid> { [IdKind.Reservation] = aReservation.Id };
        return (new HotelUnderTest(a, aIds, [aReservation.ConfirmationCode]), new HotelUnderTest(b, bIds, bMarkers));
    }

    private static async Task<Guid> MembershipOfAsync(StayfullApplication app, TestTenant tenant)
    {
        await using var db = app.Db(tenant.HotelId);
        return await db.Memberships.OrderBy(m => m.Role).Select(m => m.Id).FirstAsync();
    }

    private sealed record HotelUnderTest(TestTenant Tenant, IReadOnlyDictionary<IdKind, Guid> Ids, IReadOnlyList<string> Markers);
}
