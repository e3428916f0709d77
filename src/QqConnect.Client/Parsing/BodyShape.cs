namespace QqConnect.Client.Parsing;

/// <summary>What a response body looks like, decided from its bytes (QQ's Content-Type is always text/html).</summary>
internal enum BodyShape
{
    Empty,
    Json,
    Jsonp,
    Form,
    Html,
    JsonNull,
    JsonArray,
    TruncatedJsonp,
    Unknown,
}
