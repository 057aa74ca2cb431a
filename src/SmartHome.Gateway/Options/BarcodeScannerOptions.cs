using System.ComponentModel.DataAnnotations;
using SmartHome.Gateway.Devices.BarcodeScanner;

namespace SmartHome.Gateway.Options;

/// <summary>A USB barcode scanner (a keyboard that types the code and Enter) that adds and removes items.</summary>
public sealed class BarcodeScannerOptions : IValidatableObject
{
    public bool Enabled { get; set; }

    /// <summary>The input event device (<c>/dev/input/by-id/…-event-kbd</c>), or a text stream with <see cref="Format"/> <c>text</c>.</summary>
    public string? Path { get; set; }

    /// <summary><c>evdev</c> or <c>text</c>.</summary>
    public string Format { get; set; } = "evdev";

    /// <summary>The product catalog (JSON); without one every product is named by its code.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>Where the pack counts are kept across restarts; a relative path is resolved against the host's content root.</summary>
    public string CountsPath { get; set; } = "barcode-scanner-counts.json";

    public string AddCode { get; set; } = "ADD";

    public string RemoveCode { get; set; } = "REMOVE";

    public TimeSpan RemoveModeTimeout { get; set; } = TimeSpan.FromMinutes(1);

    internal ScanInputFormat FormatSetting => string.Equals(Format, "text", StringComparison.OrdinalIgnoreCase) ? ScanInputFormat.Text : ScanInputFormat.Evdev;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerPath} is required when the scanner is enabled (e.g. /dev/input/by-id/usb-…-event-kbd)", [nameof(Path)]);
        }

        if (!string.Equals(Format, "evdev", StringComparison.OrdinalIgnoreCase) && !string.Equals(Format, "text", StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerFormat} must be 'evdev' or 'text', was '{Format}'", [nameof(Format)]);
        }

        if (!string.IsNullOrWhiteSpace(CatalogPath) && !File.Exists(CatalogPath))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerCatalogPath} names no file: {CatalogPath}", [nameof(CatalogPath)]);
        }

        if (string.IsNullOrWhiteSpace(CountsPath))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerCountsPath} is required when the scanner is enabled", [nameof(CountsPath)]);
        }

        if (string.IsNullOrWhiteSpace(AddCode) || string.IsNullOrWhiteSpace(RemoveCode))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerAddCode} and {GatewayConfigKeys.BarcodeScannerRemoveCode} must not be empty", [nameof(AddCode)]);
        }
        else if (string.Equals(AddCode.Trim(), RemoveCode.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerRemoveCode} must differ from {GatewayConfigKeys.BarcodeScannerAddCode}, both are '{AddCode}'", [nameof(RemoveCode)]);
        }

        if (RemoveModeTimeout < TimeSpan.FromSeconds(1) || RemoveModeTimeout > TimeSpan.FromHours(1))
        {
            yield return new($"{GatewayConfigKeys.BarcodeScannerRemoveModeTimeout} must be from 00:00:01 to 01:00:00, was {RemoveModeTimeout}", [nameof(RemoveModeTimeout)]);
        }
    }
}
