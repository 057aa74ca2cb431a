using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Twin;

public sealed class Gateway
{
    public required string GatewayId { get; init; }

    /// <summary>From the gateway's retained status; null until the first status arrives.</summary>
    public OnlineState? State { get; set; }

    public DateTimeOffset? StateSince { get; set; }
    public Guid? BootId { get; set; }
    public string? Version { get; set; }

    /// <summary>When the cloud last heard from it (cloud clock).</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>The lowest seq received: the cloud cannot know what the gateway sent before it first heard of it.</summary>
    public long? FirstSeq { get; set; }

    /// <summary>The highest seq received.</summary>
    public long? LastSeq { get; set; }

    /// <summary>Seqs between <see cref="FirstSeq"/> and <see cref="LastSeq"/> not received yet, lowest first (<see cref="SeqTracker"/>).</summary>
    public List<SeqGap> Gaps { get; set; } = [];

    /// <summary>How many seqs <see cref="Gaps"/> hold.</summary>
    public long MissingSeqs => Gaps.Sum(g => g.Count);

    /// <summary>How many gaps have stayed open longer than <see cref="CoreOptions.GapReportAfter"/>, ever.</summary>
    public long OverdueGaps { get; set; }

    /// <summary>Seqs given up on without arriving: the oldest gaps, dropped when more than <see cref="SeqTracker.MaxGaps"/> were open.</summary>
    public long AbandonedSeqs { get; set; }

    /// <summary>The <see cref="StateSince"/> of the outage already reported as offline.</summary>
    public DateTimeOffset? OfflineReportedFor { get; set; }
}
