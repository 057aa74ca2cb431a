namespace SmartHome.FirmwareSim.Faults;

/// <summary>The kinds of broken message a firmware can send.</summary>
public enum MalformedKind
{
    /// <summary>Plain text instead of JSON (a debug print on the wrong topic).</summary>
    NotJson,

    /// <summary>A temperature reading cut off part-way (a buffer flushed too early).</summary>
    TruncatedJson,

    /// <summary><c>celsius</c> as a string.</summary>
    WrongType,

    /// <summary>A temperature reading without <c>celsius</c>.</summary>
    MissingField,

    /// <summary>A door event with <c>state</c> <c>ajar</c>.</summary>
    UnknownEnumValue,

    /// <summary>A temperature reading padded beyond the appliance link's size limit.</summary>
    TooLarge,

    /// <summary>A reading on <c>appliance/{id}/humidity</c>, a channel the contract does not have.</summary>
    UnknownChannel,
}
