using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>
/// Turns a shelf's weighings into inventory changes of its one item: quantity = round(weight / unit weight), never
/// below 0. A new quantity counts only once it has been seen in <c>stableReadings</c> weighings in a row, so a hand
/// on the shelf or noise around a half unit does not flap it. The first stable quantity is reported as it is
/// (<c>added</c> with the count, or <c>removed</c> when the shelf is empty); after that a rise is <c>added</c> with the
/// new count and a fall is <c>consumed</c> with the difference.
/// </summary>
public sealed class ShelfInventory
{
    /// <summary>The unit of the quantity: pieces.</summary>
    public const string Unit = "pcs";

    private readonly ShelfItem _item;
    private readonly int _stableReadings;
    private int _candidate = -1;
    private int _seen;

    public ShelfInventory(ShelfItem item, int stableReadings)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!double.IsFinite(item.UnitGrams) || item.UnitGrams <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item.UnitGrams, "the unit weight must be a positive number of grams");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stableReadings, 1);
        _item = item;
        _stableReadings = stableReadings;
    }

    /// <summary>The quantity last reported; null before the first stable one.</summary>
    public int? Quantity { get; private set; }

    public static int QuantityOf(double grams, double unitGrams) =>
        (int)Math.Max(0, Math.Round(grams / unitGrams, MidpointRounding.AwayFromZero));

    /// <summary>Takes one weighing; returns the change to report, or null when the stable quantity is unchanged.</summary>
    public InventoryChange? Update(double grams)
    {
        var quantity = QuantityOf(grams, _item.UnitGrams);
        _seen = quantity == _candidate ? _seen + 1 : 1;
        _candidate = quantity;
        if (_seen < _stableReadings || quantity == Quantity)
        {
            return null;
        }

        var before = Quantity;
        Quantity = quantity;
        return before switch
        {
            null when quantity == 0 => Change(InventoryOp.Removed, null),
            { } was when quantity < was => Change(InventoryOp.Consumed, was - quantity),
            _ => Change(InventoryOp.Added, quantity),
        };
    }

    private InventoryChange Change(InventoryOp op, int? quantity) => new()
    {
        Op = op,
        ItemId = _item.ItemId,
        Name = op == InventoryOp.Added ? _item.Name : null,
        Barcode = op == InventoryOp.Added ? _item.Barcode : null,
        Category = op == InventoryOp.Added ? _item.Category : null,
        Quantity = quantity,
        Unit = quantity is null ? null : Unit,
    };
}
