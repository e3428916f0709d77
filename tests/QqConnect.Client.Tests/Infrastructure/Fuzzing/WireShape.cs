namespace QqConnect.Client.Tests.Infrastructure.Fuzzing;

/// <summary>The three body shapes QQ answers in.</summary>
internal enum WireShape
{
    Form,
    Json,
    Jsonp,
}
