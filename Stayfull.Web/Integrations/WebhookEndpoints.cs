using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;

namespace Stayfull.Web.Integrations;

/// <summary>
/// <c>POST /webhooks/{vendor}/{hotelId}</c>: verify the vendor's signature (401, nothing stored), check size
/// and shape (413/400), store each event in the inbox under its unique key, and acknowledge at once.
/// The domain applies the events later; a redelivery is acknowledged and does nothing.
/// </summary>
public static class WebhookEndpoints
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{vendor}/{hotelId:guid}", ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ReceiveWebhook");
        return app;
    }

    internal static async Task<IResult> ReceiveAsync(
        string vendor,
        Guid hotelId,
        HttpRequest request,
        IEnumerable<IWebhookVerifier> verifiers,
        WebhookInbox inbox,
        StayfullDb database,
        IntegrationLogWriter log,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        if (!Enum.TryParse<IntegrationVendor>(vendor, ignoreCase: true, out var which) || verifiers.FirstOrDefault(v => v.Vendor == which) is not { } verifier)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown webhook.", $"No vendor '{vendor}' receives webhooks here.");
        }

        await using (var db = database.ForPlatform())
        {
            if (!await db.Hotels.AnyAsync(h => h.Id == hotelId, cancellationToken))
            {
                return Problem(StatusCodes.Status404NotFound, "Unknown webhook.", "No such hotel.");
            }
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too large.", $"A webhook is at most {MaxBodyBytes / 1024} KB.");
        }

        var started = Stopwatch.GetTimestamp();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var publicUrl = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        var verification = await verifier.VerifyAsync(hotelId, new WebhookRequest(body, headers, publicUrl, request.ContentType), cancellationToken);
        switch (verification.Verdict)
        {
            case WebhookVerdict.Rejected:
                // Nothing is stored for an unauthenticated request, not even a log row an attacker could flood.
                logger.LogWarning("Rejected a {Vendor} webhook for hotel {HotelId}: {Problem}", which, hotelId, verification.Problem);
                return Problem(StatusCodes.Status401Unauthorized, "Signature check failed.", verification.Problem);
            case WebhookVerdict.Malformed:
                logger.LogWarning("Malformed {Vendor} webhook for hotel {HotelId}: {Problem}", which, hotelId, verification.Problem);
                return Problem(StatusCodes.Status400BadRequest, "Unreadable webhook.", verification.Problem);
        }

        var stored = 0;
        foreach (var verified in verification.Events)
        {
            if (await inbox.StoreAsync(hotelId, which, verified.ExternalId, verified.EventType, verified.Payload, cancellationToken) == InboxOutcome.Stored)
            {
                stored++;
            }
        }

        var summary = string.Join(", ", verification.Events.Take(10).Select(e => $"{e.EventType} {e.ExternalId}"));
        await log.RecordAsync(hotelId, which, IntegrationDirection.Inbound, "Webhook", succeeded: true, StatusCodes.Status200OK, Stopwatch.GetElapsedTime(started), $"{stored} new, {verification.Events.Count - stored} repeated: {summary}", isDemo: false, cancellationToken);
        if (which == IntegrationVendor.Twilio)
        {
            // Twilio reads the answer as TwiML; an empty <Response/> means "no reply to the guest".
            return TypedResults.Text("<Response/>", "text/xml");
        }

        return TypedResults.Ok(new WebhookReceipt(stored, verification.Events.Count - stored));
    }

    /// <summary>The raw body as sent, or null when it exceeds the limit.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        await using var buffer = await LimitedRequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        return buffer is null ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}

public sealed record WebhookReceipt(int Stored, int Duplicates);
