using SmartHome.Gateway.Health;
using SmartHome.Gateway.Mqtt;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// The uplink's connectivity as an explicit state machine: Disconnected → Connecting → Connected → Disconnected.
/// Every transition is checked and shows in health output.
/// </summary>
internal sealed class UplinkConnectivity : IMqttConnectionObserver
{
    private readonly TimeProvider _time;
    private readonly GatewayMetrics _metrics;
    private readonly Lock _gate = new();
    private UplinkSnapshot _current;
    private bool _everConnected;

    public UplinkConnectivity(TimeProvider time, GatewayMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        _time = time;
        _metrics = metrics;
        _current = new(UplinkState.Disconnected, time.GetUtcNow(), null, 0, 0, null);
        metrics.ObserveUplinkConnected(() => Current.State == UplinkState.Connected ? 1 : 0);
    }

    public UplinkSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Connecting() => Move(UplinkState.Disconnected, current => current with { State = UplinkState.Connecting, Since = _time.GetUtcNow() });

    public void Connected() => Move(UplinkState.Connecting, current =>
    {
        var now = _time.GetUtcNow();
        var reconnects = current.Reconnects;
        if (_everConnected)
        {
            reconnects++;
            _metrics.UplinkReconnected();
        }

        _everConnected = true;
        return current with { State = UplinkState.Connected, Since = now, ConnectedSince = now, Reconnects = reconnects, LastError = null };
    });

    /// <summary>From Connecting (the attempt failed, and is counted) or Connected (the connection was lost or closed).</summary>
    public void Disconnected(string? reason) => Move(null, current => current with
    {
        State = UplinkState.Disconnected,
        Since = _time.GetUtcNow(),
        ConnectedSince = null,
        FailedAttempts = current.FailedAttempts + (current.State == UplinkState.Connecting ? 1 : 0),
        LastError = reason ?? current.LastError,
    });

    private void Move(UplinkState? from, Func<UplinkSnapshot, UplinkSnapshot> transition)
    {
        lock (_gate)
        {
            var valid = from is { } required ? _current.State == required : _current.State != UplinkState.Disconnected;
            if (!valid)
            {
                throw new InvalidOperationException($"The uplink cannot move from {_current.State} to this state.");
            }

            _current = transition(_current);
        }
    }
}

/// <summary>
/// The uplink's state at one moment: since when, since when connected, how often it reconnected, how many attempts
/// failed (refused, unreachable, an untrusted certificate), why it last failed.
/// </summary>
internal sealed record UplinkSnapshot(
    UplinkState State, DateTimeOffset Since, DateTimeOffset? ConnectedSince, long Reconnects, long FailedAttempts, string? LastError);
