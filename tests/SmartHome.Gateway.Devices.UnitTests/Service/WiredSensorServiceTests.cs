using System.Device.Gpio;
using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Devices.Ds18b20;
using SmartHome.Gateway.Devices.Hx711;
using SmartHome.Gateway.Devices.UnitTests.Support;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.Devices.UnitTests.Service;

public sealed class WiredSensorServiceTests : IAsyncLifetime
{
    private const string FridgeProbe = "28-0316a2791cff";
    private const string FreezerProbe = "28-0416b3801d00";
    private const int Pin = 17;
    private const string Milk = "4006381333931";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _sysfs = new();
    private readonly TempDirectory _outboxFolder = new();
    private readonly TempDirectory _contentRoot = new();
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly SimulatedGpioDriver _driver = new();
    private readonly FakeClockSyncProbe _clockSync = new();
    private readonly RecordingObserver _observer = new();
    private DurableOutbox _outbox = null!;

    public Task InitializeAsync()
    {
        _outbox = TestOutbox.Open(_outboxFolder.Path, time: _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _outbox.DisposeAsync();
        _outboxFolder.Dispose();
        _contentRoot.Dispose();
        _sysfs.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_ProbesEnabled_StoresTemperaturesAndFaultRecords()
    {
        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("YES", "3875"));
        W1Sysfs.Write(_sysfs.Path, FreezerProbe, W1Sysfs.Slave("YES", "85000"));
        var options = Options(o =>
        {
            o.Ds18b20.Enabled = true;
            o.Ds18b20.SysfsRoot = _sysfs.Path;
            o.Ds18b20.Probes[FridgeProbe] = "fridge";
            o.Ds18b20.Probes[FreezerProbe] = "freezer";
            o.Ds18b20.Probes["28-000000000001"] = "pantry";
        });
        using var sut = NewService(options);

        await sut.StartAsync(CancellationToken.None);
        var records = await RecordsAsync(3);
        await sut.StopAsync(CancellationToken.None);

        var fridge = Assert.Single(records, r => r.Sensor == "fridge");
        Assert.Equal(RecordKind.Temperature, fridge.Kind);
        Assert.Equal(3.875, fridge.Celsius);
        Assert.Equal("pi", fridge.Appliance);
        Assert.Equal(RecordQuality.Good, fridge.Quality);
        Assert.Equal(TestData.Start, fridge.At);
        var freezer = Assert.Single(records, r => r.Sensor == "freezer");
        Assert.Equal((RecordKind.Fault, Ds18b20Faults.PowerOn85, RecordQuality.Bad, (double?)null), (freezer.Kind, freezer.Reason, freezer.Quality, freezer.Celsius));
        var pantry = Assert.Single(records, r => r.Sensor == "pantry");
        Assert.Equal((RecordKind.Fault, Ds18b20Faults.Disconnected, RecordQuality.Bad), (pantry.Kind, pantry.Reason, pantry.Quality));
        Assert.Equal(records.OrderBy(r => r.Sensor), _observer.Records.OrderBy(r => r.Sensor));
    }

    [Fact]
    public async Task ExecuteAsync_ClockNotYetSynchronised_FlagsTheRecordsItStamps()
    {
        _clockSync.Synchronized = false;
        using var sut = await StartFridgeProbeEvery30SecondsAsync();

        _clockSync.Synchronized = true;
        var records = await RecordsAsync(2, TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(false, records[0].ClockSynced);
        Assert.Null(records[1].ClockSynced);
    }

    [Fact]
    public async Task ExecuteAsync_IntervalPasses_ReadsTheProbesAgain()
    {
        using var sut = await StartFridgeProbeEvery30SecondsAsync();

        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("NO", "4000"));
        // Advancing at every look: the poller may not have armed its next delay when the first record shows.
        var records = await RecordsAsync(2, TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(RecordKind.Fault, records[1].Kind);
        Assert.Equal(Ds18b20Faults.CrcNotYes, records[1].Reason);
        var sinceFirst = records[1].At - records[0].At;
        Assert.True(sinceFirst > TimeSpan.Zero && sinceFirst.Ticks % TimeSpan.FromSeconds(30).Ticks == 0, $"read again after {sinceFirst}, not a whole number of intervals");
    }

    [Fact]
    public async Task ExecuteAsync_ReadingOutsidePlausibleRange_StoresOutOfRangeFault()
    {
        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("YES", "110000"));
        using var sut = NewService(Options(o =>
        {
            o.Ds18b20.Enabled = true;
            o.Ds18b20.SysfsRoot = _sysfs.Path;
            o.Ds18b20.Probes[FridgeProbe] = "fridge";
        }));

        await sut.StartAsync(CancellationToken.None);
        var record = Assert.Single(await RecordsAsync(1));
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal((RecordKind.Fault, "out-of-range", RecordQuality.Bad), (record.Kind, record.Reason, record.Quality));
    }

    [Fact]
    public async Task ExecuteAsync_DoorSwitchBounces_StoresOneDoorRecordPerSettledChange()
    {
        _driver.InitialLevel = PinValue.Low;
        using var sut = NewService(Options(o =>
        {
            o.DoorSwitch.Enabled = true;
            o.DoorSwitch.Pin = Pin;
            o.DoorSwitch.OpenWhen = "high";
            o.DoorSwitch.Door = "fridge-door";
        }));
        await sut.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(_driver.CallbackCount(Pin) == 1), Timeout, "the door switch to listen");

        _driver.SetLevel(Pin, PinValue.High);
        _driver.SetLevel(Pin, PinValue.Low);
        _driver.SetLevel(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _driver.SetLevel(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        var records = await RecordsAsync(2);
        await sut.StopAsync(CancellationToken.None);

        Assert.All(records, r => Assert.Equal((RecordKind.Door, "fridge-door", "pi"), (r.Kind, r.Door, r.Appliance)));
        Assert.Equal([DoorState.Open, DoorState.Closed], records.Select(r => r.State!.Value));
        Assert.True(_driver.Disposed);
    }

    [Fact]
    public async Task ExecuteAsync_NothingEnabled_StoresNothingAndOpensNoController()
    {
        var opened = false;
        using var sut = new WiredSensorService(
            Microsoft.Extensions.Options.Options.Create(new GatewayOptions()), _outbox, FakeClockSyncProbe.Clock(_time), _time, () =>
            {
                opened = true;
                return new GpioController(_driver);
            },
            new HostingEnvironment { ContentRootPath = _contentRoot.Path },
            [_observer],
            NullLogger<WiredSensorService>.Instance);

        await sut.StartAsync(CancellationToken.None);
        await sut.StopAsync(CancellationToken.None);
        Assert.Empty(_observer.Records);

        Assert.False(opened);
        Assert.Empty(_outbox.GetPending(0, 10));
    }

    [Fact]
    public async Task ExecuteAsync_ShelfEnabled_TaresAtStartAndStoresEachStableQuantityChange()
    {
        const int empty = 10_000;
        const double rawPerGram = 20;
        var raw = empty;
        var hx711 = new SimulatedHx711Driver(_time) { Conversions = () => Volatile.Read(ref raw) };
        using var sut = NewService(Options(o => EnableShelf(o.Hx711, rawPerGram)), () => new GpioController(hx711));

        await sut.StartAsync(CancellationToken.None);
        await RecordsAsync(1, advance: Interval);
        Volatile.Write(ref raw, empty + (int)(6 * 60 * rawPerGram));
        await RecordsAsync(2, advance: Interval);
        Volatile.Write(ref raw, empty + (int)(((4 * 60) + 10) * rawPerGram));
        var records = await RecordsAsync(3, advance: Interval);
        await sut.StopAsync(CancellationToken.None);

        Assert.All(records, r => Assert.Equal((RecordKind.Inventory, "pi", "eggs-shelf", RecordQuality.Good), (r.Kind, r.Appliance, r.ItemId, r.Quality)));
        Assert.Equal([(InventoryOp.Removed, null), (InventoryOp.Added, 6), (InventoryOp.Consumed, 2)], records.Select(r => (r.Op!.Value, r.Quantity)));
        Assert.Equal(("Eggs", "pcs"), (records[1].Name, records[1].Unit));
        Assert.True(hx711.Disposed);
    }

    [Fact]
    public async Task ExecuteAsync_ShelfDoutNeverReady_StoresOneFaultRecordAndKeepsTrying()
    {
        var hx711 = new SimulatedHx711Driver(_time) { PollAdvance = TimeSpan.FromMilliseconds(100) };
        using var sut = NewService(Options(o => EnableShelf(o.Hx711, rawPerGram: 20)), () => new GpioController(hx711));

        await sut.StartAsync(CancellationToken.None);
        var fault = Assert.Single(await RecordsAsync(1));
        await Eventually.TrueAsync(
            () =>
            {
                _time.Advance(Interval);
                return hx711.NotReadyPolls >= 30;
            },
            Timeout,
            "three weighings that found the HX711 not ready");
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal((RecordKind.Fault, ShelfPoller.Sensor, Hx711Faults.NotReady, RecordQuality.Bad), (fault.Kind, fault.Sensor, fault.Reason, fault.Quality));
        Assert.Single(await RecordsAsync(1));
    }

    [Fact]
    public async Task ExecuteAsync_ScannerEnabled_StoresAddedAndRemovedItemsButNotBadScans()
    {
        var input = Path.Combine(_sysfs.Path, "scanner-event-kbd");
        await File.WriteAllBytesAsync(input, KeyEvents.Typing($"{Milk}\n{Milk}\nREMOVE\n{Milk}\n4006381333932\nADD\n4001686301548\n"));
        using var sut = NewService(Options(o =>
        {
            o.BarcodeScanner.Enabled = true;
            o.BarcodeScanner.Path = input;
            o.BarcodeScanner.CatalogPath = Path.Combine(AppContext.BaseDirectory, "BarcodeScanner", "catalog.sample.json");
        }));

        await sut.StartAsync(CancellationToken.None);
        await RecordsAsync(4);
        await sut.StopAsync(CancellationToken.None);
        var records = await RecordsAsync(4);

        Assert.All(records, r => Assert.Equal((RecordKind.Inventory, "pi"), (r.Kind, r.Appliance)));
        Assert.Equal(
            [(InventoryOp.Added, "scan-" + Milk, "Milk 1 l", "dairy", 1), (InventoryOp.Added, "scan-" + Milk, "Milk 1 l", "dairy", 2),
             (InventoryOp.Consumed, "scan-" + Milk, null, null, 1), (InventoryOp.Added, "scan-4001686301548", "4001686301548", "unknown", 1)],
            records.Select(r => (r.Op!.Value, r.ItemId, r.Name, r.Category, r.Quantity!.Value)));
    }

    [Fact]
    public async Task ExecuteAsync_ScannerInputMissing_StoresOneDisconnectedFaultAndReadsOnceItAppears()
    {
        var input = Path.Combine(_sysfs.Path, "scanner.txt");
        using var sut = NewService(Options(o =>
        {
            o.BarcodeScanner.Enabled = true;
            o.BarcodeScanner.Path = input;
            o.BarcodeScanner.Format = "text";
        }));

        await sut.StartAsync(CancellationToken.None);
        var fault = Assert.Single(await RecordsAsync(1));
        await File.WriteAllTextAsync(input, Milk + "\n");
        var records = await RecordsAsync(2, advance: ScannerListener.RetryDelay);
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal((RecordKind.Fault, ScannerListener.Sensor, ScannerListener.Disconnected, RecordQuality.Bad), (fault.Kind, fault.Sensor, fault.Reason, fault.Quality));
        Assert.Equal((RecordKind.Inventory, InventoryOp.Added, Milk), (records[1].Kind, records[1].Op, records[1].Barcode));
    }

    [Fact]
    public async Task ExecuteAsync_ScannerOnAPipeThatStaysOpen_StoresScansAsTheyComeAndStopsWithoutWaitingForTheRead()
    {
        var pipe = Path.Combine(_sysfs.Path, "scanner.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var sut = NewService(Options(o =>
        {
            o.BarcodeScanner.Enabled = true;
            o.BarcodeScanner.Path = pipe;
            o.BarcodeScanner.Format = "text";
        }));
        await sut.StartAsync(CancellationToken.None);

        // Opening a pipe for writing waits for its reader: the scanner has opened it once this returns.
        await using var scanner = await Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write));
        await scanner.WriteAsync(System.Text.Encoding.ASCII.GetBytes(Milk + "\n"));
        await scanner.FlushAsync();
        var record = Assert.Single(await RecordsAsync(1));
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal((InventoryOp.Added, Milk), (record.Op, record.Barcode));
    }

    [Fact]
    public async Task ExecuteAsync_ScannerAfterARestart_CountsOnFromTheSavedPackCounts()
    {
        var input = Path.Combine(_sysfs.Path, "scans.txt");
        var options = Options(o =>
        {
            o.BarcodeScanner.Enabled = true;
            o.BarcodeScanner.Path = input;
            o.BarcodeScanner.Format = "text";
        });
        await File.WriteAllTextAsync(input, $"{Milk}\n{Milk}\n");
        using (var first = NewService(options))
        {
            await first.StartAsync(CancellationToken.None);
            await RecordsAsync(2);
            await first.StopAsync(CancellationToken.None);
        }

        await File.WriteAllTextAsync(input, $"{Milk}\n");
        using var sut = NewService(options);
        await sut.StartAsync(CancellationToken.None);
        var records = await RecordsAsync(3);
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3], records.Select(r => r.Quantity!.Value));
        Assert.True(File.Exists(Path.Combine(_contentRoot.Path, "barcode-scanner-counts.json")));
    }

    private static void EnableShelf(Hx711Options shelf, double rawPerGram)
    {
        shelf.Enabled = true;
        shelf.DataPin = SimulatedHx711Driver.DataPin;
        shelf.ClockPin = SimulatedHx711Driver.ClockPin;
        shelf.CalibrationFactor = rawPerGram;
        shelf.TareSamples = 2;
        shelf.Samples = 3;
        shelf.StableReadings = 2;
        shelf.Interval = Interval;
        shelf.ItemId = "eggs-shelf";
        shelf.ItemName = "Eggs";
        shelf.UnitGrams = 60;
    }

    /// <summary>A service reading one good fridge probe every 30 s, started and past its first record.</summary>
    private async Task<WiredSensorService> StartFridgeProbeEvery30SecondsAsync()
    {
        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("YES", "3875"));
        var sut = NewService(Options(o =>
        {
            o.Ds18b20.Enabled = true;
            o.Ds18b20.SysfsRoot = _sysfs.Path;
            o.Ds18b20.Interval = TimeSpan.FromSeconds(30);
            o.Ds18b20.Probes[FridgeProbe] = "fridge";
        }));
        await sut.StartAsync(CancellationToken.None);
        await RecordsAsync(1);
        return sut;
    }

    private WiredSensorService NewService(GatewayOptions options, GpioControllerFactory? gpio = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), _outbox, FakeClockSyncProbe.Clock(_time, _clockSync), _time, gpio ?? (() => new GpioController(_driver)),
            new HostingEnvironment { ContentRootPath = _contentRoot.Path }, [_observer], NullLogger<WiredSensorService>.Instance);

    private static GatewayOptions Options(Action<DevicesOptions> configure)
    {
        var options = new GatewayOptions { HouseholdId = "home-1", GatewayId = "gw-1" };
        configure(options.Devices);
        return options;
    }

    /// <summary>Waits for <paramref name="count"/> records, advancing the clock by <paramref name="advance"/> at every look.</summary>
    private async Task<List<TelemetryRecord>> RecordsAsync(int count, TimeSpan advance = default) =>
        await Eventually.GetAsync(
            () =>
            {
                _time.Advance(advance);
                var records = _outbox.GetPending(0, 100)
                    .SelectMany(entry => JsonSerializer.Deserialize(_outbox.TryReadEnvelope(entry)!, ContractsJsonContext.Default.TelemetryEnvelope)!.Records)
                    .ToList();
                return Task.FromResult(records.Count >= count ? records : null);
            },
            Timeout,
            $"{count} record(s) in the outbox");
}
