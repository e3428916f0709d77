using QqConnect.Client.Parsing;

namespace QqConnect.Client.Transport;

/// <summary>
/// One call to QQ Connect as its endpoint defines it: the URI, the call's context (operation, the secrets to
/// keep out of messages, the clock), the parser for its answer, and whether it is single-use. Made by
/// <see cref="QqEndpoints"/>, sent by <see cref="QqTransport.SendAsync{T}"/>.
/// </summary>
/// <typeparam name="T">The result type the parser builds.</typeparam>
internal readonly struct QqRequest<T>
{
    public QqRequest(Uri uri, CallContext context, BodyParser<T> parse, bool singleUse)
    {
        Uri = uri;
        Context = context;
        Parse = parse;
        SingleUse = singleUse;
    }

    public Uri Uri { get; }

    /// <summary>The call's operation and secrets; makes every exception of the call.</summary>
    public CallContext Context { get; }

    /// <summary>Reads the answer's bytes into the result.</summary>
    public BodyParser<T> Parse { get; }

    /// <summary>
    /// The call consumes a code or refresh token, so a request QQ may have seen is never replayed (see
    /// <see cref="CallResilience.SingleUseRetries"/>); calls that only read are retried.
    /// </summary>
    public bool SingleUse { get; }
}
