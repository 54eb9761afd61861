using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Web.Tests.Http.Harness;
using Stayfull.Web.Tests.Reliability.Storms.Fakes;

namespace Stayfull.Web.Tests.Reliability.Storms;

/// <summary>What a storm's history is written against: a hotel's guests, locks and secrets, the same in every app built from the same plan.</summary>
public sealed record StormHotelPlan(int Number, int Guests, int Locks)
{
    public string Name => $"Storm Hotel {Number}";

    public string GuestName(int guest) => $"Guest {Number}-{guest:000}";

    public string GuestEmail(int guest) => $"g{Number}-{guest:000}@storm.test";

    public string GuestPhone(int guest) => $"+3519{Number:00}{guest:0000000}";

    public string IntentId(int guest) => StormVendors.IntentIdFor(GuestEmail(guest));

    public string LockId(int device) => $"lock-{Number}-{device:00}";

    public string HotelNumber => $"+3512100000{Number:00}";
}

/// <summary>A hotel built from a plan in one app, with the vendor secrets its webhooks are signed with.</summary>
public sealed record StormHotel(StormHotelPlan Plan, Guid HotelId, StormSecrets Secrets, IReadOnlyDictionary<string, long> DepositByIntent);

/// <summary>The secrets of one hotel's vendors, generated once per run and connected in every app of the run.</summary>
public sealed record StormSecrets(string StripeWebhookSecret, string SeamWebhookSecret, string TwilioAuthToken)
{
    public static StormSecrets New() => new(VendorSignatures.NewHexSecret("wh" + "sec_"), VendorSignatures.NewSvixSecret(), VendorSignatures.NewHexSecret(""));
}

public static class StormHotels
{
    /// <summary>Builds the hotel through the domain: deposit policy, connected vendors, one booking per guest (each holding a deposit), locks on the rooms.</summary>
    public static async Task<StormHotel> BuildAsync(StayfullApplication app, StormHotelPlan plan, StormSecrets secrets)
    {
        var tenant = await app.CreateHotelAsync(plan.Name, roomTypes: 2, roomsPerType: Math.Max(3, plan.Locks));
        await app.As<HotelSettingsService>(tenant).SetRatePlanPaymentPolicyAsync(tenant.RatePlans[0].Id, new RatePlanPaymentTerms(PaymentPolicyKind.Deposit, 30, 0), CancellationToken.None);
        var settings = app.As<IntegrationSettingsService>(tenant);
        await settings.ConnectAsync(IntegrationVendor.Stripe, new Dictionary<string, string> { ["SecretKey"] = "sk_" + "test_" + Guid.NewGuid().ToString("N"), ["WebhookSecret"] = secrets.StripeWebhookSecret }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Seam, new Dictionary<string, string> { ["ApiKey"] = "seam_" + Guid.NewGuid().ToString("N"), ["WebhookSecret"] = secrets.SeamWebhookSecret }, CancellationToken.None);
        await settings.ConnectAsync(IntegrationVendor.Twilio, new Dictionary<string, string> { ["AccountSid"] = "AC" + Guid.NewGuid().ToString("N"), ["AuthToken"] = secrets.TwilioAuthToken, ["FromNumber"] = plan.HotelNumber }, CancellationToken.None);

        var today = app.TodayOf(tenant);
        var booking = app.As<BookingService>(tenant);
        for (var g = 0; g < plan.Guests; g++)
        {
            await booking.BookAsync(
                new BookingRequest
                {
                    RoomTypeId = tenant.RoomTypes[g % tenant.RoomTypes.Count].Id,
                    RatePlanId = tenant.RatePlans[0].Id,
                    Arrival = today.AddDays(10 + (g * 2)),
                    Departure = today.AddDays(12 + (g * 2)),
                    GuestName = plan.GuestName(g),
                    GuestEmail = plan.GuestEmail(g),
                    GuestPhone = plan.GuestPhone(g),
                },
                CancellationToken.None);
        }

        // The locks were last seen before the history begins (it starts two days ago), so every event of it is news to them.
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-3);
        await using (var db = app.Db(tenant.HotelId))
        {
            for (var d = 0; d < plan.Locks; d++)
            {
                var device = new RoomDevice(tenant.HotelId, new SmartDevice(plan.LockId(d), "august_lock", $"Room lock {d}", "August", "Wi-Fi Smart Lock", true, true, false, 0.9, [SmartDeviceCapabilities.Lock], [], [4, 6], [], []), now);
                device.MapTo(tenant.Rooms[d].Id);
                db.RoomDevices.Add(device);
            }

            await db.SaveChangesAsync();
        }

        await StormWaits.DrainAsync(app);
        await using var read = app.Db(tenant.HotelId);
        var deposits = await read.Payments.AsNoTracking().Where(p => p.ProviderPaymentId != null).ToDictionaryAsync(p => p.ProviderPaymentId!, p => p.AmountMinor);
        Assert.Equal(plan.Guests, deposits.Count);
        return new StormHotel(plan, tenant.HotelId, secrets, deposits);
    }
}
