using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QqConnect.TestSupport;

/// <summary>
/// Keeps every log entry of every category at every level, as text: the message, each structured value and the
/// exception; a scope is kept as an entry of its own ("scope: " and its state). Searching <see cref="Entries"/> for a
/// secret therefore searches everything a logging provider could have written. One file for the test projects that
/// read logs: the handler tests and the client's integration tests.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>Every entry in the order written.</summary>
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Entries.Enqueue((category, LogLevel.None, default, "scope: " + state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
            owner.Entries.Enqueue((category, logLevel, eventId, $"{formatter(state, exception)} || {values} || {exception}"));
        }
    }
}
