namespace SmartHome.Cloud.Delivery;

/// <summary>
/// When a failed delivery is tried again, after Standard Webhooks' schedule: the first attempt at once, then after
/// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; eight failed attempts (about 28 hours) make the delivery dead.
/// Each wait varies by up to ±10 % so deliveries that failed together do not retry together. An endpoint that throttles
/// (429 or 503 with <c>Retry-After</c>) is tried again when it asked, and that attempt is not one of the eight.
/// </summary>
public static class DeliveryRetrySchedule
{
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures; null when there is none.</summary>
    public static TimeSpan? NextDelay(int failedAttempts, double jitter) => NextDelay(Delays, failedAttempts, jitter);

    /// <summary>The wait after <paramref name="failedAttempts"/> failures on another schedule of <paramref name="delays"/>, varied by ±10 % × <paramref name="jitter"/>.</summary>
    public static TimeSpan? NextDelay(IReadOnlyList<TimeSpan> delays, int failedAttempts, double jitter)
    {
        ArgumentNullException.ThrowIfNull(delays);
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(jitter), 1);
        return failedAttempts > delays.Count ? null : delays[failedAttempts - 1] * (1 + (0.1 * jitter));
    }

    /// <summary>
    /// When to try a throttled delivery again: when the endpoint asked (<paramref name="retryAt"/>), but not before
    /// <paramref name="now"/> nor after <paramref name="max"/> from now. It does not count as one of the failures above.
    /// </summary>
    public static DateTimeOffset Throttled(DateTimeOffset now, DateTimeOffset retryAt, TimeSpan max) =>
        retryAt < now ? now : retryAt > now + max ? now + max : retryAt;
}
