namespace Stayfull.Web.Integrations;

/// <summary>Reads a webhook's body into memory up to a limit, for the endpoints that must answer 413 rather than buffer an unbounded upload.</summary>
internal static class LimitedRequestBody
{
    /// <summary>The body, positioned at its start, or null when it exceeds <paramref name="maxBytes"/> (checked while reading, not only from Content-Length).</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
