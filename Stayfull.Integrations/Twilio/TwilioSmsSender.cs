using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Stayfull.Integrations.Twilio;

/// <summary>
/// Sends SMS with the official Twilio SDK over a factory-made <see cref="System.Net.Http.HttpClient"/>, asking
/// for status callbacks at our webhook. Twilio has no idempotency key for Messages: a message that already
/// has a sid is never sent again (the dispatcher checks), which leaves only a crash between Twilio's answer
/// and our save as a possible duplicate. A hotel without Twilio credentials is served by <see cref="DemoSmsSender"/>.
/// </summary>
public sealed class TwilioSmsSender(
    ConnectionCredentialsStore credentials,
    IHttpClientFactory httpClients,
    IOptions<TwilioOptions> options,
    IntegrationLogWriter log,
    DemoSmsSender demo,
    TimeProvider time) : ISmsSender
{
    /// <summary>"Attempt to send to unsubscribed recipient": the number replied STOP to this sender.</summary>
    public const int UnsubscribedRecipient = 21610;

    /// <summary>"Too many requests": the account's concurrency limit.</summary>
    public const int TooManyRequests = 20429;

    private const string Operation = "SendSms";

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(sms.HotelId, IntegrationVendor.Twilio, cancellationToken) is not { } keys)
        {
            return await demo.SendAsync(sms, cancellationToken);
        }

        var http = Http();
        var client = Client(keys, http);
        var callback = options.Value.StatusCallbackFor(sms.HotelId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var message = await MessageResource.CreateAsync(
                to: new PhoneNumber(sms.To),
                from: new PhoneNumber(keys["FromNumber"]),
                body: sms.Body,
                statusCallback: callback,
                client: client);
            await LogAsync(sms, true, (int?)http.LastResponse?.StatusCode, started, $"accepted as {message.Sid} ({message.Status})", cancellationToken);
            return SendResult.Accepted(message.Sid);
        }
        catch (ApiConnectionException ex)
        {
            // Timeouts and network failures arrive here, wrapped by the SDK.
            await LogAsync(sms, false, null, started, $"no answer: {ex.InnerException?.Message ?? ex.Message}", cancellationToken);
            return SendResult.Transient($"Twilio could not be reached: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (ApiException ex)
        {
            var status = ex.Status > 0 ? ex.Status : (int?)http.LastResponse?.StatusCode ?? 0;
            var summary = $"HTTP {status}, error {ex.Code}: {ex.Message}" + (ex.MoreInfo is { Length: > 0 } more ? $" ({more})" : "");
            await LogAsync(sms, false, status, started, summary, cancellationToken);
            if (status == (int)HttpStatusCode.TooManyRequests || ex.Code == TooManyRequests || status >= 500)
            {
                return SendResult.Transient($"Twilio {summary}", RetryAfterHeader.From(http.LastResponse?.Headers, time.GetUtcNow()));
            }

            return ex.Code == UnsubscribedRecipient
                ? SendResult.Rejected($"The recipient replied STOP to this number; Twilio refuses to text them ({summary}).", recipientOptedOut: true)
                : SendResult.Rejected($"Twilio refused the SMS ({summary}).");
        }
        catch (TwilioException ex)
        {
            var status = (int?)http.LastResponse?.StatusCode;
            await LogAsync(sms, false, status, started, ex.Message, cancellationToken);
            return status is null or >= 500 ? SendResult.Transient($"Twilio: {ex.Message}") : SendResult.Rejected($"Twilio refused the SMS: {ex.Message}");
        }
    }

    /// <summary>The SDK's HTTP client over a factory-made one; a fresh wrapper per call keeps its LastResponse ours.</summary>
    internal SystemNetHttpClient Http() => new(httpClients.CreateClient(TwilioOptions.HttpClientName));

    internal static TwilioRestClient Client(VendorCredentials keys, SystemNetHttpClient http) =>
        new(keys["AccountSid"], keys["AuthToken"], accountSid: keys["AccountSid"], httpClient: http);

    private Task LogAsync(OutgoingSms sms, bool succeeded, int? status, long started, string summary, CancellationToken cancellationToken) =>
        log.RecordAsync(sms.HotelId, IntegrationVendor.Twilio, IntegrationDirection.Outbound, Operation, succeeded, status, Stopwatch.GetElapsedTime(started), $"Message {sms.MessageId}: {summary}", isDemo: false, cancellationToken);
}
