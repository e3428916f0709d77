namespace QqConnect.Architecture.Tests;

/// <summary>The check itself: it sees a use across rooms in code, and not in comments, strings or nested names.</summary>
public sealed class RuleCheckTests
{
    private static readonly SourceFile Context = SourceFile.Parse("Transport/CallContext.cs", """
        namespace QqConnect.Client.Transport;

        internal readonly struct CallContext
        {
            private enum Nested { A }
        }
        """);

    [Fact]
    public void Violations_ParsingUsingATransportType_IsReported()
    {
        var parser = SourceFile.Parse("Parsing/ResponseParser.cs", """
            namespace QqConnect.Client.Parsing;

            internal static class ResponseParser
            {
                public static void Parse(in CallContext context) { }
            }
            """);

        var violation = Assert.Single(RoomRules.Client.Violations([Context, parser]));
        Assert.Equal("QqConnect.Client/Parsing/ResponseParser.cs uses CallContext (Transport); Parsing may use Models, Internal.", violation);
    }

    [Fact]
    public void Violations_NameOnlyInCommentsAndStrings_IsNotAUse()
    {
        var parser = SourceFile.Parse("Parsing/ResponseParser.cs", """
            namespace QqConnect.Client.Parsing;

            /// <summary>Not a <see cref="CallContext"/>.</summary>
            internal static class ResponseParser
            {
                // CallContext makes the exception.
                public static string Text => "CallContext" + @"CallContext" + $"{1} CallContext";
                /* CallContext */
            }
            """);

        Assert.Empty(RoomRules.Client.Violations([Context, parser]));
    }

    [Fact]
    public void Violations_TransportUsingAParsingType_IsAllowed()
    {
        var parser = SourceFile.Parse("Parsing/ParseFailure.cs", "namespace QqConnect.Client.Parsing;\n\ninternal sealed class ParseFailure\n{\n}\n");
        var transport = SourceFile.Parse("Transport/QqTransport.cs", "namespace QqConnect.Client.Transport;\n\ninternal sealed class QqTransport\n{\n    private ParseFailure? _failure;\n}\n");

        Assert.Empty(RoomRules.Client.Violations([parser, transport]));
    }

    [Fact]
    public void DeclaredTypes_NestedTypes_AreNotRooms()
    {
        Assert.Equal(["CallContext"], Context.DeclaredTypes);
    }

    [Fact]
    public void DeclaredTypes_Delegate_IsFound()
    {
        var file = SourceFile.Parse("Parsing/BodyParser.cs", "namespace QqConnect.Client.Parsing;\n\ninternal delegate ParseResult<T> BodyParser<T>(ReadOnlySpan<byte> body, TimeProvider clock);\n");

        Assert.Equal(["BodyParser"], file.DeclaredTypes);
    }
}
