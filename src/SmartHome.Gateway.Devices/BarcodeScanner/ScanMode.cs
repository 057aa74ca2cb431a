namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>What a scan of a pack does.</summary>
public enum ScanMode
{
    /// <summary>Adds one of it (the default, and where the mode goes back to after the timeout).</summary>
    Add,

    /// <summary>Removes one of it.</summary>
    Remove,
}
