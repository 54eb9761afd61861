using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SendGrid;
using SendGrid.Helpers.Mail;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Integrations.SendGrid;

/// <summary>
/// Sends email with the SendGrid SDK over a factory-made <see cref="HttpClient"/> (no SDK retries: the outbox
/// retries). Our message id travels as a custom arg so events correlate; it carries no personal data.
/// A hotel without SendGrid credentials is served by <see cref="DemoEmailSender"/>.
/// </summary>
public sealed class SendGridEmailSender(
    ConnectionCredentialsStore credentials,
    IHttpClientFactory httpClients,
    IOptions<SendGridOptions> options,
    IntegrationLogWriter log,
    DemoEmailSender demo,
    TimeProvider time) : IEmailSender
{
    public const string MessageIdArg = "stayfull_message_id";
    private const string Operation = "SendEmail";

    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(email.HotelId, IntegrationVendor.SendGrid, cancellationToken) is not { } keys)
        {
            return await demo.SendAsync(email, cancellationToken);
        }

        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(keys["FromEmail"], email.FromName),
            new EmailAddress(email.To, string.IsNullOrWhiteSpace(email.ToName) ? null : email.ToName),
            email.Subject,
            email.Text,
            email.Html);
        message.AddGlobalCustomArg(MessageIdArg, email.MessageId.ToString());

        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = Client(keys["ApiKey"]);
            var response = await client.SendEmailAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted || response.IsSuccessStatusCode)
            {
                var vendorId = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
                if (string.IsNullOrEmpty(vendorId))
                {
                    // Without the id no event could ever be matched; SendGrid always sends it with a 202.
                    await LogAsync(email, false, status, started, "accepted without X-Message-Id", cancellationToken);
                    return SendResult.Transient("SendGrid accepted the message but gave no X-Message-Id.");
                }

                await LogAsync(email, true, status, started, $"accepted as {vendorId}", cancellationToken);
                return SendResult.Accepted(vendorId);
            }

            var errors = await ErrorsAsync(response, cancellationToken);
            var summary = $"HTTP {status}: {errors}";
            await LogAsync(email, false, status, started, summary, cancellationToken);
            return response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500
                ? SendResult.Transient($"SendGrid {summary}", RetryAfterHeader.From(response.Headers, time.GetUtcNow()))
                : SendResult.Rejected($"SendGrid refused the email ({summary}).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await LogAsync(email, false, null, started, "timed out", cancellationToken);
            return SendResult.Transient("SendGrid did not answer in time.");
        }
        catch (HttpRequestException ex)
        {
            await LogAsync(email, false, null, started, $"network error: {ex.Message}", cancellationToken);
            return SendResult.Transient($"SendGrid could not be reached: {ex.Message}");
        }
    }

    internal SendGridClient Client(string apiKey) =>
        new(httpClients.CreateClient(SendGridOptions.HttpClientName), new SendGridClientOptions { ApiKey = apiKey, Host = options.Value.Host });

    /// <summary>The messages of SendGrid's <c>{"errors":[{"message","field"}]}</c>, or the raw start of the body.</summary>
    internal static async Task<string> ErrorsAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() + ": " : "") +
                    (e.TryGetProperty("message", out var m) ? m.GetString() : "")));
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's page): show its start.
        }

        return body.Length > 200 ? body[..200] : body;
    }

    private Task LogAsync(OutgoingEmail email, bool succeeded, int? status, long started, string summary, CancellationToken cancellationToken) =>
        log.RecordAsync(email.HotelId, IntegrationVendor.SendGrid, IntegrationDirection.Outbound, Operation, succeeded, status, Stopwatch.GetElapsedTime(started), $"Message {email.MessageId}: {summary}", isDemo: false, cancellationToken);
}
