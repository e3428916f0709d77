using System.Buffers;
using QqConnect.Client.Parsing;

namespace QqConnect.Client.Transport;

/// <summary>Reads an answer into a pooled buffer, never more than the configured cap.</summary>
internal static class ResponseBodyReader
{
    private const int InitialSize = 4096;

#if NET6_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int maxBytes, CallContext context, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        if (announced > maxBytes)
        {
            throw TooLarge(context, maxBytes);
        }

#if NET5_0_OR_GREATER
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, announced is { } length ? length + 1 : InitialSize));
        var total = 0;
        try
        {
            using (stream)
            {
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        if (total > maxBytes)
                        {
                            throw TooLarge(context, maxBytes);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
                        Buffer.BlockCopy(buffer, 0, larger, 0, total);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

#if NET5_0_OR_GREATER
                    var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > maxBytes)
                    {
                        throw TooLarge(context, maxBytes);
                    }

                    if (total == announced)
                    {
                        // All the announced bytes are in: no last read to learn that the stream ended.
                        break;
                    }
                }
            }

            var body = new ResponseBody(buffer, total);
            buffer = null;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static QqConnectException TooLarge(CallContext context, int maxBytes) =>
        context.Fail(QqConnectErrorKind.ResponseTooLarge, $"QQ Connect answered {context.Operation} with a body larger than {maxBytes} bytes (QqConnectOptions.MaxResponseBodySize).");
}
