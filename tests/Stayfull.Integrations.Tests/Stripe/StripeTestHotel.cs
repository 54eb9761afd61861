using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Tests.Support;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>A test hotel with the real Stripe adapter, pointed at a local fake server when one is given.</summary>
internal static class StripeTestHotel
{
    /// <summary>Obviously fake keys, made at run time so no key-shaped literal sits in the code.</summary>
    public static string FakeSecretKey { get; } = string.Concat("sk_", "test_", "fake", Guid.NewGuid().ToString("N"));

    public static string FakeWebhookSecret { get; } = string.Concat("whsec_", "fake", Guid.NewGuid().ToString("N"));

    public static Task<TestHotel> CreateAsync(Uri? apiBase = null, TimeSpan? timeout = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Integrations:Stripe:ApiBase"] = (apiBase ?? new Uri("http://127.0.0.1:9")).ToString(),
            ["Integrations:Stripe:Timeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString(),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return TestHotel.CreateAsync(configure: services =>
        {
            services.AddLogging();
            services.AddSingleton<ICredentialProtector, ReversingProtector>();
            services.AddStayfullIntegrations(configuration);
        });
    }

    public static Task ConnectAsync(this TestHotel hotel) =>
        hotel.Get<IntegrationSettingsService>().ConnectAsync(
            IntegrationVendor.Stripe,
            new Dictionary<string, string> { ["SecretKey"] = FakeSecretKey, ["WebhookSecret"] = FakeWebhookSecret },
            CancellationToken.None);

    public static async Task SetDepositPolicyAsync(this TestHotel hotel, decimal percent = 50)
    {
        await using var db = hotel.Db();
        var plan = await db.RatePlans.SingleAsync(p => p.Id == hotel.RatePlans[0].Id);
        plan.SetPaymentPolicy(PaymentPolicyKind.Deposit, percent, freeCancellationDays: 0);
        await db.SaveChangesAsync();
    }

    /// <summary>Two nights of the first room type (100.00 a night) in room 101, arriving today.</summary>
    public static Task<Reservation> BookAsync(this TestHotel hotel) =>
        hotel.Get<BookingService>().BookAsync(
            new BookingRequest { RoomTypeId = hotel.RoomTypes[0].Id, Arrival = hotel.Today, Departure = hotel.Today.AddDays(2), GuestName = "Katherine Johnson", RoomId = hotel.Rooms[0].Id },
            CancellationToken.None);

    public static async Task<Payment> PaymentAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.Payments.SingleAsync(p => p.ReservationId == reservationId);
    }

    public static async Task<IReadOnlyList<Domain.Folios.FolioEntry>> FolioAsync(this TestHotel hotel, Guid reservationId)
    {
        await using var db = hotel.Db();
        return await db.FolioEntries.Where(e => e.ReservationId == reservationId).ToListAsync();
    }
}

/// <summary>Not encryption, only enough to prove the adapter reads credentials through the protector.</summary>
internal sealed class ReversingProtector : ICredentialProtector
{
    public string Protect(string plaintext) => "p:" + new string([.. plaintext.Reverse()]);

    public string Unprotect(string protectedText) => new([.. protectedText[2..].Reverse()]);
}
