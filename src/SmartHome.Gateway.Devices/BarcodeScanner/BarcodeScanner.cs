using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>
/// What scans mean: in add mode a pack's code adds one of it, in remove mode it removes one. Scanning the add or
/// remove mode card switches the mode; remove mode falls back to add mode once no scan has used it for the timeout,
/// so a forgotten mode never throws away the next shopping. A valid code the catalog lacks is still counted, named by
/// its code with category <c>unknown</c>; a code that is neither a mode card nor a valid EAN-13, UPC-A or EAN-8 is
/// counted as bad and changes nothing.
/// </summary>
/// <remarks>
/// The item id of a product is <c>scan-{code}</c>; its count is kept here (<see cref="Counts"/>, to be saved across
/// restarts) so that an add reports the new number of packs (<c>added</c> with the count: a repeated add sets the
/// quantity) and a removal reports <c>consumed</c> 1.
/// </remarks>
public sealed class BarcodeScanner
{
    public const string UnknownCategory = "unknown";

    private readonly ProductCatalog _catalog;
    private readonly string _addCode;
    private readonly string _removeCode;
    private readonly TimeSpan _removeModeTimeout;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, int> _counts;
    private ScanMode _mode;
    private long _lastRemoveScan;

    /// <param name="catalog">Names and categories by code.</param>
    /// <param name="addCode">The add mode card.</param>
    /// <param name="removeCode">The remove mode card.</param>
    /// <param name="removeModeTimeout">How long remove mode lasts without a scan.</param>
    /// <param name="time">The clock of that timeout.</param>
    /// <param name="counts">The pack counts by item id to start from (e.g. from <see cref="PackCountsFile"/>); null for none.</param>
    public BarcodeScanner(ProductCatalog catalog, string addCode, string removeCode, TimeSpan removeModeTimeout, TimeProvider time, IReadOnlyDictionary<string, int>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(addCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(removeCode);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(removeModeTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        if (string.Equals(addCode.Trim(), removeCode.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("the add and remove mode cards must differ", nameof(removeCode));
        }

        _catalog = catalog;
        _addCode = addCode.Trim();
        _removeCode = removeCode.Trim();
        _removeModeTimeout = removeModeTimeout;
        _time = time;
        _counts = new(counts ?? new Dictionary<string, int>(), StringComparer.Ordinal);
    }

    /// <summary>The mode the next scan is in.</summary>
    public ScanMode Mode =>
        _mode == ScanMode.Remove && _time.GetElapsedTime(_lastRemoveScan) >= _removeModeTimeout ? ScanMode.Add : _mode;

    /// <summary>The pack count of every item id scanned in (0 once all were removed).</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Scans that were neither a mode card nor a valid retail code.</summary>
    public int BadScans { get; private set; }

    /// <summary>Takes one scanned code (the characters typed before Enter).</summary>
    public ScanResult Scan(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        code = code.Trim();
        if (string.Equals(code, _addCode, StringComparison.OrdinalIgnoreCase))
        {
            _mode = ScanMode.Add;
            return new(ScanOutcome.ModeChanged, _mode, code, null);
        }

        if (string.Equals(code, _removeCode, StringComparison.OrdinalIgnoreCase))
        {
            _mode = ScanMode.Remove;
            _lastRemoveScan = _time.GetTimestamp();
            return new(ScanOutcome.ModeChanged, _mode, code, null);
        }

        var mode = Mode;
        _mode = mode;
        if (!Gtin.TryNormalize(code, out var gtin))
        {
            BadScans++;
            return new(ScanOutcome.BadCode, mode, code, null);
        }

        var known = _catalog.TryFind(gtin, out var product);
        var itemId = "scan-" + gtin;
        var count = _counts.GetValueOrDefault(itemId);
        InventoryChange change;
        if (mode == ScanMode.Remove)
        {
            _lastRemoveScan = _time.GetTimestamp();
            _counts[itemId] = Math.Max(0, count - 1);
            change = new() { Op = InventoryOp.Consumed, ItemId = itemId, Barcode = gtin, Quantity = 1, Unit = "pcs" };
        }
        else
        {
            _counts[itemId] = count + 1;
            change = new()
            {
                Op = InventoryOp.Added,
                ItemId = itemId,
                Name = known ? product!.Name : gtin,
                Barcode = gtin,
                Category = known ? product!.Category : UnknownCategory,
                Quantity = count + 1,
                Unit = "pcs",
            };
        }

        return new(known ? ScanOutcome.Counted : ScanOutcome.CountedUnknown, mode, gtin, change);
    }
}
