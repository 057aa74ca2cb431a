using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Systemd;

/// <summary>The outbox is alive while its writer runs and no commit hangs; a writer ended by the host's stop is not a problem.</summary>
internal sealed class OutboxWriterLivenessCheck(DurableOutbox outbox, IHostApplicationLifetime lifetime) : ILivenessCheck
{
    /// <summary>A commit is a few writes and one fsync: milliseconds on a healthy SD card, never a minute.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(1);

    public string? FindProblem() =>
        lifetime.ApplicationStopping.IsCancellationRequested ? null : outbox.FindWriterProblem(StalledAfter);
}
