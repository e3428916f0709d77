using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace QqConnect.AspNetCore.Emulator.Internal;

/// <summary>
/// Turns an ASP.NET Core request into an <see cref="EmulatorRequest"/> and the emulator's answer into the response,
/// playing injected faults (a dropped connection, a trickled body). The one adapter of both the emulator's Kestrel
/// server and the emulator served inside a site.
/// </summary>
internal static class EmulatorHttpAdapter
{
    /// <summary>
    /// The address the browser sees the emulator at: scheme, host and path base of <paramref name="request"/>, with a
    /// trailing slash. Links the emulator makes (avatars) point under it.
    /// </summary>
    public static Uri PublicBaseAddress(HttpRequest request) => new(Origin(request) + request.PathBase.Value + "/");

    /// <summary>The scheme and host (with port) the browser used.</summary>
    public static string Origin(HttpRequest request) => request.Scheme + "://" + request.Host.Value;

    /// <summary>The largest form body read (the authorize form, a token POST): QQ's are a few hundred bytes.</summary>
    public const int MaxFormBytes = 64 * 1024;

    public static async Task ServeAsync(HttpContext context, QqConnectEmulator emulator, Action<string>? log)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        string? form = null;
        if (HttpMethods.IsPost(request.Method))
        {
            form = await ReadFormAsync(request, aborted).ConfigureAwait(false);
            if (form is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"The form body is over {MaxFormBytes} bytes; QQ's forms are a few hundred.", aborted).ConfigureAwait(false);
                return;
            }
        }

        var emulatorRequest = new EmulatorRequest(request.Method, request.Path.HasValue ? request.Path.Value! : "/", PublicBaseAddress(request))
        {
            Query = request.QueryString.Value,
            FormBody = form,
        };

        EmulatorResponse answer;
        try
        {
            answer = await emulator.HandleAsync(emulatorRequest, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method} {emulatorRequest.Path} -> {(answer.DropConnection ? "dropped" : answer.StatusCode.ToString(CultureInfo.InvariantCulture))}"));
        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentLength = answer.Body.Length;
        try
        {
            if (answer.ChunkSize <= 0)
            {
                await response.Body.WriteAsync(answer.Body, aborted).ConfigureAwait(false);
                return;
            }

            await response.StartAsync(aborted).ConfigureAwait(false);
            for (var offset = 0; offset < answer.Body.Length; offset += answer.ChunkSize)
            {
                if (answer.ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(answer.ChunkDelay, emulator.FaultTimeProvider, aborted).ConfigureAwait(false);
                }

                var chunk = answer.Body.Slice(offset, Math.Min(answer.ChunkSize, answer.Body.Length - offset));
                await response.Body.WriteAsync(chunk, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away mid-body.
        }
    }

    /// <summary>The body as UTF-8 text, or null when it is over <see cref="MaxFormBytes"/> (read no further than that).</summary>
    private static async Task<string?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFormBytes)
        {
            return null;
        }

        var buffer = new byte[MaxFormBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > MaxFormBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
