namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>What the catalog knows about a barcode.</summary>
public sealed record CatalogProduct
{
    public required string Name { get; init; }

    public string? Category { get; init; }
}
