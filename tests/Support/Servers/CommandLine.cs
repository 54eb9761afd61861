using System.Diagnostics;

namespace Stayfull.Tests.Support.Servers;

/// <summary>Runs a command to its end and fails with its output when it does not succeed.</summary>
public static class CommandLine
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        var text = await output + await errors;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{text}");
        }

        return text;
    }

    /// <summary>Sends a signal to a process by its id (the servers here are daemons, not our children).</summary>
    public static Task SignalAsync(int processId, string signal) =>
        RunAsync("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public static bool IsAlive(int processId) => Directory.Exists($"/proc/{processId}");

    /// <summary>Asks a process to stop with <paramref name="signal"/>, then kills it if it is still there after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(int processId, string signal, TimeSpan grace)
    {
        if (!IsAlive(processId))
        {
            return;
        }

        try
        {
            await SignalAsync(processId, signal);
        }
        catch (InvalidOperationException)
        {
            return; // it ended between the check and the signal
        }

        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(processId) && !IsZombie(processId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (IsAlive(processId) && !IsZombie(processId))
        {
            try
            {
                await SignalAsync(processId, "KILL");
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private static bool IsZombie(int processId)
    {
        try
        {
            var status = File.ReadAllText($"/proc/{processId}/stat");
            var afterName = status[(status.LastIndexOf(')') + 2)..];
            return afterName.StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
