using Npgsql;
using Stayfull.Tests.Support.Servers;

namespace Stayfull.Web.Tests.ScaleOut;

/// <summary>
/// Two clustered instances starting at the same moment on a database whose scheduler tables do not exist yet:
/// both create what is missing and declare the same jobs and triggers, and both come up healthy in one cluster.
/// </summary>
public sealed class ClusteredStartTests
{
    [Fact]
    public async Task TwoClusteredInstancesStartingTogetherBothComeUpInOneCluster()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database,
            ["Integrations:Seam:Demo:EventsEnabled"] = "false",
            ["Integrations:Channex:Demo:EventsEnabled"] = "false",
        };

        // The release step: migrations and the demo hotel, by one process, unclustered.
        await using (var release = await StayfullProcess.StartAsync(settings, "release"))
        {
            await release.StopAsync();
        }

        var clustered = new Dictionary<string, string?>(settings)
        {
            ["Database:MigrateOnStart"] = "false",
            ["Scheduler:Clustered"] = "true",
            ["Scheduler:HeartbeatInterval"] = "00:00:01",
        };
        var starting = new[] { StayfullProcess.StartAsync(clustered, "A"), StayfullProcess.StartAsync(clustered, "B") };
        try
        {
            await Task.WhenAll(starting);

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var members = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection);
            Assert.Equal(2L, await members.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }
    }
}
