using System.Diagnostics.CodeAnalysis;

namespace QqConnect.Emulator.CommandLine;

/// <summary>
/// A command-line, configuration or start-up mistake: its message is the one line the tool prints before exiting with
/// 2, in English and in Chinese (<see cref="Line"/>). There is no constructor that takes one language only, so no
/// message can be left without its Chinese text.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every message is given in English and Chinese; a one-language constructor would let one through without its Chinese text.")]
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception from the English and the Chinese text of one mistake.</summary>
    /// <param name="english">The English text, such as <c>--port needs a value.</c></param>
    /// <param name="chinese">The same in Chinese, such as <c>--port 需要一个值。</c></param>
    /// <param name="innerException">The cause, if any; never printed.</param>
    public UsageException(string english, string chinese, Exception? innerException = null)
        : base(Line(english, chinese), innerException)
    {
        English = english;
        Chinese = chinese;
    }

    /// <summary>The English text.</summary>
    public string English { get; }

    /// <summary>The Chinese text.</summary>
    public string Chinese { get; }

    /// <summary>
    /// The one format of every refusal the tool prints: the English text, then the Chinese text in full-width
    /// parentheses, on one line — <c>--port needs a value. Try --help. （--port 需要一个值。请看 --help。）</c>.
    /// </summary>
    public static string Line(string english, string chinese) => english + " （" + chinese + "）";
}
