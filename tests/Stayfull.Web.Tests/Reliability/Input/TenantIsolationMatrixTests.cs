using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Live;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Live;
using Stayfull.Web.Tests.Http.Harness;
using Xunit.Abstractions;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>
/// Every route, hub method and webhook, tried by each role of hotel A against hotel B: B's ids in paths, query
/// strings and bodies; B's webhooks signed with A's secrets; A's live connection asking for B's changes. No answer
/// may show anything of B (its markers), B's rows stay exactly as they were, and none of A's rows points at B.
/// Extends <see cref="Http.TenantIsolationTests"/> (owner/manager/front desk on id routes) to every role and route kind.
/// </summary>
public sealed class TenantIsolationMatrixTests(TenantMatrixFixture hotels, ITestOutputHelper output) : IClassFixture<TenantMatrixFixture>
{
    /// <summary>How each kind of route is tried; a route none of these rules places fails the matrix.</summary>
    private enum Probe
    {
        /// <summary>A route with an id in its path: tried with B's id (and B's ids in the body).</summary>
        IdRoute,

        /// <summary>A page or API read without ids: tried with B's ids in its query.</summary>
        Read,

        /// <summary>An API command without an id in its path: tried with B's ids in its body.</summary>
        Command,

        /// <summary>A page's form post: tried with A's antiforgery token and B's ids in every field.</summary>
        PageForm,

        /// <summary>The account forms: switching to B, signing in and out.</summary>
        Account,

        /// <summary>Open by design (sign-in, sign-up, guest links, health): tried as A's staff with B's ids.</summary>
        Open,

        /// <summary>Vendor webhooks: <see cref="BsWebhooksSignedWithAsSecretsAreRefusedAndStoreNothing"/>.</summary>
        Webhook,

        /// <summary>The live hub: <see cref="TheLiveHubNeverJoinsOrTellsAnotherHotel"/>.</summary>
        Hub,

        /// <summary>Blazor's circuit transport: every page it serves carries its own authorization, tried by URL here.</summary>
        Framework,
    }

