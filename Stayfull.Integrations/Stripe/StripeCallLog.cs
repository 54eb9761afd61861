using System.Diagnostics;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stripe;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// Runs one Stripe call and writes its line in the integration log: operation, status, duration and a
/// short summary of ids and amounts. Keys, card data and Stripe's raw bodies never go in (the writer
/// redacts anyway, as a second guard).
/// </summary>
public sealed class StripeCallLog(IntegrationLogWriter log, TimeProvider time)
{
    public async Task<T> RunAsync<T>(Guid hotelId, string operation, string request, Func<Task<T>> call, Func<T, (int Status, string Summary)> describe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            var (status, summary) = describe(result);
            await log.RecordAsync(hotelId, IntegrationVendor.Stripe, IntegrationDirection.Outbound, operation, succeeded: true, status, Stopwatch.GetElapsedTime(started), $"{request} → {summary}", isDemo: false, cancellationToken);
            return result;
        }
        catch (StripeException ex)
        {
            var failure = StripeErrors.From(ex, time);
            await RecordFailureAsync(hotelId, operation, request, failure, started, cancellationToken);
            throw failure;
        }
        catch (Exception ex) when (StripeErrors.IsUnreachable(ex, cancellationToken))
        {
            var failure = StripeErrors.Unreachable(ex);
            await RecordFailureAsync(hotelId, operation, request, failure, started, cancellationToken);
            throw failure;
        }
    }

    private Task RecordFailureAsync(Guid hotelId, string operation, string request, PaymentGatewayException failure, long started, CancellationToken cancellationToken) =>
        log.RecordAsync(hotelId, IntegrationVendor.Stripe, IntegrationDirection.Outbound, operation, succeeded: false, failure.HttpStatus, Stopwatch.GetElapsedTime(started), $"{request} → {(failure.IsTransient ? "transient" : "refused")}: {failure.Message}", isDemo: false, cancellationToken);
}
