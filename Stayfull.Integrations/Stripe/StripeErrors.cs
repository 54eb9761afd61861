using System.Net;
using Stayfull.Domain.Payments;
using Stripe;

namespace Stayfull.Integrations.Stripe;

/// <summary>
/// Sorts Stripe's failures into "try again later" (rate limits, Stripe's own errors, timeouts, network)
/// and "this request will never work" (declined cards, invalid requests, bad keys).
/// </summary>
internal static class StripeErrors
{
    public static PaymentGatewayException From(StripeException ex, TimeProvider time)
    {
        var status = (int)ex.HttpStatusCode;
        var type = ex.StripeError?.Type;
        var code = ex.StripeError?.Code;
        var transient = status == 429 || status >= 500 || status == 0
            || type is "api_error" or "rate_limit_error"
            || (status == 409 && code == "lock_timeout");
        var what = ex.StripeError is { } error
            ? $"Stripe {status} {error.Type}{(error.Code is null ? "" : "/" + error.Code)}{(error.DeclineCode is null ? "" : "/" + error.DeclineCode)}: {error.Message}"
            : $"Stripe could not be reached: {ex.Message}";
        return new PaymentGatewayException(what, transient, RetryAfter(ex.StripeResponse, time), status == 0 ? null : status, ex);
    }

    public static PaymentGatewayException Unreachable(Exception ex) =>
        new($"Stripe could not be reached: {ex.GetType().Name}: {ex.Message}", isTransient: true, retryAfter: null, httpStatus: null, ex);

    public static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static TimeSpan? RetryAfter(StripeResponse? response, TimeProvider time)
    {
        var header = response?.Headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && date > time.GetUtcNow() ? date - time.GetUtcNow() : null;
    }

    public static int StatusOf(StripeResponse? response) => response is null ? (int)HttpStatusCode.OK : (int)response.StatusCode;
}
