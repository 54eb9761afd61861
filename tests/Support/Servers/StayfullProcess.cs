using System.Diagnostics;
using System.Globalization;

namespace Stayfull.Tests.Support.Servers;

/// <summary>
/// The built web app (<c>Stayfull.Web.dll</c>) as its own operating-system process on
/// http://127.0.0.1:{port}, configured through environment variables, as a deployment would run it.
/// Started once <c>/health</c> answers 200; <see cref="Kill"/> ends it with SIGKILL (no shutdown code runs),
/// <see cref="RestartAsync"/> starts it again on the same port and settings.
/// </summary>
public sealed class StayfullProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private StayfullProcess(IReadOnlyDictionary<string, string?> settings, int port, string name)
    {
        _settings = settings;
        Port = port;
        Name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process?.Id ?? 0;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <param name="settings">Configuration keys (e.g. <c>Database:Provider</c>) passed as environment variables.</param>
    /// <param name="name">Shown in failure messages, e.g. "A".</param>
    public static async Task<StayfullProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string name = "web", TimeSpan? startTimeout = null)
    {
        var app = new StayfullProcess(settings, FreeTcpPort.Next(), name);
        await app.LaunchAsync(startTimeout ?? TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await CommandLine.StopAsync(process.Id, "TERM", TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync();
        }
    }

    public async Task RestartAsync(TimeSpan? startTimeout = null)
    {
        Kill();
        _process?.Dispose();
        _process = null;
        await LaunchAsync(startTimeout ?? TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private async Task LaunchAsync(TimeSpan startTimeout)
    {
        var (dll, contentRoot) = LocateApp();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);

        // Development: the static web assets manifest maps _framework/blazor.web.js and _content/MudBlazor/*
        // to the SDK and package folders, as under `dotnet run`.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Web process {Name} exited with {process.ExitCode} while starting:\n{OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (DateTime.UtcNow > deadline)
            {
                Kill();
                throw new TimeoutException($"Web process {Name} was not healthy within {startTimeout}:\n{OutputTail}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue($"[{Name}] {line}");
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The web project's build output of the same configuration as the running tests.</summary>
    private static (string Dll, string ContentRoot) LocateApp()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Stayfull.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"No Stayfull.sln above {AppContext.BaseDirectory}.");
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var contentRoot = Path.Combine(folder.FullName, "Stayfull.Web");
        var dll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "Stayfull.Web.dll");
        return File.Exists(dll)
            ? (dll, contentRoot)
            : throw new InvalidOperationException($"{dll} is missing: build the solution ({configuration}) first.");
    }
}
