namespace QqConnect.Client.Tests.Parsing;

/// <summary>The three body shapes QQ answers in.</summary>
internal enum WireShape
{
    Form,
    Json,
    Jsonp,
}
