using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace QqConnect.Client.Testing.Internal;

/// <summary>Serves a <see cref="QqConnectEmulator"/> in-process as an <see cref="HttpMessageHandler"/>.</summary>
internal sealed class EmulatorHttpMessageHandler(QqConnectEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The emulator handler needs an absolute request URI.");
        }

        string? form = null;
        if (request.Content is not null)
        {
            form = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        var baseAddress = request.Options.TryGetValue(EmulatorHttpRequestOptions.PublicBaseAddress, out var publicBase)
            ? publicBase
            : new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        var emulatorRequest = new EmulatorRequest(request.Method.Method, uri.AbsolutePath, baseAddress)
        {
            Query = uri.Query,
            FormBody = form,
        };
        var answer = await emulator.HandleAsync(emulatorRequest, cancellationToken).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "An error occurred while sending the request.",
                new IOException(
                    "Unable to read data from the transport connection: Connection reset by peer.",
                    new SocketException((int)SocketError.ConnectionReset)));
        }

        HttpContent content = answer.ChunkSize > 0
            ? new StreamContent(new TrickleStream(answer.Body, answer.ChunkSize, answer.ChunkDelay, emulator))
            : new ReadOnlyMemoryContent(answer.Body);
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = content,
            Version = request.Version,
        };
        foreach (var (name, value) in answer.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
