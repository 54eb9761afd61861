using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.Integrations;

/// <summary>
/// A Stripe-like webhook applier that records every call. Its state is a register per payment that keeps
/// the status of the highest version seen, so the final state does not depend on delivery order, as a
/// real applier comparing the vendor's event timestamps or object versions must behave.
/// </summary>
public sealed class RecordingApplier : IWebhookApplier
{
    private readonly ConcurrentQueue<string> _applied = new();
    private readonly ConcurrentDictionary<string, (int Version, string Status)> _payments = new(StringComparer.Ordinal);

    public IntegrationVendor Vendor => IntegrationVendor.Stripe;

    /// <summary>While true, every call throws, as a domain failure (or a bug) would.</summary>
    public bool Failing { get; set; }

    public IReadOnlyList<string> Applied => [.. _applied];

    public string? StatusOf(string payment) => _payments.TryGetValue(payment, out var state) ? state.Status : null;

    public Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The folio could not be updated.");
        }

        var body = JsonSerializer.Deserialize<PaymentEvent>(inboxEvent.Payload, JsonOptions)!;
        _payments.AddOrUpdate(body.Payment, (body.Version, body.Status), (_, current) => body.Version > current.Version ? (body.Version, body.Status) : current);
        _applied.Enqueue(inboxEvent.ExternalId);
        return Task.CompletedTask;
    }

    public static string Payload(string payment, int version, string status) =>
        JsonSerializer.Serialize(new PaymentEvent(payment, version, status), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record PaymentEvent(string Payment, int Version, string Status);
}

/// <summary>An SMS dispatcher that answers with scripted results in turn (then success) and records each call.</summary>
public sealed class ScriptedDispatcher : IOutboxDispatcher
{
    private readonly ConcurrentQueue<DispatchResult> _script = new();
    private readonly ConcurrentQueue<string> _calls = new();

    public IntegrationVendor Vendor => IntegrationVendor.Twilio;

    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Runs while the vendor is "busy" with a call: a slow answer, or what other instances do meanwhile.</summary>
    public Func<OutboxMessage, Task>? During { get; set; }

    public void Then(DispatchResult result) => _script.Enqueue(result);

    public async Task<DispatchResult> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        _calls.Enqueue(message.IdempotencyKey);
        if (During is { } during)
        {
            await during(message);
        }

        return _script.TryDequeue(out var next) ? next : DispatchResult.Succeeded("SM" + Guid.NewGuid().ToString("N"));
    }
}

/// <summary>Stands in for Data Protection in domain tests, which never look at credentials.</summary>
public sealed class ReversingProtector : ICredentialProtector
{
    public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

    public string Unprotect(string protectedText) => new([.. protectedText.Reverse()]);
}

/// <summary>A test hotel whose processors hand work to the recording fakes above.</summary>
public static class PipelineHotel
{
    public static Task<TestHotel> CreateAsync(string? databaseFile = null) =>
        TestHotel.CreateAsync(roomTypes: 1, roomsPerType: 1, databaseFile: databaseFile, configure: services => services
            .AddLogging()
            .AddSingleton<RecordingApplier>()
            .AddSingleton<IWebhookApplier>(sp => sp.GetRequiredService<RecordingApplier>())
            .AddSingleton<ScriptedDispatcher>()
            .AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<ScriptedDispatcher>())
            .AddSingleton<ICredentialProtector, ReversingProtector>()
            .Configure<VendorRateLimitOptions>(o => o.PerSecond[IntegrationVendor.Twilio] = 1000));

    public static RecordingApplier Applier(this TestHotel hotel) => hotel.Services.GetRequiredService<RecordingApplier>();

    public static ScriptedDispatcher Dispatcher(this TestHotel hotel) => hotel.Services.GetRequiredService<ScriptedDispatcher>();

    public static Task<InboxOutcome> DeliverAsync(this TestHotel hotel, string eventId, string payload = "{}") =>
        hotel.Services.GetRequiredService<WebhookInbox>().StoreAsync(hotel.HotelId, IntegrationVendor.Stripe, eventId, "payment_intent.succeeded", payload, CancellationToken.None);

    public static Task<int> ProcessInboxAsync(this TestHotel hotel) =>
        hotel.Services.GetRequiredService<InboxProcessor>().ProcessDueAsync(50, CancellationToken.None);

    public static Task<int> ProcessOutboxAsync(this TestHotel hotel) =>
        hotel.Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync(50, CancellationToken.None);
}
