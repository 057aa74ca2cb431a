namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>
/// The input channel and gain of the next conversion, chosen by the number of clock pulses of a read: the 24 data
/// bits plus one, two or three. The value of each member is that pulse count.
/// </summary>
public enum Hx711Gain
{
    /// <summary>Channel A, gain 128 (±20 mV full scale): the usual load-cell input and the chip's power-on setting.</summary>
    ChannelA128 = 25,

    /// <summary>Channel B, gain 32 (±80 mV).</summary>
    ChannelB32 = 26,

    /// <summary>Channel A, gain 64 (±40 mV).</summary>
    ChannelA64 = 27,
}
