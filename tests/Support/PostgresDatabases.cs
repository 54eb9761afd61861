using Stayfull.Tests.Support.Servers;

namespace Stayfull.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL server shared by a test class (<c>IClassFixture</c>) or collection, started once;
/// each hotel gets a fresh database in it, so tests stay apart without paying for a server each.
/// </summary>
public sealed class PostgresDatabases : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started yet.");

    /// <summary>
    /// A new, empty database; the hotel created in it migrates it. Pooled connections skip the session reset
    /// (DISCARD ALL) on their way back to the pool: the app sets no session state, and a test that opens
    /// thousands of short sessions would otherwise pay a reset for each.
    /// </summary>
    public async Task<TestDatabase> CreateAsync() => TestDatabase.Postgres(await Server.CreateDatabaseAsync() + ";No Reset On Close=true");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
