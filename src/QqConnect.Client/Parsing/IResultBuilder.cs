namespace QqConnect.Client.Parsing;

/// <summary>A sink that builds one result type once every field has arrived.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal interface IResultBuilder<out T> : IFieldSink
{
    /// <summary>Builds the result, or throws <see cref="InvalidBodyException"/> when a required field is missing.</summary>
    /// <param name="clock">The clock that dates what expires (a token's <see cref="QqAccessToken.ExpiresAt"/>).</param>
    T Build(TimeProvider clock);
}
