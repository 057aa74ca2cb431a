namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>What a scan did.</summary>
public enum ScanOutcome
{
    /// <summary>A mode card: the scanner is now in the mode it names.</summary>
    ModeChanged,

    /// <summary>A catalog product was added or removed.</summary>
    Counted,

    /// <summary>A valid code the catalog does not know was added or removed, named by its code, category <c>unknown</c>.</summary>
    CountedUnknown,

    /// <summary>Not a mode card and not a retail code with a valid check digit: counted in <see cref="BarcodeScanner.BadScans"/>, nothing changes.</summary>
    BadCode,
}
