namespace SmartHome.Cloud.Core.Twin;

/// <summary>A run of a gateway's envelope seqs, <see cref="From"/> to <see cref="To"/> inclusive, not received yet.</summary>
public sealed class SeqGap
{
    public required long From { get; set; }
    public required long To { get; set; }

    /// <summary>When the cloud first noticed the gap (cloud clock); parts of a gap keep it when the middle arrives.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>Open longer than <see cref="CoreOptions.GapReportAfter"/>: counted, and shown until the envelopes arrive.</summary>
    public bool Overdue { get; set; }

    public long Count => To - From + 1;
}
