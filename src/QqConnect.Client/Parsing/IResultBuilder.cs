using QqConnect.Client.Transport;

namespace QqConnect.Client.Parsing;

/// <summary>A sink that builds one result type once every field has arrived.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal interface IResultBuilder<out T> : IFieldSink
{
    /// <summary>Builds the result, or throws <see cref="InvalidBodyException"/> when a required field is missing.</summary>
    T Build(in CallContext context);
}
