namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>How the scanner's input path is read.</summary>
public enum ScanInputFormat
{
    /// <summary>A Linux input event device (<c>/dev/input/by-id/…-event-kbd</c>): binary key events.</summary>
    Evdev,

    /// <summary>Plain text, one code per line (stdin, a tty, a pipe): for scanners in serial mode, or a test.</summary>
    Text,
}
