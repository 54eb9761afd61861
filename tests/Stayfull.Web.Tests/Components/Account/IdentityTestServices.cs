using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain;
using Stayfull.Domain.Data;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Tests.Components.Account;

/// <summary>The domain plus the app's own Identity registration over a fresh SQLite file, with no hotel in it yet.</summary>
public sealed class IdentityTestServices : IAsyncDisposable
{
    private readonly string _file;

    private IdentityTestServices(ServiceProvider services, string file, TestStaff staff)
    {
        Services = services;
        _file = file;
        Staff = staff;
    }

    public ServiceProvider Services { get; }

    /// <summary>Who the domain sees acting; sign-up itself needs nobody.</summary>
    public TestStaff Staff { get; }

    public static async Task<IdentityTestServices> CreateAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"identity-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}" })
            .Build();
        var staff = new TestStaff();
        var services = new ServiceCollection()
            .AddLogging()
            .AddDataProtection().Services
            .AddStayfullDomain(configuration)
            .AddStayfullAuth()
            .AddSingleton<ICurrentStaff>(staff)
            .AddSingleton<ILiveUpdatePublisher, RecordingPublisher>()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        return new IdentityTestServices(services, file, staff);
    }

    public StayfullDbContext Platform() => Services.GetRequiredService<StayfullDb>().ForPlatform();

    public StayfullDbContext ForHotel(Guid hotelId) => Services.GetRequiredService<StayfullDb>().ForHotel(hotelId);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
