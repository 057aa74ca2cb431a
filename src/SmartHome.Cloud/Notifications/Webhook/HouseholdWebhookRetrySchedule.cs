using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.Notifications.Webhook;

/// <summary>
/// When a failed send to a household's webhook is tried again: after 10 s, 1 min, 5 min, 15 min and 40 min, so six
/// attempts span about an hour; then the send is failed (news an hour late is seldom worth more). Each wait varies by
/// up to ±10 % so households whose shared service (ntfy.sh) failed together do not all retry together.
/// </summary>
internal static class HouseholdWebhookRetrySchedule
{
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(40),
    ];

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures; null when there is none.</summary>
    public static TimeSpan? NextDelay(int failedAttempts, double jitter) => DeliveryRetrySchedule.NextDelay(Delays, failedAttempts, jitter);
}
