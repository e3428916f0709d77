using QqConnect.Client.Testing.Internal;

namespace QqConnect.Client.Testing;

/// <summary>The last requests handled, with their secrets masked, in a bounded ring.</summary>
public sealed partial class QqConnectEmulator
{
    /// <summary>How many requests <see cref="GetRecentRequests"/> keeps: older ones are dropped.</summary>
    public const int RecentRequestCapacity = 200;

    private const int MaxRecordedPath = 256;
    private const int MaxRecordedQuery = 2048;

    private readonly RecentRequests _recentRequests = new(RecentRequestCapacity);

    /// <summary>
    /// The last requests <see cref="HandleAsync"/> handled (faulted ones included; <see cref="Authorize"/> makes none), oldest
    /// first, with the values of <c>client_secret</c>, <c>code</c>, <c>access_token</c> and <c>refresh_token</c> masked.
    /// At most <see cref="RecentRequestCapacity"/> are kept; <see cref="Reset"/> forgets them.
    /// </summary>
    /// <param name="count">How many of the last requests, from 0 to <see cref="RecentRequestCapacity"/>.</param>
    /// <returns>A snapshot taken now.</returns>
    public IReadOnlyList<EmulatorRecordedRequest> GetRecentRequests(int count = RecentRequestCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, RecentRequestCapacity);
        return _recentRequests.Last(count);
    }

    private void Record(EmulatorRequest request, DateTimeOffset arrived, EmulatorFault? fault, EmulatorResponse? answer)
    {
        int? status = answer is null || answer.DropConnection ? null : answer.StatusCode;
        _recentRequests.Add(new EmulatorRecordedRequest(
            arrived,
            SecretMask.Cut(request.Method, 16),
            SecretMask.Cut(request.Path, MaxRecordedPath),
            SecretMask.Mask(request.Query, MaxRecordedQuery),
            SecretMask.Mask(request.FormBody, MaxRecordedQuery),
            status,
            fault?.Kind));
    }
}
