using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Integrations.SendGrid;

namespace Stayfull.Web.Integrations;

/// <summary>
/// <c>POST /webhooks/inbound-email/{hotelId}/{token}</c>: a guest's email as SendGrid Inbound Parse posts it
/// (multipart form). A wrong token is 401 with nothing stored; over 256 KB is 413 (attachments are not kept);
/// otherwise the email is stored in the webhook inbox, keyed by its Message-ID, and applied later.
/// </summary>
public static class InboundEmailEndpoints
{
    public static IEndpointRouteBuilder MapInboundEmailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/inbound-email/{hotelId:guid}/{token}", ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ReceiveInboundEmail");
        return app;
    }

    internal static async Task<IResult> ReceiveAsync(
        Guid hotelId,
        string token,
        HttpRequest request,
        InboundEmailTokens tokens,
        WebhookInbox inbox,
        StayfullDb database,
        IntegrationLogWriter log,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(InboundEmailEndpoints));
        if (!tokens.IsValid(hotelId, token))
        {
            // Nothing is stored for an unauthenticated request, and the token is never logged.
            logger.LogWarning("Rejected an inbound email for hotel {HotelId}: wrong token", hotelId);
            return Problem(StatusCodes.Status401Unauthorized, "Unknown address.", "This inbound email address is not valid.");
        }

        await using (var db = database.ForPlatform())
        {
            if (!await db.Hotels.AnyAsync(h => h.Id == hotelId, cancellationToken))
            {
                return Problem(StatusCodes.Status404NotFound, "Unknown address.", "No such hotel.");
            }
        }

        await using var body = await LimitedRequestBody.ReadAsync(request, WebhookEndpoints.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too large.", $"An inbound email is at most {WebhookEndpoints.MaxBodyBytes / 1024} KB; attachments are not kept.");
        }

        var started = Stopwatch.GetTimestamp();
        StoredInboundEmail email;
        try
        {
            email = SendGridInboundParse.ToStored(await SendGridInboundParse.ReadFieldsAsync(body, request.ContentType, cancellationToken));
        }
        catch (InvalidDataException ex)
        {
            logger.LogWarning("Unreadable inbound email for hotel {HotelId}: {Problem}", hotelId, ex.Message);
            return Problem(StatusCodes.Status400BadRequest, "Unreadable email.", ex.Message);
        }

        if (email.From.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unreadable email.", "The email has no sender.");
        }

        var outcome = await inbox.StoreAsync(hotelId, IntegrationVendor.SendGrid, email.MessageId, SendGridInboundParse.EventType, JsonSerializer.Serialize(email, JsonDefaults.Options), cancellationToken);
        // The summary names the email by its id only: never the sender or the text.
        await log.RecordAsync(hotelId, IntegrationVendor.SendGrid, IntegrationDirection.Inbound, "InboundEmail", succeeded: true, StatusCodes.Status200OK, Stopwatch.GetElapsedTime(started), $"{(outcome == InboxOutcome.Stored ? "new" : "repeated")} inbound email {email.MessageId}", isDemo: false, cancellationToken);
        return TypedResults.Ok(new WebhookReceipt(outcome == InboxOutcome.Stored ? 1 : 0, outcome == InboxOutcome.Duplicate ? 1 : 0));
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
