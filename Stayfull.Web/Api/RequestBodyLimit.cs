using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Stayfull.Web.Api;

/// <summary>
/// Holds a request to its endpoint's declared body limit on every server. Kestrel enforces the limit itself;
/// servers that do not (the in-memory test server, some proxies' hosts) get the same answer from here:
/// a declared length over the limit is refused before the body is read, an undeclared one when it grows past it.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>JSON commands are small; anything larger is a mistake or an attack.</summary>
    public const long ApiMaxBytes = 64 * 1024;

    public static RouteGroupBuilder WithBodyLimit(this RouteGroupBuilder group, long maxBytes) =>
        group.WithMetadata(new BodyLimitMetadata(maxBytes));

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is not { } max)
            {
                await next(context);
                return;
            }

            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request is too large.",
                        Detail = $"This endpoint accepts at most {max / 1024} KB.",
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is null)
            {
                context.Request.Body = new LimitedStream(context.Request.Body, max);
            }

            await next(context);
        });

    private sealed class BodyLimitMetadata(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxBytes;
    }

    /// <summary>Reads through to the request body and fails as Kestrel does (413) once more than the limit arrives.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit / 1024} KB.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
