using System.Collections.Concurrent;

namespace SmartHome.FirmwareSim.Mqtt;

/// <summary>What the simulator has sent so far, for progress lines and health output. Safe to read from any thread.</summary>
public sealed class SimulatorStatistics
{
    private readonly ConcurrentDictionary<string, long> _publishedByChannel = new(StringComparer.Ordinal);
    private long _connections;
    private long _dropped;
    private int _linkState;

    public ApplianceLinkState LinkState => (ApplianceLinkState)Volatile.Read(ref _linkState);

    /// <summary>Successful connections to the appliance link, the first one included.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Messages given up because too many piled up while the link was down.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long PublishedTotal => _publishedByChannel.Values.Sum();

    /// <summary>Messages the broker acknowledged, by channel (<c>temperature</c>, <c>door</c>, <c>inventory</c>, <c>status</c>).</summary>
    public IReadOnlyDictionary<string, long> PublishedByChannel => new SortedDictionary<string, long>(_publishedByChannel, StringComparer.Ordinal);

    internal void RecordPublished(string channel) => _publishedByChannel.AddOrUpdate(channel, 1, (_, count) => count + 1);

    internal void RecordDropped() => Interlocked.Increment(ref _dropped);

    internal void RecordConnected() => Interlocked.Increment(ref _connections);

    internal void SetLinkState(ApplianceLinkState state) => Volatile.Write(ref _linkState, (int)state);
}