    /// <summary>What each id in a route names, keyed by the route's shape up to that parameter.</summary>
    private static readonly Dictionary<string, Func<TenantMatrixFixture, Guid>> IdsOfB = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/reservations/{id}"] = f => f.ReservationB,
        ["/api/rooms/{id}"] = f => f.B.Rooms[0].Id,
        ["/reservations/{Id}"] = f => f.ReservationB,
    };

    /// <summary>Query strings of reads that name things; each is tried with B's ids.</summary>
    private static readonly Dictionary<string, Func<TenantMatrixFixture, string>> QueriesWithB = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/availability"] = f => $"from={Day(f.App.TodayOf(f.A))}&to={Day(f.App.TodayOf(f.A).AddDays(7))}",
        ["/api/kpis"] = f => $"from={Day(f.App.TodayOf(f.A))}&to={Day(f.App.TodayOf(f.A).AddDays(7))}",
        ["/api/quote"] = f => $"roomTypeId={f.B.RoomTypes[0].Id}&ratePlanId={f.B.RatePlans[0].Id}&arrival={Day(f.App.TodayOf(f.A).AddDays(2))}&departure={Day(f.App.TodayOf(f.A).AddDays(3))}",
        ["/inbox"] = f => $"conversation={f.ConversationB}",
    };

    /// <summary>Reads that must refuse the query above (it names B's things), rather than just answer without B.</summary>
    private static readonly HashSet<string> ReadsThatMustRefuse = new(StringComparer.OrdinalIgnoreCase) { "/api/quote" };

    private static readonly HashSet<string> AccountRoutes = new(StringComparer.OrdinalIgnoreCase) { "/account/login", "/account/logout", "/account/switch-hotel" };

    [Fact]
    public async Task EveryRouteTriedByEveryRoleOfAnotherHotelShowsAndChangesNothingOfIt()
    {
        var f = hotels;
        using var rows = new StoredRows(f.App.DatabaseFile);
        var before = rows.HotelHashes(f.B.HotelId);

        var routes = RouteCatalog.All(f.App.Services);
        var unplaced = routes.Where(r => Classify(r) is null).Select(r => r.ToString()).ToList();
        var idGaps = routes.Where(r => Classify(r) == Probe.IdRoute).SelectMany(r => r.Parameters.Where(AppRoute.IsIdParameter).Select(p => RouteCatalog.ShapeUpTo(r, p))).Where(shape => !IdsOfB.ContainsKey(shape)).Distinct().ToList();
        Assert.True(unplaced.Count == 0 && idGaps.Count == 0, "Routes the matrix cannot place:\n" + string.Join('\n', unplaced.Concat(idGaps.Select(s => $"{s}: add B's id to {nameof(IdsOfB)}"))));

        var failures = new List<string>();
        var tried = 0;
        foreach (var route in routes)
        {
            var probe = Classify(route)!.Value;
            foreach (var role in TenantMatrixFixture.Roles)
            {
                foreach (var (what, request, mustRefuse) in Requests(f, route, probe, role))
                {
                    tried++;
                    // What the request itself carried may come back (a return URL, an id in an error): only the rest of B is a leak.
                    var sent = request.RequestUri + " " + (request.Content is null ? "" : await request.Content.ReadAsStringAsync());
                    using var response = await f.Staff[role].SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var where = $"{request.Method} {request.RequestUri} ({what}) as {role} of A answered {status}";
                    if (f.LeakIn(body, sent) is { } leaked)
                    {
                        failures.Add($"{where} and shows B's '{leaked}'");
                    }
                    else if (f.LeakIn(response.Headers.Location?.OriginalString, sent) is { } redirected)
                    {
                        failures.Add($"{where} and redirects to B's '{redirected}'");
                    }
                    else if (status >= 500 && !(route.Template == "/health" && status == 503))
                    {
                        failures.Add($"{where}: {Shorten(body)}");
                    }
                    else if (mustRefuse && !IsRefusal(response))
                    {
                        failures.Add($"{where}: B's id was not refused {Shorten(body)}");
                    }

                    request.Dispose();
                }
            }
        }

        output.WriteLine($"{tried} requests over {routes.Count} routes and {TenantMatrixFixture.Roles.Length} roles");
        Assert.True(failures.Count == 0, $"{failures.Count} cross-hotel answers:\n" + string.Join('\n', failures.Take(60)));
        AssertUnchanged(before, rows.HotelHashes(f.B.HotelId));
        Assert.True(f.LeakIn(rows.HotelText(f.A.HotelId)) is null, $"A row of hotel A names B's '{f.LeakIn(rows.HotelText(f.A.HotelId))}'");

        // The sweep read real data: A's own arrival shows where B's does not.
        Assert.Contains(f.MarkerA, await f.Staff[StaffRole.FrontDesk].GetStringAsync(new Uri("/api/today", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BsWebhooksSignedWithAsSecretsAreRefusedAndStoreNothing()
    {
        var f = hotels;
        using var rows = new StoredRows(f.App.DatabaseFile);
        var routes = RouteCatalog.All(f.App.Services).Where(r => Classify(r) == Probe.Webhook).Select(r => r.Template).ToList();
        Assert.Equal(["/webhooks/inbound-email/{hotelId:guid}/{token}", "/webhooks/{vendor}/{hotelId:guid}"], routes.Order(StringComparer.Ordinal));
        var random = new Random(8);
        var before = rows.HotelHashes(f.B.HotelId);
        var failures = new List<string>();
        using var client = f.App.CreateAnonymousClient();
        foreach (var kind in Enum.GetValues<WebhookKind>())
        {
            // A's own event, then one made for B, each proven with A's secrets (Channex: A's header and property) on B's address.
            var forB = f.HooksB.Sample(kind, random);
            foreach (var (what, body) in new[] { ("A's event", f.HooksA.SampleBody(kind, random)), ("B's event", (forB.Body!, forB.ContentType!)) })
            {
                var request = new WireRequest("POST", f.HooksB.PathOf(kind), body.Item1, body.Item2, []);
                request = kind == WebhookKind.InboundEmail
                    ? request with { Path = f.HooksA.PathOf(kind, f.B.HotelId) }
                    : f.HooksA.Sign(kind, request, f.HooksA.Now);
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{kind} ({what}) to B with A's secret answered {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }

            AssertUnchanged(before, rows.HotelHashes(f.B.HotelId));

            // The same delivery with B's own secrets is taken, so the refusals above are about the secret alone.
            using var control = forB.ToMessage();
            using var accepted = await client.SendAsync(control);
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{kind}: B's own signed webhook answered {(int)accepted.StatusCode}");
            before = rows.HotelHashes(f.B.HotelId);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        AssertUnchanged(before, rows.HotelHashes(f.B.HotelId));
    }

    [Fact]
    public async Task TheLiveHubNeverJoinsOrTellsAnotherHotel()
    {
        var f = hotels;
        // Every method a client can call on the hub is classified here; a new one fails until it is tried below.
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && m.Name is not nameof(Hub.OnConnectedAsync) and not nameof(Hub.OnDisconnectedAsync)).Select(m => m.Name).ToList();
        Assert.Equal([nameof(LiveHub.JoinHotel)], methods);

        var connections = new List<(StaffRole Role, HubConnection Connection, List<HotelChange> Received)>();
        try
        {
            foreach (var role in TenantMatrixFixture.Roles)
            {
                var received = new List<HotelChange>();
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(f.Staff[role].BaseAddress!, LiveHub.Path), o =>
                    {
                        o.Transports = HttpTransportType.LongPolling;
                        o.HttpMessageHandlerFactory = _ => f.App.Server.CreateHandler();
                        o.Headers["Cookie"] = f.Staff[role].CookieHeader;
                    })
                    .Build();
                connection.On<HotelChange>(nameof(ILiveClient.Changed), change =>
                {
                    lock (received)
                    {
                        received.Add(change);
                    }
                });
                await connection.StartAsync();
                connections.Add((role, connection, received));

                var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync(nameof(LiveHub.JoinHotel), f.B.HotelId));
                Assert.True(f.LeakIn(refused.Message) is null, refused.Message);
                await connection.InvokeAsync(nameof(LiveHub.JoinHotel), f.A.HotelId);
            }

            // B changes first, then A: a connection that heard A's change would already have heard B's, had it been told.
            await f.App.As<RoomService>(f.B).SetHousekeepingAsync(f.B.Rooms[1].Id, HousekeepingStatus.Dirty, CancellationToken.None);
            await f.App.As<RoomService>(f.A).SetHousekeepingAsync(f.A.Rooms[1].Id, HousekeepingStatus.Dirty, CancellationToken.None);
            foreach (var (role, _, received) in connections)
            {
                await WaitForAsync(() => { lock (received) { return received.Any(c => c.HotelId == f.A.HotelId); } }, $"{role}'s live connection never heard its own hotel's change");
                lock (received)
                {
                    Assert.DoesNotContain(received, c => c.HotelId == f.B.HotelId || f.LeakIn(c.Summary) is not null);
                }
            }
        }
        finally
        {
            foreach (var (_, connection, _) in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static Probe? Classify(AppRoute route) => route switch
    {
        _ when RouteCatalog.IsFramework(route) => Probe.Framework,
        { Kind: RouteKind.Hub } when route.Template.StartsWith(LiveHub.Path, StringComparison.OrdinalIgnoreCase) => Probe.Hub,
        { Template: "/webhooks/{vendor}/{hotelId:guid}" or "/webhooks/inbound-email/{hotelId:guid}/{token}" } => Probe.Webhook,
        { Kind: RouteKind.Endpoint } when AccountRoutes.Contains(route.Template) => Probe.Account,
        _ when RouteCatalog.IsOpenByDesign(route) && !route.Template.StartsWith("/webhooks/", StringComparison.OrdinalIgnoreCase) => route.Kind == RouteKind.Page && route.Method != HttpMethods.Get ? Probe.PageForm : Probe.Open,
        { Kind: RouteKind.Page, Method: "GET" } => route.Parameters.Any(AppRoute.IsIdParameter) ? Probe.IdRoute : route.Parameters.Count == 0 ? Probe.Read : null,
        { Kind: RouteKind.Page } when route.Method == HttpMethods.Post => Probe.PageForm,
        { Kind: RouteKind.Api } when route.Parameters.Any(AppRoute.IsIdParameter) => Probe.IdRoute,
        { Kind: RouteKind.Api, Method: "GET" } when route.Parameters.Count == 0 => Probe.Read,
        { Kind: RouteKind.Api } when route.Parameters.Count == 0 => Probe.Command,
        _ => null,
    };

    private static IEnumerable<(string What, HttpRequestMessage Request, bool MustRefuse)> Requests(TenantMatrixFixture f, AppRoute route, Probe probe, StaffRole role)
    {
        switch (probe)
        {
            case Probe.IdRoute:
                var withB = route.Fill(p => AppRoute.IsIdParameter(p) ? IdsOfB[RouteCatalog.ShapeUpTo(route, p)](f).ToString() : AppRoute.PlausibleValue(p));
                yield return ("B's id", Message(route.Method, withB, route.Method == HttpMethods.Get ? null : BodyWithB(f)), true);
                if (route.Method != HttpMethods.Get && NamesIdsInBody(f, route))
                {
                    // A's own reservation or room, with B's ids in the body: only the body can reach B.
                    var withA = route.Fill(p => AppRoute.IsIdParameter(p) ? (route.Template.StartsWith("/api/rooms/", StringComparison.Ordinal) ? f.A.Rooms[2].Id : f.ReservationA).ToString() : AppRoute.PlausibleValue(p));
                    yield return ("A's id, B's ids in the body", Message(route.Method, withA, BodyWithB(f)), true);
                }

                break;
            case Probe.Read:
                var query = QueriesWithB.TryGetValue(route.Template, out var q) ? "?" + q(f) : "";
                yield return ("B's ids in the query", Message(route.Method, route.Template + query, null), ReadsThatMustRefuse.Contains(route.Template));
                break;
            case Probe.Command:
                yield return ("B's ids in the body", Message(route.Method, route.Template, BodyWithB(f)), true);
                break;
            case Probe.PageForm:
                yield return ("form with B's ids", FormMessage(route.FillWithPlausibleValues(), FormWithB(f, f.Tokens[role])), false);
                break;
            case Probe.Account when route.Template == "/account/switch-hotel":
                yield return ("switch to B", FormMessage(route.Template, new() { ["__RequestVerificationToken"] = f.Tokens[role], ["hotelId"] = f.B.HotelId.ToString() }), true);
                break;
            case Probe.Account when route.Template == "/account/login":
                // Signing in again as oneself with B named as the place to go afterwards.
                yield return ("sign in towards B", FormMessage(route.Template, new() { ["__RequestVerificationToken"] = f.Tokens[role], ["email"] = f.A.Emails[role], ["password"] = "wrong-" + role, ["returnUrl"] = $"/reservations/{f.ReservationB}" }), false);
                break;
            case Probe.Account:
                // Sign-out takes nothing of a hotel; it is left alone so each role's client stays signed in.
                break;
            case Probe.Open:
                var path = route.Fill(p => p.Name.Equals("Token", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("SessionId", StringComparison.OrdinalIgnoreCase) ? f.ReservationB.ToString() : AppRoute.PlausibleValue(p));
                yield return ("B's ids in an open route", Message(route.Method, path + $"?hotelId={f.B.HotelId}&reservationId={f.ReservationB}", route.Method == HttpMethods.Get ? null : BodyWithB(f)), false);
                break;
            case Probe.Webhook or Probe.Hub or Probe.Framework:
                break;
        }
    }

    /// <summary>True when the route's JSON body type carries ids, so B's ids in it must be refused even on A's own path.</summary>
    private static bool NamesIdsInBody(TenantMatrixFixture f, AppRoute route) =>
        f.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && "/" + raw.Trim('/') == route.Template)
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Any(m => m.RequestType?.GetProperties().Any(p => p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?) || typeof(IEnumerable<Guid>).IsAssignableFrom(p.PropertyType)) == true);

    /// <summary>One body that fits every command's shape, every id in it B's.</summary>
    private static JsonContent BodyWithB(TenantMatrixFixture f)
    {
        var today = f.App.TodayOf(f.A);
        return JsonContent.Create(new
        {
            roomId = f.B.Rooms[1].Id,
            roomTypeId = f.B.RoomTypes[0].Id,
            ratePlanId = f.B.RatePlans[0].Id,
            roomTypeIds = new[] { f.B.RoomTypes[0].Id },
            reservationId = f.ReservationB,
            guestId = f.GuestB,
            arrival = today.AddDays(3),
            departure = today.AddDays(4),
            from = today.AddDays(3),
            to = today.AddDays(4),
            guestName = "Matrix Probe",
            reason = "isolation probe",
            managerOverride = true,
            description = "Isolation probe",
            amountMinor = 100,
            rateMinor = 100,
            stopSell = true,
            status = "OutOfOrder",
        });
    }

    private static Dictionary<string, string> FormWithB(TenantMatrixFixture f, string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "probe",
        ["hotelId"] = f.B.HotelId.ToString(),
        ["reservationId"] = f.ReservationB.ToString(),
        ["roomId"] = f.B.Rooms[0].Id.ToString(),
        ["Id"] = f.ReservationB.ToString(),
    };

    private static HttpRequestMessage Message(string method, string url, HttpContent? body) =>
        new(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = body };

    private static HttpRequestMessage FormMessage(string url, Dictionary<string, string> fields) =>
        new(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };

    /// <summary>Not found, not allowed for the role, or sent to the access-denied page: nothing about B either way.</summary>
    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
        || HttpAssert.IsRedirectTo(response, "/account/denied");

    private static void AssertUnchanged(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(changed.Count == 0, "Hotel B's rows changed in: " + string.Join(", ", changed));
    }

    private static async Task WaitForAsync(Func<bool> condition, string message)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), message);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
