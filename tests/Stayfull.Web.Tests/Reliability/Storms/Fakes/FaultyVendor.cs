using System.Collections.Concurrent;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Stayfull.Web.Tests.Reliability.Storms.Fakes;

/// <summary>
/// A vendor's API on a local port that fails a seeded random share of calls: 500, 429 with Retry-After, or an
/// answer slower than the caller's timeout. It performs each distinct request (by its idempotency key, or by
/// its body where the vendor has no such key) at most once and records every call with the caller's clock, so
/// a test can count successes per intent and calls per second.
/// </summary>
public sealed class FaultyVendor : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly double _faultShare;
    private readonly TimeSpan _slowerThanTimeout;
    private readonly TimeProvider _clock;
    private readonly Func<IRequestMessage, string> _intentOf;
    private readonly Func<IRequestMessage, string, (int Status, string Body, IReadOnlyDictionary<string, string> Headers)> _success;
    private readonly bool _slowCallsSucceed;
    private readonly ConcurrentDictionary<string, (int Status, string Body, IReadOnlyDictionary<string, string> Headers)> _performed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<VendorCall> _calls = new();

    /// <param name="intentOf">What makes a request one intent: the Idempotency-Key where the vendor honours it, else the body.</param>
    /// <param name="success">The vendor's answer when it performs the request (given the intent's ordinal as an id).</param>
    /// <param name="slowCallsSucceed">
    /// Whether a call answered too late was performed anyway. True only for a vendor that dedupes by
    /// idempotency key (Stripe): for the others a retry after such a timeout would be a second send no client can prevent.
    /// </param>
    public FaultyVendor(string path, int seed, double faultShare, TimeSpan slowerThanTimeout, TimeProvider clock, Func<IRequestMessage, string> intentOf, Func<IRequestMessage, string, (int, string, IReadOnlyDictionary<string, string>)> success, bool slowCallsSucceed)
    {
        _random = new Random(seed);
        _faultShare = faultShare;
        _slowerThanTimeout = slowerThanTimeout;
        _clock = clock;
        _intentOf = intentOf;
        _success = success;
        _slowCallsSucceed = slowCallsSucceed;
        _server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithCallback(Answer));
    }

    public string Url => _server.Url!;

    /// <summary>How long each performed call takes before its answer leaves (a real vendor is never instant).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The request header that names the caller's account (Channex sends its key in <c>user-api-key</c>).</summary>
    public string AccountHeader { get; init; } = "Authorization";

    /// <summary>Every call that reached the vendor, in arrival order.</summary>
    public IReadOnlyList<VendorCall> Calls => [.. _calls];

    /// <summary>How many times each intent was performed (each must be 1).</summary>
    public IReadOnlyDictionary<string, int> Performed => Calls.Where(c => c.Performed).GroupBy(c => c.Intent).ToDictionary(g => g.Key, g => g.Count());

    public int Faults => Calls.Count(c => c.Fault is not null);

    private ResponseMessage Answer(IRequestMessage request)
    {
        var intent = _intentOf(request);
        var account = request.Headers is { } h && h.TryGetValue(AccountHeader, out var auth) ? string.Join(",", auth) : "";
        string? fault;
        lock (_gate)
        {
            var roll = _random.NextDouble();
            fault = roll >= _faultShare ? null : (roll / _faultShare) switch
            {
                < 1.0 / 3 => "500",
                < 2.0 / 3 => "429",
                _ => "timeout",
            };
        }

        var now = _clock.GetUtcNow();
        switch (fault)
        {
            case "500":
                _calls.Enqueue(new VendorCall(intent, account, now, fault, Performed: false));
                return Json(500, """{"error":{"type":"api_error","message":"An error occurred with our connection."}}""", new Dictionary<string, string>());
            case "429":
                _calls.Enqueue(new VendorCall(intent, account, now, fault, Performed: false));
                return Json(429, """{"error":{"type":"rate_limit_error","message":"Too many requests."}}""", new Dictionary<string, string> { ["Retry-After"] = "2" });
        }

        var first = false;
        var answer = fault == "timeout" && !_slowCallsSucceed
            ? (504, "{}", new Dictionary<string, string>())
            : _performed.GetOrAdd(intent, key =>
            {
                first = true;
                return _success(request, $"{_performed.Count + 1:000000}");
            });
        _calls.Enqueue(new VendorCall(intent, account, now, fault, Performed: first));
        if (Latency > TimeSpan.Zero)
        {
            Thread.Sleep(Latency);
        }

        if (fault == "timeout")
        {
            // The caller has given up by the time this answer leaves.
            Thread.Sleep(_slowerThanTimeout);
        }

        return Json(answer.Item1, answer.Item2, answer.Item3);
    }

    private static ResponseMessage Json(int status, string body, IReadOnlyDictionary<string, string> headers)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
        message.AddHeader("Content-Type", "application/json");
        foreach (var (name, value) in headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    public void Dispose() => _server.Dispose();
}

