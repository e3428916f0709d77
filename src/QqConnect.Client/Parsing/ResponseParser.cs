using System.Text.Json;
using QqConnect.Client.Internal;
using QqConnect.Client.Resources;

namespace QqConnect.Client.Parsing;

/// <summary>
/// The one place that reads an answer: sniffs its shape from the bytes, reads its fields, detects
/// errors in every shape, and builds the result, or says why there is none. Every endpoint accepts every shape.
/// </summary>
internal static class ResponseParser
{
    public static ParseResult<T> Parse<TBuilder, T>(ReadOnlySpan<byte> body, TimeProvider clock)
        where TBuilder : struct, IResultBuilder<T>
    {
        var builder = default(TBuilder);
        var errors = default(ErrorFields);
        var shape = BodySniffer.Sniff(body, out var payload);
        try
        {
            switch (shape)
            {
                case BodyShape.Json:
                case BodyShape.Jsonp:
                    JsonFieldReader.Read(payload, ref builder, ref errors);
                    break;
                case BodyShape.Form:
                    FormFieldReader.Read(payload, ref builder, ref errors);
                    break;
                default:
                    return ParseFailure.InvalidAnswer(Messages.Format(Strings.AnswerNotQq, BodySniffer.Describe(shape), body.Length));
            }

            if (errors.IsError)
            {
                return ParseFailure.QqError(errors.Code, errors.Description);
            }

            return new ParseResult<T>(builder.Build(clock));
        }
        catch (InvalidBodyException ex)
        {
            return ParseFailure.InvalidAnswer(Messages.Format(Strings.AnswerNotValid, BodySniffer.Describe(shape), ex.Message));
        }
        catch (JsonException)
        {
            return ParseFailure.InvalidAnswer(Messages.Format(Strings.AnswerNotWellFormed, BodySniffer.Describe(shape)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.DecoderFallbackException)
        {
            // Utf8JsonReader.GetString and the strict decoder throw these for text that is not valid UTF-8.
            return ParseFailure.InvalidAnswer(Messages.Format(Strings.AnswerNotUtf8, BodySniffer.Describe(shape)));
        }
    }
}
