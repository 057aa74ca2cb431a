namespace SmartHome.FirmwareSim.Fleet;

/// <summary>What the fleet sent and the broker acknowledged, per link and per kind (the topic's last level).</summary>
public sealed record FleetReport(IReadOnlyDictionary<LinkAddress, IReadOnlyDictionary<string, long>> SentByLink)
{
    public long Total => SentByLink.Values.Sum(kinds => kinds.Values.Sum());

    public IReadOnlyDictionary<string, long> ByKind => SentByLink.Values
        .SelectMany(kinds => kinds)
        .GroupBy(kind => kind.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Sum(kind => kind.Value), StringComparer.Ordinal);
}
