namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>The one kind of item a shelf holds, and what one of them weighs.</summary>
public sealed record ShelfItem(string ItemId, string? Name, string? Barcode, string? Category, double UnitGrams);
