using System.Diagnostics;
using SendGrid;
using Stayfull.Domain.Integrations;

namespace Stayfull.Integrations.SendGrid;

/// <summary>Proves the hotel's API key with <c>GET /v3/scopes</c>, which every valid key may call.</summary>
public sealed class SendGridConnectionTester(ConnectionCredentialsStore credentials, SendGridEmailSender sender, IntegrationLogWriter log) : IConnectionTester
{
    public IntegrationVendor Vendor => IntegrationVendor.SendGrid;

    public async Task<ConnectionTestResult> TestAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(hotelId, IntegrationVendor.SendGrid, cancellationToken) is not { } keys)
        {
            return new ConnectionTestResult(true, "Demo mode: emails are recorded in the message log, not sent.");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await sender.Client(keys["ApiKey"]).RequestAsync(BaseClient.Method.GET, urlPath: "scopes", cancellationToken: cancellationToken);
            var status = (int)response.StatusCode;
            var ok = response.IsSuccessStatusCode;
            var summary = ok ? "API key accepted." : $"HTTP {status}: {await SendGridEmailSender.ErrorsAsync(response, cancellationToken)}";
            await log.RecordAsync(hotelId, IntegrationVendor.SendGrid, IntegrationDirection.Outbound, "TestConnection", ok, status, Stopwatch.GetElapsedTime(started), summary, isDemo: false, cancellationToken);
            return new ConnectionTestResult(ok, ok ? "Connected to SendGrid." : $"SendGrid refused the key ({summary}).");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await log.RecordAsync(hotelId, IntegrationVendor.SendGrid, IntegrationDirection.Outbound, "TestConnection", false, null, Stopwatch.GetElapsedTime(started), ex.Message, isDemo: false, cancellationToken);
            return new ConnectionTestResult(false, $"SendGrid could not be reached: {ex.Message}");
        }
    }
}
