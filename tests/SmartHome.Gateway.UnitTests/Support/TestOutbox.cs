using Microsoft.Extensions.Logging.Abstractions;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Health;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.UnitTests.Support;

internal static class TestOutbox
{
    /// <summary>An outbox without linger, so each awaited append is its own envelope unless a test asks otherwise.</summary>
    public static DurableOutbox Open(
        string directory,
        GatewayMetrics? metrics = null,
        TimeProvider? time = null,
        Func<OutboxSettings, OutboxSettings>? configure = null,
        GatewayClock? clock = null,
        GatewayIdentity? identity = null)
    {
        var settings = new OutboxSettings(directory, 64L * 1024 * 1024) { Linger = TimeSpan.Zero };
        time ??= TimeProvider.System;
        return DurableOutbox.Open(
            configure?.Invoke(settings) ?? settings,
            identity ?? TestData.Identity,
            clock ?? FakeClockSyncProbe.Clock(time),
            time,
            metrics ?? TestData.NewMetrics(),
            NullLogger<DurableOutbox>.Instance);
    }

    /// <summary>Acknowledges every pending envelope up to <paramref name="seq"/>, in seq order, as the uplink would.</summary>
    public static void AcknowledgeThrough(this DurableOutbox outbox, long seq)
    {
        foreach (var entry in outbox.GetPending(outbox.AckedSeq, int.MaxValue).TakeWhile(entry => entry.Seq <= seq))
        {
            outbox.Acknowledge(entry.Seq);
        }
    }
}
