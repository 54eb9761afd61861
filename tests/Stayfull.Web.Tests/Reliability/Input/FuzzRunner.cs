using System.Diagnostics;
using System.Text.Json;

namespace Stayfull.Web.Tests.Reliability.Input;

/// <summary>
/// Sends fuzz requests one at a time and checks each answer: never a 5xx, the expected status where one is
/// promised, problem details on the machine paths, and no stored row for a refused request (every table's
/// count and highest rowid, read before and after the request).
/// </summary>
internal sealed class FuzzRunner(StoredRows rows, int seed)
{
    private const int MaxReported = 60;

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, Dictionary<int, int>> _statuses = new(StringComparer.Ordinal);
    private long[] _counts = rows.Counts();

    private readonly Dictionary<string, TimeSpan> _time = new(StringComparer.Ordinal);

    public int Sent { get; private set; }

    /// <summary>Time spent per family, to see where a slow run goes.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Time => _time;

    public int FailureCount { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyDictionary<string, Dictionary<int, int>> Statuses => _statuses;

    /// <summary>Sends <paramref name="request"/>; returns its status code.</summary>
    /// <param name="expect">Statuses the request must get (null: any below 500).</param>
    /// <param name="problemDetails">The path promises a problem-details body on every 4xx.</param>
    /// <param name="acceptedMayWrite">Tables an accepted request may write (null: any); a webhook writes the inbox and its log only.</param>
    /// <param name="refusedMayWrite">Tables a refused request may still write, each named with its reason at the call.</param>
    /// <param name="serverError">A 5xx the endpoint answers by design (the health check's 503), not a failure.</param>
    public async Task<int> SendAsync(HttpClient client, string family, string what, WireRequest request, int[]? expect = null, bool problemDetails = false, IReadOnlyCollection<string>? acceptedMayWrite = null, IReadOnlyCollection<string>? refusedMayWrite = null, int? serverError = null)
    {
        Sent++;
        var started = Stopwatch.GetTimestamp();
        using var message = request.ToMessage();
        int status;
        string body;
        string? contentType;
        string? location;
        try
        {
            using var response = await client.SendAsync(message);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
            contentType = response.Content.Headers.ContentType?.MediaType;
            location = response.Headers.Location?.OriginalString;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            // The in-memory server surfaces an unhandled exception in the app this way: a 500 on a real server.
            Fail(family, what, request, $"threw {ex.GetType().Name}: {ex.Message}");
            _counts = rows.Counts();
            return 500;
        }

        var after = rows.Counts();
        var changed = rows.Changed(_counts, after);
        _counts = after;
        var tally = _statuses.TryGetValue(family, out var t) ? t : _statuses[family] = [];
        tally[status] = tally.GetValueOrDefault(status) + 1;
        _time[family] = _time.GetValueOrDefault(family) + Stopwatch.GetElapsedTime(started);

        if (status >= 500 && status != serverError)
        {
            Fail(family, what, request, $"answered {status}: {Shorten(body)}");
        }
        else if (expect is not null && !expect.Contains(status))
        {
            Fail(family, what, request, $"answered {status}, expected {string.Join(" or ", expect)}: {Shorten(body)}");
        }

        var refused = status >= 400 || (status is >= 300 and < 400 && IsRefusalRedirect(location));
        if (refused && changed.Except(refusedMayWrite ?? []).ToList() is { Count: > 0 } stored)
        {
            Fail(family, what, request, $"answered {status} yet stored rows in {string.Join(", ", stored)}");
        }
        else if (!refused && acceptedMayWrite is not null && changed.Except(acceptedMayWrite).ToList() is { Count: > 0 } beyond)
        {
            Fail(family, what, request, $"answered {status} and wrote beyond {string.Join(", ", acceptedMayWrite)}: {string.Join(", ", beyond)}");
        }

        if (problemDetails && status is >= 400 and < 500 && !IsProblem(contentType, body, status))
        {
            Fail(family, what, request, $"answered {status} without problem details ({contentType}): {Shorten(body)}");
        }

        return status;
    }

    public string Report() =>
        $"seed {seed} (set STAYFULL_FUZZ_SEED to replay): {FailureCount} failures in {Sent} requests\n" + string.Join('\n', _failures);

    private static bool IsRefusalRedirect(string? location) =>
        location is not null && (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase) || location.Contains("/not-found", StringComparison.OrdinalIgnoreCase));

    private static bool IsProblem(string? contentType, string body, int status)
    {
        if (contentType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == status;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void Fail(string family, string what, WireRequest request, string problem)
    {
        FailureCount++;
        if (_failures.Count < MaxReported)
        {
            _failures.Add($"#{Sent} [{family}] {what}: {request.Method} {Shorten(request.Path, 120)} ({request.ContentType ?? "no content type"}, {request.Body?.Length ?? 0} bytes{(request.Chunked ? ", chunked" : "")}) {problem}");
        }
    }

    private static string Shorten(string text, int max = 300) => text.Length <= max ? text : text[..max] + "…";

}
