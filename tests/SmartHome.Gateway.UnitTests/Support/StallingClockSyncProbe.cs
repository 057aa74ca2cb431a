using SmartHome.Gateway.Clock;

namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>
/// An unsynchronised clock's probe that, once told to stall, blocks whoever asks next until released: the outbox asks
/// at the start of every commit, so this holds its writer inside a commit, as a hung SD card would.
/// </summary>
internal sealed class StallingClockSyncProbe : IClockSyncProbe, IDisposable
{
    private readonly ManualResetEventSlim _released = new(initialState: true);
    private volatile bool _stalled;

    /// <summary>Whether someone is blocked in <see cref="IsSynchronized"/> now.</summary>
    public bool Stalled => _stalled;

    public void Stall() => _released.Reset();

    public void Release() => _released.Set();

    public bool IsSynchronized()
    {
        if (!_released.IsSet)
        {
            _stalled = true;
            _released.Wait();
            _stalled = false;
        }

        return false;
    }

    public void Dispose() => _released.Dispose();
}
