using System.Device.Gpio;
using System.Diagnostics.CodeAnalysis;

namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>
/// An HX711 24-bit load-cell ADC on two GPIO pins, bit-banged: DOUT (data, an input) goes low when a conversion is
/// ready; each pulse on PD_SCK (clock, an output) shifts out one bit, most significant first, and the pulses after
/// the 24th select the gain of the next conversion. Holding the clock high for more than 60 µs powers the chip down.
/// Owns the <see cref="GpioController"/> and disposes it.
/// </summary>
public sealed class Hx711 : IDisposable
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(1);

    private const int DataBits = 24;
    private const int MaxRaw = 0x7FFFFF;
    private const int MinRaw = -0x800000;

    private readonly GpioController _controller;
    private readonly int _dataPin;
    private readonly int _clockPin;
    private readonly TimeSpan _readyTimeout;
    private readonly TimeProvider _time;
    private bool _gainPending;

    /// <param name="controller">The GPIO controller, owned from here on.</param>
    /// <param name="dataPin">DOUT's pin in the controller's (logical, BCM) numbering.</param>
    /// <param name="clockPin">PD_SCK's pin.</param>
    /// <param name="gain">The channel and gain of every conversion.</param>
    /// <param name="readyTimeout">How long a read waits for DOUT to go low before it reports <see cref="Hx711Faults.NotReady"/>.</param>
    /// <param name="time">The clock of the ready timeout.</param>
    public Hx711(GpioController controller, int dataPin, int clockPin, Hx711Gain gain, TimeSpan readyTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(dataPin);
        ArgumentOutOfRangeException.ThrowIfNegative(clockPin);
        ArgumentOutOfRangeException.ThrowIfEqual(dataPin, clockPin);
        if (!Enum.IsDefined(gain))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "not an HX711 gain");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(readyTimeout, TimeSpan.Zero);
        _controller = controller;
        _dataPin = dataPin;
        _clockPin = clockPin;
        Gain = gain;
        _readyTimeout = readyTimeout;
        _time = time;

        _controller.OpenPin(dataPin, PinMode.Input);
        _controller.OpenPin(clockPin, PinMode.Output);
        PowerUp();
    }

    public Hx711Gain Gain { get; }

    /// <summary>
    /// Waits for a conversion and reads it: true with the signed raw value; false with one of <see cref="Hx711Faults"/>.
    /// Blocks the calling thread for up to the ready timeout (a conversion takes 100 ms at the chip's 10 samples/s).
    /// </summary>
    public bool TryReadRaw(out int raw, [NotNullWhen(false)] out string? fault)
    {
        // After power-up the chip converts channel A at gain 128; the first read only selects the configured gain.
        if (_gainPending)
        {
            if (!TryConvert(out raw, out fault))
            {
                return false;
            }

            _gainPending = false;
        }

        return TryConvert(out raw, out fault);
    }

    /// <summary>Powers the chip down (clock held high); <see cref="PowerUp"/> or the next construction wakes it.</summary>
    public void PowerDown() => _controller.Write(_clockPin, PinValue.High);

    /// <summary>Powers the chip up (clock low). It resets to channel A, gain 128, so the next read selects the gain again.</summary>
    public void PowerUp()
    {
        _controller.Write(_clockPin, PinValue.Low);
        _gainPending = Gain != Hx711Gain.ChannelA128;
    }

    public void Dispose()
    {
        PowerDown();
        _controller.Dispose();
    }

    private bool TryConvert(out int raw, [NotNullWhen(false)] out string? fault)
    {
        raw = 0;
        if (!WaitReady())
        {
            fault = Hx711Faults.NotReady;
            return false;
        }

        var bits = 0u;
        for (var i = 0; i < DataBits; i++)
        {
            Pulse();
            bits = (bits << 1) | (_controller.Read(_dataPin) == PinValue.High ? 1u : 0u);
        }

        for (var i = DataBits; i < (int)Gain; i++)
        {
            Pulse();
        }

        // Two's complement in 24 bits: shift the sign bit to bit 31 and back to extend it.
        raw = (int)(bits << 8) >> 8;
        fault = raw is MaxRaw or MinRaw ? Hx711Faults.Saturated : null;
        return fault is null;
    }

    private bool WaitReady()
    {
        var started = _time.GetTimestamp();
        while (_controller.Read(_dataPin) == PinValue.High)
        {
            if (_time.GetElapsedTime(started) >= _readyTimeout)
            {
                return false;
            }

            // Conversions come every 100 ms (10 SPS) or 12.5 ms (80 SPS): poll without spinning a core.
            Thread.Sleep(1);
        }

        return true;
    }

    // The high phase must stay well under the 60 µs that powers the chip down; two GPIO writes take a few µs.
    private void Pulse()
    {
        _controller.Write(_clockPin, PinValue.High);
        _controller.Write(_clockPin, PinValue.Low);
    }
}
