using Microsoft.AspNetCore.Http;

namespace Sextant.Server.Endpoints;

/// <summary>Reads a request body whole, refusing one larger than a limit with 413 before it is all read.</summary>
internal static class Bodies
{
    /// <exception cref="BadHttpRequestException">The body is larger than <paramref name="maxBytes"/> (413).</exception>
    public static async Task<byte[]> Read(HttpContext context, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(int maxBytes) =>
        new($"the body is larger than {maxBytes:N0} bytes", StatusCodes.Status413PayloadTooLarge);
}
