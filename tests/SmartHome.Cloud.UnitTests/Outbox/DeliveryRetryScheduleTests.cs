using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Outbox;

public class DeliveryRetryScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5 * 60)]
    [InlineData(3, 30 * 60)]
    [InlineData(4, 2 * 3600)]
    [InlineData(5, 5 * 3600)]
    [InlineData(6, 10 * 3600)]
    [InlineData(7, 10 * 3600)]
    public void NextDelay_NoJitter_FollowsTheStandardWebhooksSchedule(int failedAttempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRetrySchedule.NextDelay(failedAttempts, jitter: 0));
    }

    [Fact]
    public void NextDelay_EighthFailure_GivesUp()
    {
        Assert.Null(DeliveryRetrySchedule.NextDelay(8, jitter: 0));
        Assert.Equal(8, DeliveryRetrySchedule.MaxAttempts);
    }

    [Theory]
    [InlineData(-1, 4.5)]
    [InlineData(1, 5.5)]
    public void NextDelay_FullJitter_StaysWithinTenPercent(double jitter, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRetrySchedule.NextDelay(1, jitter));
    }

    [Theory]
    [InlineData(120, 120)]
    [InlineData(-30, 0)]
    [InlineData(7200, 3600)]
    public void Throttled_RetryAtTheAskedTimeBoundedByNowAndTheMaximum(int askedSeconds, int expectedSeconds)
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        var retryAt = DeliveryRetrySchedule.Throttled(now, now.AddSeconds(askedSeconds), TimeSpan.FromHours(1));

        Assert.Equal(now.AddSeconds(expectedSeconds), retryAt);
    }
}
