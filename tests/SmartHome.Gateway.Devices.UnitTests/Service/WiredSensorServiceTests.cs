using System.Device.Gpio;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Devices.Ds18b20;
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
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _sysfs = new();
    private readonly TempDirectory _outboxFolder = new();
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly SimulatedGpioDriver _driver = new();
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
    }

    [Fact]
    public async Task ExecuteAsync_IntervalPasses_ReadsTheProbesAgain()
    {
        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("YES", "3875"));
        using var sut = NewService(Options(o =>
        {
            o.Ds18b20.Enabled = true;
            o.Ds18b20.SysfsRoot = _sysfs.Path;
            o.Ds18b20.Interval = TimeSpan.FromSeconds(30);
            o.Ds18b20.Probes[FridgeProbe] = "fridge";
        }));
        await sut.StartAsync(CancellationToken.None);
        await RecordsAsync(1);

        W1Sysfs.Write(_sysfs.Path, FridgeProbe, W1Sysfs.Slave("NO", "4000"));
        _time.Advance(TimeSpan.FromSeconds(30));
        var records = await RecordsAsync(2);
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(RecordKind.Fault, records[1].Kind);
        Assert.Equal(Ds18b20Faults.CrcNotYes, records[1].Reason);
        Assert.Equal(TestData.Start.AddSeconds(30), records[1].At);
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
            Microsoft.Extensions.Options.Options.Create(new GatewayOptions()), _outbox, _time, () =>
            {
                opened = true;
                return new GpioController(_driver);
            },
            NullLogger<WiredSensorService>.Instance);

        await sut.StartAsync(CancellationToken.None);
        await sut.StopAsync(CancellationToken.None);

        Assert.False(opened);
        Assert.Empty(_outbox.GetPending(0, 10));
    }

    private WiredSensorService NewService(GatewayOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), _outbox, _time, () => new GpioController(_driver), NullLogger<WiredSensorService>.Instance);

    private static GatewayOptions Options(Action<DevicesOptions> configure)
    {
        var options = new GatewayOptions { HouseholdId = "home-1", GatewayId = "gw-1" };
        configure(options.Devices);
        return options;
    }

    private async Task<List<TelemetryRecord>> RecordsAsync(int count) =>
        await Eventually.GetAsync(
            () =>
            {
                var records = _outbox.GetPending(0, 100)
                    .SelectMany(entry => JsonSerializer.Deserialize(_outbox.TryReadEnvelope(entry)!, ContractsJsonContext.Default.TelemetryEnvelope)!.Records)
                    .ToList();
                return Task.FromResult(records.Count >= count ? records : null);
            },
            Timeout,
            $"{count} record(s) in the outbox");
}
