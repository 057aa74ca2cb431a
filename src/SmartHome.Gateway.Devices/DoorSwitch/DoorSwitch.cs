using System.Device.Gpio;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Gateway.Devices.DoorSwitch;

/// <summary>
/// A door (reed or micro) switch between a GPIO pin and ground, read with the internal pull-up. Owns the
/// <see cref="GpioController"/> and disposes it. Listens to both edges and debounces them: every edge restarts the
/// window, and when the pin has been quiet for the whole window its level is read once; <see cref="Changed"/> is
/// raised only when that settled state differs from the last one reported. Bouncing contacts give one event.
/// </summary>
public sealed class DoorSwitch : IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly PinValue _openLevel;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly ITimer _settle;
    private readonly Lock _gate = new();
    private DoorState _reported;
    private bool _disposed;

    /// <param name="controller">The GPIO controller, owned from here on.</param>
    /// <param name="pin">The pin in the controller's (logical, BCM) numbering.</param>
    /// <param name="openLevel">The level that means open: <see cref="PinValue.High"/> for a switch that is closed
    /// (pulling the pin to ground) while the door is shut, which is the usual reed-switch wiring.</param>
    /// <param name="debounce">How long the pin must be quiet before its level counts.</param>
    /// <param name="time">The clock of the debounce window.</param>
    public DoorSwitch(GpioController controller, int pin, PinValue openLevel, TimeSpan debounce, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        _controller = controller;
        _pin = pin;
        _openLevel = openLevel;
        _debounce = debounce;
        _time = time;
        _settle = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        _controller.OpenPin(pin, PinMode.InputPullUp);
        _reported = StateOf(_controller.Read(pin));
        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    /// <summary>Raised on the timer's thread when the settled state changes.</summary>
    public event EventHandler<DoorSwitchChangedEventArgs>? Changed;

    /// <summary>The state last reported (at construction: the level then), without touching the pin.</summary>
    public DoorState State
    {
        get
        {
            lock (_gate)
            {
                return _reported;
            }
        }
    }

    /// <summary>Reads the pin now, without debouncing. False once the switch is disposed.</summary>
    public bool TryReadState(out DoorState state)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                state = default;
                return false;
            }

            state = StateOf(_controller.Read(_pin));
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _settle.Dispose();
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _controller.Dispose();
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _settle.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Settle()
    {
        DoorSwitchChangedEventArgs changed;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var state = StateOf(_controller.Read(_pin));
            if (state == _reported)
            {
                return;
            }

            _reported = state;
            changed = new(state, _time.GetUtcNow());
        }

        Changed?.Invoke(this, changed);
    }

    private DoorState StateOf(PinValue level) => level == _openLevel ? DoorState.Open : DoorState.Closed;
}
