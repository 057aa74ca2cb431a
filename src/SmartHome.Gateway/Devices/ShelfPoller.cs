using System.Threading.Channels;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Devices.Hx711;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Devices;

/// <summary>
/// Weighs the load-cell shelf every interval and reports its item's stable quantity changes as inventory records;
/// a failed weighing (DOUT never ready, a saturated reading) becomes one fault record of quality bad per episode.
/// </summary>
internal sealed class ShelfPoller : IDisposable
{
    /// <summary>The sensor name of the shelf's fault records.</summary>
    public const string Sensor = "shelf";

    private readonly Hx711Options _options;
    private readonly string _appliance;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LoadCellShelf _shelf;
    private readonly ShelfInventory _inventory;
    private bool _tared;
    private string? _lastFault;

    public ShelfPoller(Hx711Options options, string appliance, GpioControllerFactory gpio, TimeProvider time, ILogger logger)
    {
        _options = options;
        _appliance = appliance;
        _time = time;
        _logger = logger;
        var adc = new Hx711.Hx711(gpio(), options.DataPin, options.ClockPin, options.GainSetting, Hx711.Hx711.DefaultReadyTimeout, time);
        _shelf = new LoadCellShelf(adc, options.CalibrationFactor, options.Samples, options.FilterSetting, options.Offset ?? 0);
        _tared = options.Offset is not null;
        _inventory = new ShelfInventory(new ShelfItem(options.ItemId!, options.ItemName, options.ItemBarcode, options.ItemCategory, options.UnitGrams), options.StableReadings);
        Log.ShelfStarted(logger, options.DataPin, options.ClockPin, options.ItemId!, options.UnitGrams);
    }

    /// <summary>Weighs until stopped. Each weighing blocks its thread while the ADC converts: run it on its own task.</summary>
    public async Task RunAsync(ChannelWriter<TelemetryRecord> records, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (Weigh() is { } record)
                {
                    records.TryWrite(record);
                }

                await Task.Delay(_options.Interval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public void Dispose() => _shelf.Dispose();

    private TelemetryRecord? Weigh()
    {
        var now = _time.GetUtcNow();
        string? fault = null;
        if (!_tared && _shelf.TryTare(_options.TareSamples, out fault))
        {
            _tared = true;
            Log.ShelfTared(_logger, _shelf.Offset);
        }

        TelemetryRecord? record = null;
        if (_tared && _shelf.TryReadGrams(out var grams, out fault) && _inventory.Update(grams) is { } change)
        {
            record = TelemetryRecord.From(_appliance, change, now);
        }

        if (fault == _lastFault)
        {
            return record;
        }

        _lastFault = fault;
        if (fault is null)
        {
            Log.ShelfRecovered(_logger);
            return record;
        }

        Log.ShelfFault(_logger, fault);
        return new() { Appliance = _appliance, Kind = RecordKind.Fault, At = now, Sensor = Sensor, Reason = fault, Quality = RecordQuality.Bad };
    }
}
