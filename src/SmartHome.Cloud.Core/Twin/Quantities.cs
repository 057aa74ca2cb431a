namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// Quantities in comparable units: volumes in litres, masses in kilograms, anything counted in pieces. An item
/// without a unit (or <c>pcs</c>, <c>piece</c>...) counts as pieces; a unit not listed here cannot be compared.
/// </summary>
public static class Quantities
{
    private static readonly Dictionary<string, (QuantityKind Kind, double Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["l"] = (QuantityKind.Volume, 1),
        ["dl"] = (QuantityKind.Volume, 0.1),
        ["cl"] = (QuantityKind.Volume, 0.01),
        ["ml"] = (QuantityKind.Volume, 0.001),
        ["kg"] = (QuantityKind.Mass, 1),
        ["g"] = (QuantityKind.Mass, 0.001),
        ["mg"] = (QuantityKind.Mass, 0.000001),
        ["pcs"] = (QuantityKind.Pieces, 1),
        ["pc"] = (QuantityKind.Pieces, 1),
        ["piece"] = (QuantityKind.Pieces, 1),
        ["pieces"] = (QuantityKind.Pieces, 1),
    };

    public static bool IsKnownUnit(string? unit) => string.IsNullOrWhiteSpace(unit) || Units.ContainsKey(unit.Trim());

    /// <returns>The quantity in litres, kilograms or pieces, and which; null for a unit not known.</returns>
    public static (QuantityKind Kind, double Amount)? Normalize(double quantity, string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return (QuantityKind.Pieces, quantity);
        }

        return Units.TryGetValue(unit.Trim(), out var known) ? (known.Kind, quantity * known.Factor) : null;
    }
}

public enum QuantityKind
{
    Pieces,
    Volume,
    Mass,
}
