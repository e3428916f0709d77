namespace QqConnect.Client.Transport;

/// <summary>
/// The cancellation source that times one attempt: one timer, linked to the caller's token by a registration.
/// With the system clock (net8+) a source that never fired is reset and kept for the next call on the thread,
/// so a call that succeeds allocates no source and no timer.
/// </summary>
internal static class TimeoutSource
{
#if NET8_0_OR_GREATER
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;
#endif

    /// <summary>A source that cancels after <paramref name="delay"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public static CancellationTokenSource Rent(TimeProvider timeProvider, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            var source = t_spare ?? new CancellationTokenSource();
            t_spare = null;
            source.CancelAfter(delay);
            return source;
        }

        return new CancellationTokenSource(delay, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(delay);
#endif
    }

    /// <summary>Gives back a source from <see cref="Rent"/>: kept if it never fired and can be reset, else disposed.</summary>
    public static void Return(TimeProvider timeProvider, CancellationTokenSource source)
    {
#if NET8_0_OR_GREATER
        // TryReset stops the timer and drops the registrations; it fails once the source was cancelled.
        if (ReferenceEquals(timeProvider, TimeProvider.System) && t_spare is null && source.TryReset())
        {
            t_spare = source;
            return;
        }
#endif
        source.Dispose();
    }

    /// <summary>Cancels <paramref name="source"/> when the caller cancels; dispose the registration before returning the source.</summary>
    public static CancellationTokenRegistration Link(CancellationTokenSource source, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return default;
        }

#if NET8_0_OR_GREATER
        return cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
#else
        return cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source);
#endif
    }
}
