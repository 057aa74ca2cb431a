using System.Device.Gpio;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.Devices.Ds18b20;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Devices;

/// <summary>
/// Sensors wired to the Pi itself (<c>SmartHome:Gateway:Devices</c>): polls the DS18B20 probes, watches the door
/// switch, weighs the load-cell shelf and reads the barcode scanner, and stores what they report in the outbox as
/// records of the configured appliance, validated like the appliance link's. Known fault readings become fault
/// records of quality bad. Does nothing when no device is enabled.
/// </summary>
internal sealed class WiredSensorService(
    IOptions<GatewayOptions> options,
    DurableOutbox outbox,
    GatewayClock clock,
    TimeProvider time,
    GpioControllerFactory gpio,
    IHostEnvironment environment,
    IEnumerable<IAcceptedRecordObserver> observers,
    ILogger<WiredSensorService> logger)
    : BackgroundService
{
    private const string OutOfRange = "out-of-range";

    private readonly DevicesOptions _options = options.Value.Devices;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Ds18b20.Enabled && !_options.DoorSwitch.Enabled && !_options.Hx711.Enabled && !_options.BarcodeScanner.Enabled)
        {
            return;
        }

        var records = Channel.CreateUnbounded<TelemetryRecord>(new() { SingleReader = true });
        var door = _options.DoorSwitch.Enabled ? OpenDoorSwitch(records.Writer) : null;
        var probes = _options.Ds18b20.Enabled
            ? _options.Ds18b20.Probes.Select(p => new Probe(new Ds18b20Sensor(new SysfsOneWireBus(_options.Ds18b20.SysfsRoot), p.Key), p.Value)).ToList()
            : [];
        var shelf = _options.Hx711.Enabled ? new ShelfPoller(_options.Hx711, _options.Appliance, gpio, time, logger) : null;
        var scanner = _options.BarcodeScanner.Enabled ? new ScannerListener(
                _options.BarcodeScanner, Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.BarcodeScanner.CountsPath)), _options.Appliance, time, logger) : null;
        Log.Started(logger, probes.Count, _options.Ds18b20.SysfsRoot, door is null ? "off" : $"on GPIO{_options.DoorSwitch.Pin}");

        // Reading a probe blocks for its conversion (~750 ms), and so does weighing the shelf: each polls on its own
        // thread-pool task. A scanner read blocks until a key is pressed and cannot be cancelled, so shutdown does
        // not wait for it; what it reported before is stored below.
        var polling = probes.Count > 0 ? Task.Run(() => PollAsync(probes, records.Writer, stoppingToken), CancellationToken.None) : Task.CompletedTask;
        var weighing = shelf is null ? Task.CompletedTask : Task.Run(() => shelf.RunAsync(records.Writer, stoppingToken), CancellationToken.None);
        _ = scanner is null ? Task.CompletedTask : Task.Run(() => scanner.RunAsync(records.Writer, stoppingToken), CancellationToken.None);
        try
        {
            await foreach (var record in records.Reader.ReadAllAsync(stoppingToken))
            {
                await StoreAsync(record, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stop the devices, then store what they already reported.
        }
        finally
        {
            door?.Dispose();
            await polling;
            await weighing;
            shelf?.Dispose();
            probes.ForEach(p => p.Sensor.Dispose());
            records.Writer.TryComplete();
        }

        while (records.Reader.TryRead(out var pending))
        {
            await StoreAsync(pending, CancellationToken.None);
        }
    }

    private DoorSwitch.DoorSwitch OpenDoorSwitch(ChannelWriter<TelemetryRecord> records)
    {
        var config = _options.DoorSwitch;
        var door = new DoorSwitch.DoorSwitch(gpio(), config.Pin, config.OpenWhenHigh ? PinValue.High : PinValue.Low, config.Debounce, time);
        door.Changed += (_, e) => records.TryWrite(
            TelemetryRecord.From(_options.Appliance, new DoorEvent { Door = config.Door, State = e.State }, e.At));
        return door;
    }

    private async Task PollAsync(List<Probe> probes, ChannelWriter<TelemetryRecord> records, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var probe in probes)
                {
                    records.TryWrite(Read(probe));
                }

                await Task.Delay(_options.Ds18b20.Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private TelemetryRecord Read(Probe probe)
    {
        var now = time.GetUtcNow();
        var ok = probe.Sensor.TryReadTemperature(out var celsius, out var fault);
        if (ok)
        {
            var record = TelemetryRecord.From(_options.Appliance, new TemperatureReading { Sensor = probe.Name, Celsius = celsius }, now);
            if (RecordValidator.Validate(record) is null)
            {
                if (probe.LastFault is not null)
                {
                    Log.ProbeRecovered(logger, probe.Sensor.DeviceId, probe.Name);
                    probe.LastFault = null;
                }

                return record;
            }

            fault = OutOfRange;
        }

        if (probe.LastFault != fault)
        {
            Log.ProbeFault(logger, probe.Sensor.DeviceId, probe.Name, fault!);
            probe.LastFault = fault;
        }

        return new() { Appliance = _options.Appliance, Kind = RecordKind.Fault, At = now, Sensor = probe.Name, Reason = fault, Quality = RecordQuality.Bad };
    }

    private async Task StoreAsync(TelemetryRecord record, CancellationToken cancellationToken)
    {
        if (RecordValidator.Validate(record) is { } rejection)
        {
            Log.RecordRejected(logger, record.Kind.ToString(), rejection.Code, rejection.Detail);
            return;
        }

        if (!clock.IsSynchronized())
        {
            record = record with { ClockSynced = false };
        }

        try
        {
            await outbox.AppendAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RecordNotStored(logger, record.Kind.ToString(), ex);
            return;
        }

        foreach (var observer in observers)
        {
            observer.Accepted(record);
        }
    }

    private sealed class Probe(Ds18b20Sensor sensor, string name)
    {
        public Ds18b20Sensor Sensor { get; } = sensor;

        public string Name { get; } = name;

        public string? LastFault { get; set; }
    }
}
