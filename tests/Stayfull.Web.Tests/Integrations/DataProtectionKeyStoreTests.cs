using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Web.Startup;

namespace Stayfull.Web.Tests.Integrations;

/// <summary>
/// With <c>DataProtection:KeyStore</c> = <c>Database</c>, two web instances over one database share a key ring:
/// what one protects (a sign-in cookie, a check-in link) the other opens. With <c>FileSystem</c> the table stays empty.
/// </summary>
public sealed class DataProtectionKeyStoreTests : IAsyncLifetime
{
    private const string Purpose = "Stayfull.Tests.SharedKeyRing";

    private readonly string _file = Path.Combine(Path.GetTempPath(), "stayfull-tests", $"dpkeys-{Guid.NewGuid():N}.db");
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    [Fact]
    public async Task A_payload_protected_by_one_instance_is_opened_by_another_over_the_same_database()
    {
        var first = Start("Database");
        var second = Start("Database");

        var payload = "booking " + Guid.NewGuid().ToString("N");
        var token = Protector(first).Protect(payload);

        Assert.Equal(payload, Protector(second).Unprotect(token));
        Assert.True(await KeyRowsAsync(second) >= 1);
        Assert.Equal(DataProtectionSetup.ApplicationName, first.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    [Fact]
    public async Task With_the_file_system_store_no_key_is_written_to_the_database()
    {
        var host = Start("FileSystem");

        var token = Protector(host).Protect("booking");

        Assert.Equal("booking", Protector(host).Unprotect(token));
        Assert.Equal(0, await KeyRowsAsync(host));
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    /// <summary>A web instance over the shared file; started at once, so its migrations run before the next one starts.</summary>
    private WebApplicationFactory<Program> Start(string keyStore)
    {
        var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={_file}");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting(DataProtectionSetup.KeyStoreKey, keyStore);
        });
        _hosts.Add(host);
        _ = host.Server;
        return host;
    }

    private static IDataProtector Protector(WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<int> KeyRowsAsync(WebApplicationFactory<Program> host)
    {
        await using var db = host.Services.GetRequiredService<StayfullDb>().ForPlatform();
        return await db.DataProtectionKeys.CountAsync();
    }
}
