using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Devices.Hx711;

namespace SmartHome.Gateway.Devices.UnitTests.Support;

/// <summary>
/// A GPIO driver that plays the HX711's side of the two wires. DOUT reads low when <see cref="Conversions"/> has a
/// value (the chip is ready) and high when it returns null; each rising clock edge then shifts out the next of its 24
/// bits, most significant first, and the pulses after the 24th set the gain of the next conversion. A clock held
/// high for 60 µs or more (of the clock's time) is no pulse: it powers the chip down, and clock low powers it
/// up at channel A, gain 128. Each DOUT read that finds the chip not ready advances the clock by
/// <see cref="PollAdvance"/>, the time that passes between polls.
/// </summary>
internal sealed class SimulatedHx711Driver(FakeTimeProvider clock, int dataPin = SimulatedHx711Driver.DataPin, int clockPin = SimulatedHx711Driver.ClockPin) : GpioDriver
{
    public const int DataPin = 5;
    public const int ClockPin = 6;

    public static readonly TimeSpan PowerDownTime = TimeSpan.FromMicroseconds(60);

    private const int PowerOnGainPulses = 25;

    private readonly Lock _gate = new();
    private readonly List<int> _pulseCounts = [];
    private readonly List<int> _conversionGains = [];
    private uint? _shifting;
    private int _pulses;
    private int _gainPulses = PowerOnGainPulses;
    private bool _clockHigh;
    private PinValue _dout = PinValue.High;
    private int _notReadyPolls;
    private DateTimeOffset _highSince;

    /// <summary>The next conversion's raw value, or null while none is ready.</summary>
    public Func<int?> Conversions { get; set; } = () => null;

    public TimeSpan PollAdvance { get; init; } = TimeSpan.FromMilliseconds(10);

    public bool Disposed { get; private set; }

    /// <summary>Clock pulses of each completed read: 25, 26 or 27.</summary>
    public IReadOnlyList<int> PulseCounts => Snapshot(_pulseCounts);

    /// <summary>The gain setting (as its pulse count) each delivered conversion was made at.</summary>
    public IReadOnlyList<int> ConversionGains => Snapshot(_conversionGains);

    /// <summary>An HX711 on this driver's pins, with a 1 s ready timeout; it owns a controller over this driver.</summary>
    public Devices.Hx711.Hx711 OpenAdc(Hx711Gain gain = Hx711Gain.ChannelA128) =>
        new(new GpioController(this), dataPin, clockPin, gain, TimeSpan.FromSeconds(1), clock);

    /// <summary>Conversions that deliver <paramref name="values"/> in turn, then none.</summary>
    public static Func<int?> Sequence(params int[] values)
    {
        var queue = new Queue<int>(values);
        return () => queue.TryDequeue(out var value) ? value : null;
    }

    public int NotReadyPolls
    {
        get
        {
            lock (_gate)
            {
                return _notReadyPolls;
            }
        }
    }

    public bool PoweredDown
    {
        get
        {
            lock (_gate)
            {
                return _clockHigh && clock.GetUtcNow() - _highSince >= PowerDownTime;
            }
        }
    }

    protected override int PinCount => 28;

    protected override PinValue Read(int pinNumber)
    {
        if (pinNumber != dataPin)
        {
            throw new InvalidOperationException($"GPIO{pinNumber} is the HX711's clock, an output");
        }

        lock (_gate)
        {
            if (_shifting is not null && _pulses <= 24)
            {
                return _dout;
            }

            if (_shifting is not null)
            {
                _pulseCounts.Add(_pulses);
                _gainPulses = _pulses;
                _shifting = null;
                _pulses = 0;
            }

            if (!_clockHigh && Conversions() is { } raw)
            {
                _shifting = (uint)raw & 0xFFFFFF;
                _conversionGains.Add(_gainPulses);
                return PinValue.Low;
            }

            _notReadyPolls++;
        }

        clock.Advance(PollAdvance);
        return PinValue.High;
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        if (pinNumber != clockPin)
        {
            throw new InvalidOperationException($"GPIO{pinNumber} is the HX711's DOUT, an input");
        }

        lock (_gate)
        {
            var high = value == PinValue.High;
            if (high == _clockHigh)
            {
                return;
            }

            _clockHigh = high;
            if (high)
            {
                _highSince = clock.GetUtcNow();
                if (_shifting is { } bits)
                {
                    _pulses++;
                    _dout = _pulses <= 24 && ((bits >> (24 - _pulses)) & 1) == 1 ? PinValue.High : PinValue.Low;
                }
            }
            else if (clock.GetUtcNow() - _highSince >= PowerDownTime)
            {
                // Powered down and up again: a read in progress ends (the long high was not one of its pulses).
                if (_shifting is not null && _pulses > 24)
                {
                    _pulseCounts.Add(_pulses - 1);
                }

                _shifting = null;
                _pulses = 0;
                _gainPulses = PowerOnGainPulses;
            }
        }
    }

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber)
    {
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
    }

    protected override PinMode GetPinMode(int pinNumber) => pinNumber == clockPin ? PinMode.Output : PinMode.Input;

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private List<int> Snapshot(List<int> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
