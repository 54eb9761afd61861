using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>
/// Two hotels with data of every kind (rooms, a reservation in a room, its guest, folio lines, a conversation
/// with a message, pricing recommendations, every vendor connected), and hotel A's staff signed in, one client
/// per role. Hotel B's identifiers and names are its markers: none may ever reach A's staff.
/// </summary>
public sealed class TenantMatrixFixture : IAsyncLifetime
{
    public static readonly StaffRole[] Roles = [StaffRole.Owner, StaffRole.Manager, StaffRole.FrontDesk, StaffRole.Housekeeping];

    public StayfullApplication App { get; } = new(configureServices: BadInputFuzzTests.WithoutBackgroundWork);

    public TestTenant A { get; private set; } = default!;

    public TestTenant B { get; private set; } = default!;

    internal HotelWebhooks HooksA { get; private set; } = default!;

    internal HotelWebhooks HooksB { get; private set; } = default!;

    public Guid ReservationA { get; private set; }

    public Guid ReservationB { get; private set; }

    public Guid GuestB { get; private set; }

    public Guid ConversationB { get; private set; }

    public string MarkerA { get; private set; } = "";

    public IReadOnlyList<string> MarkersB { get; private set; } = [];

    public IReadOnlyDictionary<StaffRole, StaffClient> Staff { get; private set; } = new Dictionary<StaffRole, StaffClient>();

    public IReadOnlyDictionary<StaffRole, string> Tokens { get; private set; } = new Dictionary<StaffRole, string>();

    public async Task InitializeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        A = await App.CreateHotelAsync("Aye Matrix " + unique);
        B = await App.CreateHotelAsync("Bee Matrix " + unique, roomTypes: 2, roomsPerType: 2);
        HooksA = await HotelWebhooks.ConnectAsync(App, A);
        HooksB = await HotelWebhooks.ConnectAsync(App, B);

        var a = await App.BookAsync(A, App.TodayOf(A), guest: "Alma Aye " + unique);
        var b = await App.BookAsync(B, App.TodayOf(B), roomId: B.Rooms[0].Id, guest: "Bianca Neighbour " + unique);
        ReservationA = a.Id;
        ReservationB = b.Id;
        GuestB = b.GuestId;
        var folio = App.As<FolioService>(B);
        await folio.RecordPaymentAsync(b.Id, "Deposit", 5000, CancellationToken.None);
        await folio.AddChargeAsync(b.Id, "Minibar " + unique, 700, CancellationToken.None);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var staff = scope.ServiceProvider.GetRequiredService<BackgroundStaffScope>();
            staff.Context = new StaffContext(B.HotelId, "matrix-setup", "Matrix setup", StaffRole.Owner);
            var message = await scope.ServiceProvider.GetRequiredService<InboxIntake>().ReceiveEmailAsync(
                new InboundEmail($"<{unique}@guest.test>", $"bianca-{unique}@guest.test", "Bianca Neighbour " + unique, "desk@bee.test", "Bee question " + unique, "Bee secret note " + unique, DateTimeOffset.UtcNow),
                CancellationToken.None);
            ConversationB = message.ConversationId ?? Guid.Empty;
        }

        await App.Services.GetRequiredService<PricingRecomputes>().RecomputeFirstTimeAsync(CancellationToken.None);

        MarkerA = a.ConfirmationCode;
        MarkersB =
        [
            B.Hotel.Name, B.HotelId.ToString(), b.Id.ToString(), b.ConfirmationCode, "Bianca Neighbour " + unique, b.GuestId.ToString(),
            "bianca-" + unique, "Bee secret note " + unique, "Bee question " + unique, "Minibar " + unique, HooksB.ChannexProperty,
            .. B.Rooms.Select(r => r.Id.ToString()), .. B.RoomTypes.Select(t => t.Id.ToString()), .. B.RatePlans.Select(p => p.Id.ToString()),
            .. ConversationB == Guid.Empty ? [] : new[] { ConversationB.ToString() },
        ];

        var staffClients = new Dictionary<StaffRole, StaffClient>();
        var tokens = new Dictionary<StaffRole, string>();
        foreach (var role in Roles)
        {
            staffClients[role] = await App.SignInAsync(A, role);
            tokens[role] = await staffClients[role].AntiforgeryTokenAsync();
        }

        Staff = staffClients;
        Tokens = tokens;
    }

    /// <summary>The first of B's markers that <paramref name="text"/> contains and <paramref name="sent"/> (the request's own text) does not, or null.</summary>
    public string? LeakIn(string? text, string sent = "") =>
        text is null ? null : MarkersB.FirstOrDefault(m => text.Contains(m, StringComparison.OrdinalIgnoreCase) && !sent.Contains(m, StringComparison.OrdinalIgnoreCase));

    public async Task DisposeAsync()
    {
        foreach (var client in Staff.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
