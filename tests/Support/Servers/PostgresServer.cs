using System.Globalization;
using Npgsql;

namespace Stayfull.Tests.Support.Servers;

/// <summary>
/// A throwaway PostgreSQL server on 127.0.0.1 and a free port, in its own temporary data folder, from the
/// Debian <c>postgresql</c> package (which the test script installs). PostgreSQL refuses to run as root, so
/// when the tests run as root the server runs as the <c>postgres</c> user on a folder it owns. Durability
/// settings are off: the data folder is deleted at the end, and a crash of the server is not under test.
/// Stopped by its own process id.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly string _folder;
    private readonly bool _asServiceUser;
    private int _processId;

    private PostgresServer(string folder, int port, bool asServiceUser)
    {
        _folder = folder;
        Port = port;
        _asServiceUser = asServiceUser;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync(int maxConnections = 300)
    {
        var bin = FindBinFolder();
        var asServiceUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "stayfull-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, FreeTcpPort.Next(), asServiceUser);
        try
        {
            if (asServiceUser)
            {
                await CommandLine.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", folder]);
            }

            var data = Path.Combine(folder, "data");
            await server.RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
            string[] options =
            [
                $"-p {server.Port}", $"-k {folder}", "-c listen_addresses=127.0.0.1", $"-c max_connections={maxConnections}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=64MB",
            ];
            await server.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", string.Join(' ', options), "start"]);
            var pidLine = (await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid")))[0];
            server._processId = int.Parse(pidLine, CultureInfo.InvariantCulture);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connection string to <paramref name="database"/> as the superuser, over TCP.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true;Maximum Pool Size=100;Timeout=30";

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "stayfull_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_processId > 0)
        {
            // SIGINT is PostgreSQL's fast shutdown: sessions are ended, no waiting for clients.
            await CommandLine.StopAsync(_processId, "INT", TimeSpan.FromSeconds(15));
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the operating system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private Task<string> RunAsync(string program, IEnumerable<string> arguments) =>
        _asServiceUser
            ? CommandLine.RunAsync("runuser", ["-u", ServiceUser, "--", program, .. arguments])
            : CommandLine.RunAsync(program, arguments);

    private static string FindBinFolder()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin). ./test.sh installs the Debian package 'postgresql'.");
    }
}
