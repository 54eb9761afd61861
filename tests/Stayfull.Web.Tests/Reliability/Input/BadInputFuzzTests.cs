using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Api;
using Stayfull.Web.Integrations;
using Stayfull.Web.Tests.Http.Harness;
using Xunit.Abstractions;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>
/// Random and mutated bodies, headers, sizes and route values against every endpoint that takes a body, found
/// in the app's endpoint data source: webhooks (correctly signed first, then spoiled), the JSON API, the account
/// forms, the pages' form posts and the transports. No answer may be a 5xx, and a refused request stores nothing.
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    public const string SeedVariable = "STAYFULL_FUZZ_SEED";
    private const int DefaultSeed = 8_2026;

    private static readonly string[] BodyMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>How each vendor with a webhook verifier is fuzzed; a vendor missing here fails the run.</summary>
    private static readonly Dictionary<IntegrationVendor, WebhookKind> VendorKinds = new()
    {
        [IntegrationVendor.Stripe] = WebhookKind.Stripe,
        [IntegrationVendor.Seam] = WebhookKind.Seam,
        [IntegrationVendor.Twilio] = WebhookKind.Twilio,
        [IntegrationVendor.Channex] = WebhookKind.Channex,
        [IntegrationVendor.SendGrid] = WebhookKind.SendGridEvents,
    };

    /// <summary>Signature schemes with a timestamp, so an old or future one must be refused.</summary>
    private static readonly HashSet<WebhookKind> Timestamped = [WebhookKind.Stripe, WebhookKind.Seam, WebhookKind.SendGridEvents];

    private enum Family
    {
        VendorWebhook,
        InboundEmail,
        Api,
        AccountForm,
        PageForm,
        Transport,
    }

    [Fact]
    public async Task EveryEndpointWithABodyNeverFailsOnBadInputAndStoresNothingWhenItRefuses()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : DefaultSeed;
        output.WriteLine($"Fuzz seed {seed} (override with {SeedVariable})");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();

        await using var app = new StayfullApplication(configureServices: WithoutBackgroundWork);
        var a = await app.CreateHotelAsync("Fuzz Hotel");
        var other = await app.CreateHotelAsync("Fuzz Neighbour");
        var hooks = await HotelWebhooks.ConnectAsync(app, a);
        var otherHooks = await HotelWebhooks.ConnectAsync(app, other);
        var today = app.TodayOf(a);
        var reservations = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            reservations.Add((await app.BookAsync(a, today.AddDays(i % 2 == 0 ? 0 : 5), roomTypeIndex: i % 2, roomId: i < 2 ? a.Rooms[i * 3].Id : null, guest: $"Fuzz Guest {i}")).Id);
        }

        var loginUser = await app.CreateUserAsync($"fuzz-login-{Guid.NewGuid():N}@hotel.test");
        using var owner = await app.SignInAsync(a, StaffRole.Owner);
        using var leaver = await app.SignInAsync(a, StaffRole.Manager);
        using var anonymous = app.CreateAnonymousClient();
        var ownerToken = await owner.AntiforgeryTokenAsync();
        var leaverToken = await leaver.AntiforgeryTokenAsync();
        var anonymousToken = await anonymous.AntiforgeryTokenAsync();

        using var rows = new StoredRows(app.DatabaseFile);
        string inboxTable, logTable;
        await using (var db = app.Db(a.HotelId))
        {
            inboxTable = db.Model.FindEntityType(typeof(InboxEvent))!.GetTableName()!;
            logTable = db.Model.FindEntityType(typeof(IntegrationLogEntry))!.GetTableName()!;
        }

        var runner = new FuzzRunner(rows, seed);
        output.WriteLine($"Set up in {clock.Elapsed.TotalSeconds:F1} s; {rows.Tables.Count} tables watched");

        // Every route that takes a body is placed in a family, or the run fails: a new endpoint is never silently skipped.
        var routes = RouteCatalog.All(app.Services).Where(r => BodyMethods.Contains(r.Method)).ToList();
        var unplaced = routes.Where(r => Classify(r) is null).Select(r => r.ToString()).ToList();
        Assert.True(unplaced.Count == 0, "Routes with a body that the fuzz does not know how to drive; add them to " + nameof(Classify) + ":\n" + string.Join('\n', unplaced));
        var verifiers = app.Services.GetServices<IWebhookVerifier>().Select(v => v.Vendor).Distinct().ToList();
        Assert.True(verifiers.All(VendorKinds.ContainsKey), "Vendors with a webhook verifier the fuzz cannot sign for: " + string.Join(", ", verifiers.Where(v => !VendorKinds.ContainsKey(v))));

        foreach (var route in routes)
        {
            switch (Classify(route))
            {
                case Family.VendorWebhook:
                    foreach (var vendor in verifiers)
                    {
                        await FuzzWebhookAsync(runner, random, owner, hooks, otherHooks, VendorKinds[vendor], inboxTable, logTable, rounds: 140);
                    }

                    break;
                case Family.InboundEmail:
                    await FuzzWebhookAsync(runner, random, owner, hooks, otherHooks, WebhookKind.InboundEmail, inboxTable, logTable, rounds: 140);
                    break;
                case Family.Api:
                    await FuzzApiAsync(runner, random, route, owner, anonymous, a, reservations, today, rounds: 55);
                    break;
                case Family.AccountForm:
                    await FuzzAccountFormAsync(runner, random, route, route.Template == "/account/logout" ? leaver : route.Template == "/account/login" ? anonymous : owner, route.Template == "/account/logout" ? leaverToken : route.Template == "/account/login" ? anonymousToken : ownerToken, anonymousToken, loginUser.Email!, a.HotelId, other.HotelId, rounds: 80);
                    break;
                case Family.PageForm:
                    // A page renders before it looks for the posted form, and the channels page calls Channex (logging the call) as it renders.
                    string[] pageLog = route.Template == "/settings/channels" ? [logTable] : [];
                    await FuzzPlainAsync(runner, random, "page-form", route, owner, () => Form(new() { ["__RequestVerificationToken"] = ownerToken, ["_handler"] = "fuzz" }), rounds: 4, pageLog);
                    await FuzzPlainAsync(runner, random, "page-form-anonymous", route, anonymous, () => Form(new() { ["__RequestVerificationToken"] = anonymousToken, ["_handler"] = "fuzz" }), rounds: 1, pageLog);
                    break;
                case Family.Transport:
                    await FuzzPlainAsync(runner, random, "transport", route, owner, () => ("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), "application/json"), rounds: 12, []);
                    break;
            }
        }

        output.WriteLine($"{runner.Sent} requests over {routes.Count} routes in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (family, statuses) in runner.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {family} ({runner.Time[family].TotalSeconds:F1} s): " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        }

        Assert.True(runner.FailureCount == 0, runner.Report());
        Assert.InRange(runner.Sent, 2_000, 10_000);

        // The signed samples reached the parsers: each vendor's valid webhooks were stored, and re-signed spoiled ones were read and refused (400).
        foreach (var kind in verifiers.Select(v => VendorKinds[v]).Append(WebhookKind.InboundEmail))
        {
            Assert.True(runner.Statuses.TryGetValue("webhook-" + kind, out var statuses) && statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0, $"{kind}: the fuzz never got past the signature check (statuses {Describe(statuses)}).");
        }
    }

    /// <summary>The family that drives <paramref name="route"/>, or null for a route with a body this test does not know.</summary>
    private static Family? Classify(AppRoute route) => route switch
    {
        { Template: "/webhooks/{vendor}/{hotelId:guid}" } => Family.VendorWebhook,
        { Template: "/webhooks/inbound-email/{hotelId:guid}/{token}" } => Family.InboundEmail,
        { Kind: RouteKind.Api } when ApiSample(route.Method + " " + route.Template) is not null => Family.Api,
        { Kind: RouteKind.Endpoint, Template: "/account/login" or "/account/logout" or "/account/switch-hotel" } => Family.AccountForm,
        { Kind: RouteKind.Page } => Family.PageForm,
        { Kind: RouteKind.Hub } => Family.Transport,
        { Kind: RouteKind.Endpoint } when RouteCatalog.IsFramework(route) || route.Template == "/health" => Family.Transport,
        _ => null,
    };

    /// <summary>A valid body for each API command (null body where the command takes none); a new command needs a line here.</summary>
    private static Func<ApiContext, object?>? ApiSample(string route) => route switch
    {
        "POST /api/reservations" => c => new { roomTypeId = c.Tenant.RoomTypes[c.Random.Next(c.Tenant.RoomTypes.Count)].Id, arrival = c.Today.AddDays(c.Random.Next(1, 300)), departure = c.Today.AddDays(301), guestName = "Fuzz Booker", guestEmail = "booker@mail.test" },
        "POST /api/reservations/{id:guid}/assign-room" => c => new { roomId = c.Room },
        "POST /api/reservations/{id:guid}/cancel" => _ => new { reason = "Guest asked" },
        "POST /api/reservations/{id:guid}/check-in" => _ => NoBody.Instance,
        "POST /api/reservations/{id:guid}/check-out" => c => new { managerOverride = c.Random.Next(2) == 0 },
        "POST /api/reservations/{id:guid}/no-show" => _ => NoBody.Instance,
        "POST /api/reservations/{id:guid}/move" => c => new { roomId = c.Room, reason = "Noise" },
        "POST /api/reservations/{id:guid}/folio/charges" or "POST /api/reservations/{id:guid}/folio/payments" or "POST /api/reservations/{id:guid}/folio/refunds" =>
            c => new { description = "Minibar", amountMinor = c.Random.Next(1, 10_000) },
        "PUT /api/rooms/{id:guid}/housekeeping" => c => new { status = new[] { "Clean", "Dirty", "Inspected", "OutOfOrder" }[c.Random.Next(4)] },
        "PUT /api/rates" => c => new { roomTypeIds = new[] { c.Tenant.RoomTypes[0].Id }, from = c.Today.AddDays(10), to = c.Today.AddDays(12), rateMinor = c.Random.Next(5_000, 30_000), stopSell = false },
        _ => null,
    };

    private sealed record ApiContext(Random Random, TestTenant Tenant, DateOnly Today, Guid Room);

    private sealed class NoBody
    {
        public static readonly NoBody Instance = new();
    }

    private static async Task FuzzWebhookAsync(FuzzRunner runner, Random random, HttpClient client, HotelWebhooks hooks, HotelWebhooks otherHotel, WebhookKind kind, string inboxTable, string logTable, int rounds)
    {
        var family = "webhook-" + kind;
        var signed = kind != WebhookKind.InboundEmail;
        var unauthorized = new[] { 401 };
        string[] intake = [inboxTable, logTable];
        Task<int> Send(string what, WireRequest request, int[]? expect = null, bool replay = false) =>
            runner.SendAsync(client, family, what, request, expect, problemDetails: true, acceptedMayWrite: replay ? [logTable] : intake);

        for (var i = 0; i < 4; i++)
        {
            await Send("valid", hooks.Sample(kind, random), [200]);
        }

        var replay = hooks.Sample(kind, random);
        await Send("valid before replay", replay, [200]);
        // Acknowledged and logged as a repeat; no second event in the inbox.
        await Send("replayed", replay, [200], replay: true);

        await Send("over the limit", Resign(hooks, kind, hooks.Sample(kind, random) is var big ? big with { Body = Mutations.Oversized(big, WebhookEndpoints.MaxBodyBytes) } : big), [413]);
        await Send("over the limit, chunked", Resign(hooks, kind, hooks.Sample(kind, random) is var chunked ? chunked with { Body = Mutations.Oversized(chunked, WebhookEndpoints.MaxBodyBytes), Chunked = true } : chunked), [413]);
        await Send("unknown hotel", hooks.Sign(kind, hooks.Sample(kind, random) with { Path = hooks.PathOf(kind, Guid.NewGuid()) }, hooks.Now), signed ? [404] : unauthorized);
        await Send("another hotel's secret", otherHotel.Sign(kind, hooks.Sample(kind, random) with { Path = kind == WebhookKind.InboundEmail ? otherHotel.PathOf(kind, hooks.HotelId) : hooks.PathOf(kind) }, hooks.Now), unauthorized);

        var sampleVendor = hooks.PathOf(kind).Split('/')[2];
        string[] badRoutes =
        [
            $"/webhooks/{sampleVendor}/not-a-guid",
            $"/webhooks/{sampleVendor}/{new string('9', 5000)}",
            $"/webhooks/{sampleVendor}/%01",
            $"/webhooks/{sampleVendor}/{hooks.HotelId}/extra",
            $"/webhooks/{sampleVendor.ToUpperInvariant()}/{hooks.HotelId}",
            $"/webhooks/{sampleVendor}%2F..%2F/{hooks.HotelId}",
            $"/webhooks/{hooks.HotelId}",
        ];
        foreach (var path in badRoutes)
        {
            await Send("malformed route", hooks.Sample(kind, random) with { Path = path });
        }

        if (signed)
        {
            await Send("unknown vendor", hooks.Sample(kind, random) with { Path = $"/webhooks/no-such-vendor/{hooks.HotelId}" }, [404]);
            await Send("vendor without webhooks", hooks.Sample(kind, random) with { Path = $"/webhooks/{IntegrationVendor.RateShop.ToString().ToLowerInvariant()}/{hooks.HotelId}" }, [404]);
        }
        else
        {
            var token = hooks.PathOf(kind).Split('/')[^1];
            foreach (var badToken in new[] { token[..^2], token + "x", "%01", new string('A', 4000), "", Convert.ToBase64String(HotelWebhooks.RandomBytes(random, 40)).Replace('/', '_') })
            {
                await Send("wrong token", hooks.Sample(kind, random) with { Path = $"/webhooks/inbound-email/{hooks.HotelId}/{badToken}" });
            }
        }

        var signatureMutations = new List<(string Name, Func<WireRequest, WireRequest> Apply, int[]? Expect)>();
        foreach (var header in HotelWebhooks.SignatureHeaders(kind))
        {
            signatureMutations.Add(($"missing {header}", q => q.WithoutHeader(header), unauthorized));
            signatureMutations.Add(($"empty {header}", q => q.WithoutHeader(header).WithHeader(header, ""), unauthorized));
            signatureMutations.Add(($"garbled {header}", q => q.WithoutHeader(header).WithHeader(header, Garble(random, q.Headers.First(h => h.Key == header).Value)), header == "svix-id" ? null : unauthorized));
            signatureMutations.Add(($"huge {header}", q => q.WithoutHeader(header).WithHeader(header, new string('7', 16_000)), unauthorized));
            signatureMutations.Add(($"repeated {header}", q => q.WithHeader(header, Garble(random, q.Headers.First(h => h.Key == header).Value)), null));
        }

        if (Timestamped.Contains(kind))
        {
            signatureMutations.Add(("old signature", q => hooks.Sign(kind, q, hooks.Now - 3_600), unauthorized));
            signatureMutations.Add(("future signature", q => hooks.Sign(kind, q, hooks.Now + 3_600), unauthorized));
            signatureMutations.Add(("timestamp far out", q => hooks.Sign(kind, q, long.MaxValue / 2), unauthorized));
            signatureMutations.Add(("negative timestamp", q => hooks.Sign(kind, q, -5), unauthorized));
        }

        if (kind != WebhookKind.Channex && signed)
        {
            // Channex's proof is a fixed header, not bound to the body; every other scheme signs the body.
            signatureMutations.Add(("signature of another body", q => q with { Body = hooks.SampleBody(kind, random).Body }, unauthorized));
        }

        for (var round = 0; round < rounds; round++)
        {
            var sample = hooks.Sample(kind, random);
            var pick = random.Next(10);
            if (pick < 2 && signatureMutations.Count > 0)
            {
                var (name, apply, expect) = signatureMutations[random.Next(signatureMutations.Count)];
                await Send(name, apply(sample), expect);
            }
            else if (pick < 4)
            {
                var mutation = Mutations.Headers[random.Next(Mutations.Headers.Count)];
                await Send(mutation.Name, mutation.Apply(random, sample));
            }
            else
            {
                var mutation = Mutations.Bodies[random.Next(Mutations.Bodies.Count)];
                var spoiled = mutation.Apply(random, sample);
                if (random.Next(4) == 0 && signed)
                {
                    // The old signature on a new body: refused before anything reads it.
                    var changed = !(spoiled.Body ?? []).AsSpan().SequenceEqual(sample.Body ?? []);
                    await Send(mutation.Name + ", stale signature", spoiled, changed && kind != WebhookKind.Channex ? unauthorized : null);
                }
                else
                {
                    await Send(mutation.Name + ", re-signed", Resign(hooks, kind, spoiled));
                }
            }
        }
    }

    private static WireRequest Resign(HotelWebhooks hooks, WebhookKind kind, WireRequest request) => hooks.Sign(kind, request, hooks.Now);

    private static async Task FuzzApiAsync(FuzzRunner runner, Random random, AppRoute route, HttpClient owner, HttpClient anonymous, TestTenant tenant, List<Guid> reservations, DateOnly today, int rounds)
    {
        var family = "api " + route;
        var sample = ApiSample(route.Method + " " + route.Template)!;
        WireRequest Valid(Func<RoutePatternParameterPart, string>? id = null)
        {
            var room = tenant.Rooms[random.Next(tenant.Rooms.Count)].Id;
            var path = route.Fill(id ?? (p => (route.Template.StartsWith("/api/rooms/", StringComparison.Ordinal) ? room : reservations[random.Next(reservations.Count)]).ToString()));
            var body = sample(new ApiContext(random, tenant, today, tenant.Rooms[random.Next(tenant.Rooms.Count)].Id));
            return body is NoBody
                ? new WireRequest(route.Method, path, null, null, [])
                : new WireRequest(route.Method, path, JsonSerializer.SerializeToUtf8Bytes(body), "application/json", []);
        }

        Task<int> Send(string what, WireRequest request, int[]? expect = null, HttpClient? client = null) =>
            runner.SendAsync(client ?? owner, family, what, request, expect, problemDetails: true);

        for (var i = 0; i < 3; i++)
        {
            await Send("valid", Valid());
        }

        await Send("over the limit", Valid() is var big ? big with { Body = Mutations.Oversized(big, RequestBodyLimit.ApiMaxBytes), ContentType = "application/json" } : big, [413]);
        // Only an endpoint that reads its body meets a body that grows past the limit without declaring its length.
        await Send("over the limit, chunked", Valid() is var chunked ? chunked with { Body = Mutations.Oversized(chunked, RequestBodyLimit.ApiMaxBytes), ContentType = "application/json", Chunked = true } : chunked, chunked.Body is null ? null : [413]);
        await Send("anonymous", Valid(), [401], anonymous);
        if (route.Parameters.Count > 0)
        {
            await Send("unknown id", Valid(_ => Guid.NewGuid().ToString()), [404]);
            foreach (var bad in new[] { "not-a-guid", "%01", new string('1', 3000), "00000000-0000-0000-0000-000000000000", "{" + Guid.NewGuid() + "}" })
            {
                await Send("malformed route value", Valid(_ => bad) is var q ? q with { Path = q.Path.Replace(Uri.EscapeDataString(bad), bad.Replace("{", "%7B", StringComparison.Ordinal), StringComparison.Ordinal) } : q);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            var mutations = random.Next(4) == 0 ? Mutations.Headers : Mutations.Bodies;
            var mutation = mutations[random.Next(mutations.Count)];
            var valid = Valid();
            await Send(mutation.Name, mutation.Apply(random, valid.Body is null ? valid with { Body = "{}"u8.ToArray(), ContentType = "application/json" } : valid));
        }
    }

    private static async Task FuzzAccountFormAsync(FuzzRunner runner, Random random, AppRoute route, HttpClient client, string token, string foreignToken, string loginEmail, Guid hotelId, Guid otherHotelId, int rounds)
    {
        var family = "form " + route.Template;
        Dictionary<string, string> Fields() => route.Template switch
        {
            "/account/login" => new() { ["__RequestVerificationToken"] = token, ["email"] = random.Next(3) == 0 ? "nobody@hotel.test" : loginEmail, ["password"] = "Wrong-" + random.Next(), ["returnUrl"] = random.Next(2) == 0 ? "/manager" : "//evil.example/" },
            "/account/switch-hotel" => new() { ["__RequestVerificationToken"] = token, ["hotelId"] = (random.Next(3) == 0 ? hotelId : otherHotelId).ToString() },
            _ => new() { ["__RequestVerificationToken"] = token },
        };

        Task<int> Send(string what, WireRequest request, int[]? expect = null) => runner.SendAsync(client, family, what, request, expect);
        WireRequest Post(Dictionary<string, string> fields) => Form(fields) is var (body, type) ? new WireRequest("POST", route.Template, body, type, []) : null!;

        await Send("no antiforgery token", Post(Fields().Where(f => f.Key != "__RequestVerificationToken").ToDictionary()), [400]);
        await Send("garbled antiforgery token", Post(new Dictionary<string, string>(Fields()) { ["__RequestVerificationToken"] = Garble(random, token) }), [400]);
        await Send("someone else's antiforgery token", Post(new Dictionary<string, string>(Fields()) { ["__RequestVerificationToken"] = foreignToken }), token == foreignToken ? null : [400]);
        await Send("valid shape", Post(Fields()));
        await Send("large form", Post(new Dictionary<string, string>(Fields()) { ["pad"] = new string('x', 400_000) }));
        await Send("multipart form", Fields() is var f ? MultipartForm(f, route.Template) : null!);

        var nasty = new[] { "", " ", "\0", new string('a', 10_000), "not-a-guid", "%", "' OR 1=1 --", "<script>", "\ud800", "😀", "-1", "99999999999999999999" };
        for (var round = 0; round < rounds; round++)
        {
            var fields = Fields();
            switch (random.Next(4))
            {
                case 0:
                    var key = fields.Keys.ElementAt(random.Next(1, Math.Max(2, fields.Count)) % fields.Count);
                    if (key != "__RequestVerificationToken")
                    {
                        fields[key] = nasty[random.Next(nasty.Length)];
                    }

                    await Send("nasty field value", Post(fields));
                    break;
                case 1:
                    var header = Mutations.Headers[random.Next(Mutations.Headers.Count)];
                    await Send(header.Name, header.Apply(random, Post(fields)));
                    break;
                default:
                    var body = Mutations.Bodies[random.Next(Mutations.Bodies.Count)];
                    await Send(body.Name, body.Apply(random, Post(fields)));
                    break;
            }
        }
    }

    private static async Task FuzzPlainAsync(FuzzRunner runner, Random random, string family, AppRoute route, HttpClient client, Func<(byte[] Body, string ContentType)> valid, int rounds, string[] refusedMayWrite)
    {
        // The health check answers 503 by design here: this run has no scheduler.
        int? serverError = route.Template == "/health" ? 503 : null;
        var path = route.FillWithPlausibleValues() + (route.Kind == RouteKind.Hub ? "?negotiateVersion=1" : "");
        for (var round = 0; round < rounds; round++)
        {
            var (body, type) = valid();
            var request = new WireRequest(route.Method, path, body, type, []);
            if (round > 0)
            {
                var mutations = random.Next(3) == 0 ? Mutations.Headers : Mutations.Bodies;
                var mutation = mutations[random.Next(mutations.Count)];
                request = mutation.Apply(random, request);
                await runner.SendAsync(client, $"{family} {route}", mutation.Name, request, refusedMayWrite: refusedMayWrite, serverError: serverError);
            }
            else
            {
                await runner.SendAsync(client, $"{family} {route}", "plain", request, refusedMayWrite: refusedMayWrite, serverError: serverError);
            }
        }
    }

    private static (byte[] Body, string ContentType) Form(Dictionary<string, string> fields) =>
        (Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)))), "application/x-www-form-urlencoded");

    private static WireRequest MultipartForm(Dictionary<string, string> fields, string path)
    {
        var boundary = "----fuzz" + Guid.NewGuid().ToString("N");
        var body = string.Concat(fields.Select(f => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + $"--{boundary}--\r\n";
        return new WireRequest("POST", path, Encoding.UTF8.GetBytes(body), "multipart/form-data; boundary=" + boundary, []);
    }

    private static string Garble(Random random, string value)
    {
        if (value.Length == 0)
        {
            return "x";
        }

        var chars = value.ToCharArray();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = "abcdefXYZ0123456789=,+/ "[random.Next(24)];
        }

        var garbled = new string(chars);
        return garbled == value ? value + "x" : garbled;
    }

    private static string Describe(Dictionary<int, int>? statuses) =>
        statuses is null ? "none" : string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"));

    /// <summary>Nothing runs behind the requests (inbox and outbox processing, jobs, demo feeds), so every stored row is the request's own.</summary>
    internal static void WithoutBackgroundWork(IServiceCollection services)
    {
        var background = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly.GetName().Name is { } name && (name.StartsWith("Stayfull", StringComparison.Ordinal) || name.StartsWith("Quartz", StringComparison.Ordinal))).ToList();
        foreach (var descriptor in background)
        {
            services.Remove(descriptor);
        }
    }
}
