using System.Net;
using Npgsql;
using Stayfull.Tests.Support.Servers;

namespace Stayfull.Web.Tests.Servers;

/// <summary>
/// The servers the scale-out and reliability tests stand on: PostgreSQL and Redis from the Debian packages,
/// and the web app as its own process, here on PostgreSQL with its migrations and the demo hotel.
/// </summary>
public sealed class TestServersTests
{
    [Fact]
    public async Task TheWebProcessMigratesAndSeedsPostgresThenAnswersHealthyAndStopsWhenKilled()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();

        await using var web = await StayfullProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database,
            ["Integrations:Channex:Demo:EventsEnabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = web.BaseAddress };
        using var signIn = await http.GetAsync(new Uri("account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Hotels" """, connection);
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        web.Kill();
        Assert.True(web.HasExited);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri("health", UriKind.Relative)));
    }

    [Fact]
    public async Task RedisAnswersOnItsOwnPortAndIsGoneAfterDisposal()
    {
        var redis = await RedisServer.StartAsync();
        Assert.True(await FreeTcpPort.IsListeningAsync(redis.Port));

        await redis.DisposeAsync();

        Assert.False(await FreeTcpPort.IsListeningAsync(redis.Port));
    }
}
