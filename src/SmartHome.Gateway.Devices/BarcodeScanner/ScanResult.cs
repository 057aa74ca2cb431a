using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>The outcome of one scan, the mode after it, and the inventory change to report, if any.</summary>
public sealed record ScanResult(ScanOutcome Outcome, ScanMode Mode, string Code, InventoryChange? Change);
