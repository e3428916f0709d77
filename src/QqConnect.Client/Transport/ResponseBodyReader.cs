using System.Buffers;
using System.IO.Compression;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Transport;

/// <summary>
/// Reads an answer into a pooled buffer, never more than the configured cap. The SDK does not ask for compression
/// (QQ's answers are a few hundred bytes; <c>Accept-Encoding</c> on every request and a decompression layer on every
/// answer cost more than they save), but an answer compressed anyway (gzip or deflate) is decoded here, the cap
/// counting decoded bytes.
/// </summary>
internal static class ResponseBodyReader
{
    private const int InitialSize = 4096;

#if NET6_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int maxBytes, CallContext context, CancellationToken cancellationToken)
    {
        var announced = content.Headers.ContentLength;
        var encoding = ContentEncodingOf(content);
        if (encoding != Encoding.Identity)
        {
            // The announced length is the compressed one: it neither caps nor ends the decoded bytes.
            announced = null;
        }

        if (announced > maxBytes)
        {
            throw TooLarge(context, maxBytes);
        }

#if NET5_0_OR_GREATER
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        stream = encoding switch
        {
            Encoding.Gzip => new GZipStream(stream, CompressionMode.Decompress),
            Encoding.Deflate => new DeflateStream(stream, CompressionMode.Decompress),
            _ => stream,
        };
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
        catch (InvalidDataException ex)
        {
            throw context.Fail(QqConnectErrorKind.InvalidResponse, Messages.Format(Strings.CompressedBodyUnreadable, context.Operation), ex);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private enum Encoding
    {
        Identity,
        Gzip,
        Deflate,
    }

    // Looked up without parsing or allocating when the header is absent (every answer QQ sends uncompressed).
    private static Encoding ContentEncodingOf(HttpContent content)
    {
#if NET6_0_OR_GREATER
        if (!content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values))
        {
            return Encoding.Identity;
        }
#else
        if (!content.Headers.TryGetValues("Content-Encoding", out var values))
        {
            return Encoding.Identity;
        }
#endif

        var result = Encoding.Identity;
        foreach (var value in values)
        {
            var name = value.Trim();
            if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                result = Encoding.Gzip;
            }
            else if (name.Equals("deflate", StringComparison.OrdinalIgnoreCase))
            {
                result = Encoding.Deflate;
            }
        }

        return result;
    }

    private static QqConnectException TooLarge(CallContext context, int maxBytes) =>
        context.Fail(QqConnectErrorKind.ResponseTooLarge, Messages.Format(Strings.ResponseTooLarge, context.Operation, maxBytes));
}
