namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Which of a gateway's envelope seqs have arrived, as the range it spans less its gaps. The gateway replays a
/// backlog in seq order while live envelopes overtake it, so a gap is normal for a while; one that stays open longer
/// than <see cref="CoreOptions.GapReportAfter"/> is overdue. The host dedupes (gateway, seq) before this sees a seq.
/// </summary>
internal static class SeqTracker
{
    /// <summary>Bounds the gaps kept per gateway; beyond it the oldest are given up (<see cref="Gateway.AbandonedSeqs"/>).</summary>
    public const int MaxGaps = 100;

    public static void Receive(Gateway gateway, long seq, DateTimeOffset now)
    {
        if (gateway.FirstSeq is not { } first || gateway.LastSeq is not { } last)
        {
            gateway.FirstSeq = seq;
            gateway.LastSeq = seq;
            return;
        }

        if (seq > last)
        {
            AddGap(gateway, last + 1, seq - 1, now, atEnd: true);
            gateway.LastSeq = seq;
        }
        else if (seq < first)
        {
            AddGap(gateway, seq + 1, first - 1, now, atEnd: false);
            gateway.FirstSeq = seq;
        }
        else
        {
            Fill(gateway, seq);
        }
    }

    /// <summary>
    /// Whether <paramref name="seq"/>, just received, is part of a backlog whose next envelope is still missing: older
    /// than the newest seq, with a gap right after it.
    /// </summary>
    public static bool BacklogContinuesAfter(Gateway gateway, long seq) =>
        seq < gateway.LastSeq && gateway.Gaps.Exists(g => g.From == seq + 1);

    /// <summary>Marks the gaps open longer than <paramref name="after"/> as overdue, counting each once in <see cref="Gateway.OverdueGaps"/>.</summary>
    public static void MarkOverdue(Gateway gateway, DateTimeOffset now, TimeSpan after)
    {
        foreach (var gap in gateway.Gaps.Where(g => !g.Overdue && now - g.Since >= after))
        {
            gap.Overdue = true;
            gateway.OverdueGaps++;
        }
    }

    private static void AddGap(Gateway gateway, long from, long to, DateTimeOffset now, bool atEnd)
    {
        if (from > to)
        {
            return;
        }

        var gap = new SeqGap { From = from, To = to, Since = now };
        if (atEnd)
        {
            gateway.Gaps.Add(gap);
        }
        else
        {
            gateway.Gaps.Insert(0, gap);
        }

        KeepWithinBound(gateway);
    }

    private static void Fill(Gateway gateway, long seq)
    {
        var index = gateway.Gaps.FindIndex(g => g.From <= seq && seq <= g.To);
        if (index < 0)
        {
            return;
        }

        var gap = gateway.Gaps[index];
        if (gap.From == gap.To)
        {
            gateway.Gaps.RemoveAt(index);
        }
        else if (seq == gap.From)
        {
            gap.From++;
        }
        else if (seq == gap.To)
        {
            gap.To--;
        }
        else
        {
            gateway.Gaps.Insert(index + 1, new SeqGap { From = seq + 1, To = gap.To, Since = gap.Since, Overdue = gap.Overdue });
            gap.To = seq - 1;
            KeepWithinBound(gateway);
        }
    }

    private static void KeepWithinBound(Gateway gateway)
    {
        while (gateway.Gaps.Count > MaxGaps)
        {
            gateway.AbandonedSeqs += gateway.Gaps[0].Count;
            gateway.Gaps.RemoveAt(0);
        }
    }
}