/// <summary>One call as the vendor saw it: which intent, whose account, when by the caller's clock, and how it ended.</summary>
public sealed record VendorCall(string Intent, string Account, DateTimeOffset At, string? Fault, bool Performed);

/// <summary>The vendors' answers to a request they perform.</summary>
public static class VendorAnswers
{
    public static (int, string, IReadOnlyDictionary<string, string>) StripeIntent(IRequestMessage request, string ordinal)
    {
        var form = System.Web.HttpUtility.ParseQueryString(request.Body ?? "");
        var amount = form["amount"] ?? "0";
        return (200, $$$"""{"id":"pi_fault{{{ordinal}}}","object":"payment_intent","amount":{{{amount}}},"amount_capturable":0,"amount_received":0,"capture_method":"manual","currency":"eur","status":"requires_payment_method","client_secret":"pi_fault{{{ordinal}}}_secret_x","livemode":false,"metadata":{}}""", new Dictionary<string, string> { ["Request-Id"] = "req_" + ordinal });
    }

    public static (int, string, IReadOnlyDictionary<string, string>) SendGridAccepted(IRequestMessage request, string ordinal) =>
        (202, "", new Dictionary<string, string> { ["X-Message-Id"] = "sg-" + ordinal });

    public static (int, string, IReadOnlyDictionary<string, string>) TwilioCreated(IRequestMessage request, string ordinal)
    {
        var form = System.Web.HttpUtility.ParseQueryString(request.Body ?? "");
        return (201, $$"""{"sid":"SM{{ordinal}}fault","status":"queued","to":"{{form["To"]}}","from":"{{form["From"]}}","body":"sent","direction":"outbound-api","num_segments":"1","error_code":null,"error_message":null,"date_created":"Tue, 24 Nov 2026 12:00:00 +0000"}""", new Dictionary<string, string>());
    }

    public static (int, string, IReadOnlyDictionary<string, string>) ChannexMessage(IRequestMessage request, string ordinal) =>
        (200, "{\"data\":{\"type\":\"message\",\"id\":\"msg-fault" + ordinal + "\",\"attributes\":{\"message\":\"sent\",\"sender\":\"property\",\"inserted_at\":\"2026-11-24T12:00:00.000000\"}}}", new Dictionary<string, string>());

    public static string IdempotencyKey(IRequestMessage request) =>
        request.Headers is { } h && h.TryGetValue("Idempotency-Key", out var key) ? string.Join(",", key) : throw new InvalidOperationException("A Stripe call without Idempotency-Key.");

    public static string Body(IRequestMessage request) => request.Body ?? "";

    /// <summary>The path and the body: a chat reply's booking is in its path, its text in its body.</summary>
    public static string PathAndBody(IRequestMessage request) => request.Path + " " + request.Body;
}
