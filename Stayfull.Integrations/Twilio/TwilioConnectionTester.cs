using System.Diagnostics;
using Stayfull.Domain.Integrations;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010;

namespace Stayfull.Integrations.Twilio;

/// <summary>Proves the account SID and token with <c>GET /2010-04-01/Accounts/{sid}.json</c>.</summary>
public sealed class TwilioConnectionTester(ConnectionCredentialsStore credentials, TwilioSmsSender sender, IntegrationLogWriter log) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.Twilio;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(hotelId, IntegrationVendor.Twilio, cancellationToken) is not { } keys)
        {
            return new ConnectionTestResult(true, "Demo mode: SMS are recorded in the message log, not sent.");
        }

        var http = sender.Http();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var account = await AccountResource.FetchAsync(pathSid: keys["AccountSid"], client: TwilioSmsSender.Client(keys, http));
            await log.RecordAsync(hotelId, IntegrationVendor.Twilio, IntegrationDirection.Outbound, "TestConnection", true, (int?)http.LastResponse?.StatusCode, Stopwatch.GetElapsedTime(started), $"Account is {account.Status}.", isDemo: false, cancellationToken);
            return new ConnectionTestResult(true, $"Connected to Twilio (account {account.Status}).");
        }
        catch (TwilioException ex)
        {
            var status = ex is ApiException api && api.Status > 0 ? api.Status : (int?)http.LastResponse?.StatusCode;
            await log.RecordAsync(hotelId, IntegrationVendor.Twilio, IntegrationDirection.Outbound, "TestConnection", false, status, Stopwatch.GetElapsedTime(started), ex.Message, isDemo: false, cancellationToken);
            return new ConnectionTestResult(false, $"Twilio refused the credentials or could not be reached: {ex.Message}");
        }
    }
}
