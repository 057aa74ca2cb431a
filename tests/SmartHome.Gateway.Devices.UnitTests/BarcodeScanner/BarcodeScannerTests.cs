using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Devices.BarcodeScanner;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.BarcodeScanner;

public sealed class BarcodeScannerTests
{
    private const string Milk = "4006381333931";
    private const string Tissues = "036000291452";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly Devices.BarcodeScanner.BarcodeScanner _sut;

    public BarcodeScannerTests() =>
        _sut = new(ProductCatalog.Load(Path.Combine(AppContext.BaseDirectory, "BarcodeScanner", "catalog.sample.json")), "ADD", "REMOVE", Timeout, _time);

    [Fact]
    public void Scan_KnownProduct_AddsOneNamedFromTheCatalog()
    {
        var result = _sut.Scan(Milk);

        Assert.Equal((ScanOutcome.Counted, ScanMode.Add), (result.Outcome, result.Mode));
        var change = result.Change!;
        Assert.Equal((InventoryOp.Added, "scan-4006381333931", "Milk 1 l", Milk, "dairy", 1.0, "pcs"),
            (change.Op, change.ItemId, change.Name, change.Barcode, change.Category, change.Quantity, change.Unit));
    }

    [Fact]
    public void Scan_SameProductAgain_AddsTheNewCount()
    {
        _sut.Scan(Milk);

        var change = _sut.Scan(Milk).Change!;

        Assert.Equal((InventoryOp.Added, 2.0), (change.Op, change.Quantity));
    }

    [Fact]
    public void Scan_StartedFromSavedCounts_AddsOnFromThem()
    {
        var sut = new Devices.BarcodeScanner.BarcodeScanner(ProductCatalog.Empty, "ADD", "REMOVE", Timeout, _time, new Dictionary<string, int> { ["scan-" + Milk] = 4 });

        var change = sut.Scan(Milk).Change!;

        Assert.Equal(5.0, change.Quantity);
        Assert.Equal(5, sut.Counts["scan-" + Milk]);
    }

    [Fact]
    public void Scan_UpcA_IsCountedUnderItsEan13()
    {
        var change = _sut.Scan(Tissues).Change!;

        Assert.Equal(("scan-0036000291452", "0036000291452", "Tissues"), (change.ItemId, change.Barcode, change.Name));
    }

    [Fact]
    public void Scan_RemoveModeCard_NextScanConsumesOne()
    {
        _sut.Scan(Milk);
        _sut.Scan(Milk);

        var card = _sut.Scan("remove");
        var change = _sut.Scan(Milk).Change!;

        Assert.Equal((ScanOutcome.ModeChanged, ScanMode.Remove, null), (card.Outcome, card.Mode, card.Change));
        Assert.Equal((InventoryOp.Consumed, "scan-4006381333931", 1.0), (change.Op, change.ItemId, change.Quantity));
    }

    [Fact]
    public void Scan_AddModeCardAfterARemoval_AddsAgainFromTheLowerCount()
    {
        _sut.Scan(Milk);
        _sut.Scan(Milk);
        _sut.Scan("REMOVE");
        _sut.Scan(Milk);

        var card = _sut.Scan("ADD");
        var change = _sut.Scan(Milk).Change!;

        Assert.Equal((ScanOutcome.ModeChanged, ScanMode.Add), (card.Outcome, card.Mode));
        Assert.Equal((InventoryOp.Added, 2.0), (change.Op, change.Quantity));
    }

    [Fact]
    public void Scan_RemoveModeUnusedForTheTimeout_IsBackInAddMode()
    {
        _sut.Scan("REMOVE");
        _time.Advance(Timeout);

        var result = _sut.Scan(Milk);

        Assert.Equal((ScanMode.Add, InventoryOp.Added), (result.Mode, result.Change!.Op));
        Assert.Equal(ScanMode.Add, _sut.Mode);
    }

    [Fact]
    public void Scan_RemovalInRemoveMode_RestartsTheTimeout()
    {
        _sut.Scan("REMOVE");
        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        _sut.Scan(Milk);
        _time.Advance(Timeout - TimeSpan.FromSeconds(1));

        var result = _sut.Scan(Milk);

        Assert.Equal((ScanMode.Remove, InventoryOp.Consumed), (result.Mode, result.Change!.Op));
    }

    [Fact]
    public void Scan_CodeNotInTheCatalog_AddsItNamedByItsCodeAsUnknown()
    {
        var result = _sut.Scan("4001686301548");

        Assert.Equal(ScanOutcome.CountedUnknown, result.Outcome);
        Assert.Equal(("scan-4001686301548", "4001686301548", Devices.BarcodeScanner.BarcodeScanner.UnknownCategory),
            (result.Change!.ItemId, result.Change.Name, result.Change.Category));
    }

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("12345")]
    [InlineData("HELLO")]
    public void Scan_BadCode_IsCountedAndChangesNothing(string code)
    {
        _sut.Scan("REMOVE");

        var result = _sut.Scan(code);

        Assert.Equal((ScanOutcome.BadCode, null), (result.Outcome, result.Change));
        Assert.Equal(1, _sut.BadScans);
        Assert.Equal(ScanMode.Remove, _sut.Mode);
    }
}
