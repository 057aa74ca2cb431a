using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>A kind of food the simulated household buys or makes.</summary>
/// <param name="Slug">The stem of the item ids of this product (<c>milk</c> gives <c>milk-1</c>, <c>milk-2</c>, ...).</param>
/// <param name="Name">What the label says.</param>
/// <param name="Barcode">The EAN-13 on the pack; null for food made at home.</param>
/// <param name="Category">The food category the cloud's shelf-life catalog knows it by.</param>
/// <param name="Unit">The unit of its quantities: <c>l</c>, <c>g</c> or <c>pcs</c>.</param>
/// <param name="PackQuantity">How much one pack holds, in <paramref name="Unit"/>.</param>
/// <param name="Portion">How much one use takes, in <paramref name="Unit"/>.</param>
/// <param name="ShelfLifeDays">Typical best-before of a fresh pack, in days from purchase.</param>
/// <param name="Location">Where it is kept.</param>
/// <param name="Sealed">Whether the pack is opened once before use, so the appliance reports <c>opened</c>.</param>
internal sealed record Product(
    string Slug,
    string Name,
    string? Barcode,
    string Category,
    string Unit,
    double PackQuantity,
    double Portion,
    int ShelfLifeDays,
    StorageLocation Location,
    bool Sealed);
