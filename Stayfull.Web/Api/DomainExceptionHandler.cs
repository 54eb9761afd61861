using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Stayfull.Domain.Common;

namespace Stayfull.Web.Api;

/// <summary>Turns a refusal from the domain (or a malformed request) into a problem-details answer, never a 500.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            ValidationException => (StatusCodes.Status400BadRequest, "The request is not valid."),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            SoldOutException => (StatusCodes.Status409Conflict, "Sold out."),
            ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Changed by someone else."),
            RuleViolationException => (StatusCodes.Status422UnprocessableEntity, "Not allowed right now."),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Not allowed for your role."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            // The JSON reader's answer to a charset it does not know (e.g. "application/json; charset=nonsense").
            InvalidOperationException { InnerException: ArgumentException } when httpContext.Request.HasJsonContentType() => (StatusCodes.Status415UnsupportedMediaType, "The request's charset is not supported."),
            _ => (0, ""),
        };
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = exception is ValidationException invalid
            ? new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = title, Status = status, Detail = exception.Message }
            : new ProblemDetails { Title = title, Status = status, Detail = exception.Message };
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }))
        {
            return true;
        }

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            // A person's browser (Accept: text/html) gets the friendly error page.
            return false;
        }

        // The writer declines when the caller's Accept names no JSON type; an API refusal is still problem details.
        await httpContext.Response.WriteAsJsonAsync(details, details.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }
}
