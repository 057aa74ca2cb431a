namespace SmartHome.FirmwareSim.Faults;

/// <summary>How a DS18B20 temperature probe misbehaves.</summary>
public enum ProbeFaultKind
{
    /// <summary>Reports 85.0 °C, the power-on reset value of its temperature register (a brown-out or a read before a conversion).</summary>
    PowerOnReset,

    /// <summary>Reports −127.0 °C, what the common Arduino/ESP DS18B20 libraries return for a probe that does not answer.</summary>
    Disconnected,

    /// <summary>Its readings stop.</summary>
    Silent,

    /// <summary>Repeats the last value it reported before the fault, exactly, at every reading.</summary>
    Stuck,
}
