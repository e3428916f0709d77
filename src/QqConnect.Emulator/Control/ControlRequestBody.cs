using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace QqConnect.Emulator.Control;

/// <summary>Reads a control request's JSON body: <c>application/json</c> only, at most <see cref="MaxBytes"/>, checked key by key.</summary>
internal static class ControlRequestBody
{
    /// <summary>The largest body the control API reads (64 KiB).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <exception cref="ControlInputException">The body is not JSON of the expected shape, too large, or not <c>application/json</c>.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class
    {
        // A JSON content type also keeps a web page from sending a control request without a CORS preflight.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ControlInputException("the body must be JSON, sent with Content-Type: application/json") { StatusCode = 415 };
        }

        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw new ControlInputException("the body is empty; send a JSON object");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ControlInputException("the body must be a JSON object { ... }");
            }
        }
        catch (JsonException exception)
        {
            throw new ControlInputException(ControlJsonError.NotJson(exception), exception);
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, info) ?? throw new ControlInputException("the body must be a JSON object { ... }");
        }
        catch (JsonException exception)
        {
            throw new ControlInputException(ControlJsonError.WrongShape(exception, info), exception);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ControlInputException TooLarge() =>
        new($"the body is larger than {MaxBytes / 1024} KiB") { StatusCode = 413 };
}
