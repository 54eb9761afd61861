using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Integrations.Tests.Messaging;
using Stayfull.Tests.Support;

namespace Stayfull.Integrations.Tests.Seam;

/// <summary>The demo hotel, seeded into an empty database with the production wiring, has its smart rooms ready.</summary>
public sealed class DemoHotelSmartRoomsTests
{
    [Fact]
    public async Task TheDemoHotelHasALockAndAThermostatMappedInEveryRoomAcrossFiveLockBrands()
    {
        var file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var time = new FakeTimeProvider(TestHotel.DefaultNow);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddStayfullDomain(configuration)
            .AddSingleton<ICurrentStaff>(new TestStaff())
            .AddSingleton<ILiveUpdatePublisher, RecordingPublisher>()
            .AddSingleton<ICredentialProtector, ReversibleTestProtector>()
            .AddStayfullIntegrations(configuration)
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            Assert.True(await services.GetRequiredService<DemoHotelSeeder>().SeedIfEmptyAsync(new Dictionary<StaffRole, string>(), CancellationToken.None));

            await using var platform = services.GetRequiredService<StayfullDb>().ForPlatform();
            var hotelId = (await platform.Hotels.SingleAsync()).Id;
            await using var db = services.GetRequiredService<StayfullDb>().ForHotel(hotelId);
            var rooms = await db.Rooms.Select(r => r.Id).ToListAsync();
            var devices = await db.RoomDevices.ToListAsync();
            Assert.All(rooms, room =>
            {
                Assert.Single(devices, d => d.RoomId == room && d.Kind == RoomDeviceKind.Lock);
                Assert.Single(devices, d => d.RoomId == room && d.Kind == RoomDeviceKind.Thermostat);
            });
            Assert.Equal(2 * rooms.Count, devices.Count);
            var brands = devices.Where(d => d.Kind == RoomDeviceKind.Lock).Select(d => d.Manufacturer).Distinct().ToList();
            Assert.True(brands.Count >= 5, $"Only {string.Join(", ", brands)}");

            // Guests in house get their door codes through the key flow: a key and an outbox intent each
            // (those leaving today are past check-out time at noon, so their window is over).
            var today = DateOnly.FromDateTime(TestHotel.DefaultNow.UtcDateTime);
            var inHouse = await db.Reservations.Where(r => r.Status == ReservationStatus.CheckedIn && r.Departure > today).Select(r => r.Id).ToListAsync();
            Assert.NotEmpty(inHouse);
            var keys = await db.AccessKeys.ToListAsync();
            Assert.All(inHouse, id => Assert.Single(keys, k => k.ReservationId == id));
            Assert.Equal(keys.Count, await db.OutboxMessages.CountAsync(m => m.Vendor == IntegrationVendor.Seam && m.Operation == SmartRoomOperations.CreateAccessCode));
            Assert.All(keys, k => Assert.Equal(AccessKeyStatus.Requested, k.Status));
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
