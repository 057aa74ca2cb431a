using System.Device.Gpio;

namespace SmartHome.Gateway.Devices.UnitTests.Support;

/// <summary>
/// A GPIO driver with no hardware behind it: pins hold the level a test sets, and <see cref="SetLevel"/> raises the
/// edge callbacks the controller registered, the way the kernel would when a contact closes or bounces.
/// </summary>
internal sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, List<(PinEventTypes Events, PinChangeEventHandler Handler)>> _callbacks = [];

    public bool Disposed { get; private set; }

    protected override int PinCount => 28;

    /// <summary>The level a pin reads before a test sets one: high, as with the pull-up and the switch open.</summary>
    public PinValue InitialLevel { get; set; } = PinValue.High;

    public PinMode? ModeOf(int pin)
    {
        lock (_gate)
        {
            return _modes.TryGetValue(pin, out var mode) ? mode : null;
        }
    }

    public int CallbackCount(int pin)
    {
        lock (_gate)
        {
            return _callbacks.TryGetValue(pin, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Sets the pin's level and, when it changes, calls the callbacks registered for that edge.</summary>
    public void SetLevel(int pin, PinValue level)
    {
        List<PinChangeEventHandler> toCall;
        PinEventTypes edge;
        lock (_gate)
        {
            var before = _levels.GetValueOrDefault(pin, InitialLevel);
            _levels[pin] = level;
            if (before == level)
            {
                return;
            }

            edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            toCall = _callbacks.TryGetValue(pin, out var list) ? list.Where(c => c.Events.HasFlag(edge)).Select(c => c.Handler).ToList() : [];
        }

        foreach (var handler in toCall)
        {
            handler(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes.GetValueOrDefault(pinNumber, PinMode.Input);
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            return _levels.GetValueOrDefault(pinNumber, InitialLevel);
        }
    }

    protected override void Write(int pinNumber, PinValue value) => SetLevel(pinNumber, value);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The simulated driver only raises callbacks.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list))
            {
                _callbacks[pinNumber] = list = [];
            }

            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (_callbacks.TryGetValue(pinNumber, out var list))
            {
                list.RemoveAll(c => c.Handler == callback);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
