using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stayfull.Tests.Support.Servers;

/// <summary>
/// A throwaway Redis server on 127.0.0.1 and a free port (Debian <c>redis-server</c>, installed by the test
/// script), daemonised with no persistence, stopped by its own process id.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private int _processId;

    private RedisServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            throw new InvalidOperationException("Redis is not installed (/usr/bin/redis-server). ./test.sh installs the Debian package 'redis-server'.");
        }

        var folder = Directory.CreateTempSubdirectory("stayfull-redis-").FullName;
        var server = new RedisServer(folder, FreeTcpPort.Next());
        var pidFile = Path.Combine(folder, "redis.pid");
        try
        {
            await CommandLine.RunAsync("/usr/bin/redis-server",
            [
                "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--daemonize", "yes",
                "--pidfile", pidFile, "--dir", folder, "--logfile", Path.Combine(folder, "redis.log"),
                "--save", "", "--appendonly", "no",
            ]);

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!(File.Exists(pidFile) && await server.PingAsync()))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Redis did not answer on port {server.Port}.");
                }

                await Task.Delay(50);
            }

            server._processId = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_processId > 0)
        {
            await CommandLine.StopAsync(_processId, "TERM", TimeSpan.FromSeconds(10));
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the operating system's to clean.
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
