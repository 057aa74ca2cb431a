using System.Threading.Channels;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Devices.BarcodeScanner;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Devices;

/// <summary>
/// Reads the barcode scanner's input and reports what each scan added or removed as inventory records. While the
/// input cannot be opened or read (the scanner is unplugged) it reports one <c>disconnected</c> fault record and
/// retries every <see cref="RetryDelay"/>; the end of the input (a file, a closed pipe or stdin) ends the scanning.
/// The pack counts are saved after every scan that changed one, so an add after a restart reports the right count.
/// </summary>
internal sealed class ScannerListener
{
    /// <summary>The sensor name of the scanner's fault records.</summary>
    public const string Sensor = "barcode-scanner";

    public const string Disconnected = "disconnected";

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private const int MaxLoggedCodeLength = 64;

    private readonly BarcodeScannerOptions _options;
    private readonly string _appliance;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BarcodeScanner.BarcodeScanner _scanner;
    private readonly string _countsPath;

    public ScannerListener(BarcodeScannerOptions options, string countsPath, string appliance, TimeProvider time, ILogger logger)
    {
        _options = options;
        _countsPath = countsPath;
        _appliance = appliance;
        _time = time;
        _logger = logger;
        var catalog = LoadCatalog();
        _scanner = new(catalog, options.AddCode, options.RemoveCode, options.RemoveModeTimeout, time, LoadCounts());
        Log.ScannerStarted(logger, options.Path!, options.FormatSetting.ToString(), catalog.Count);
    }

    /// <summary>
    /// Reads until the input ends or the service stops. A read of a device blocks its thread and cannot be
    /// cancelled: run it on its own task, and do not wait for it at shutdown.
    /// </summary>
    public async Task RunAsync(ChannelWriter<TelemetryRecord> records, CancellationToken stoppingToken)
    {
        var path = _options.Path!;
        var faulted = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
                    faulted = false;
                    await foreach (var code in ScanInput.ReadCodesAsync(input, _options.FormatSetting, stoppingToken))
                    {
                        if (Handle(code) is { } record)
                        {
                            records.TryWrite(record);
                        }
                    }

                    Log.ScannerInputEnded(_logger, path);
                    return;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Log.ScannerUnavailable(_logger, path, RetryDelay, ex.Message);
                    if (!faulted)
                    {
                        faulted = true;
                        records.TryWrite(new() { Appliance = _appliance, Kind = RecordKind.Fault, At = _time.GetUtcNow(), Sensor = Sensor, Reason = Disconnected, Quality = RecordQuality.Bad });
                    }
                }

                await Task.Delay(RetryDelay, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private TelemetryRecord? Handle(string code)
    {
        var result = _scanner.Scan(code);
        switch (result.Outcome)
        {
            case ScanOutcome.ModeChanged:
                Log.ScanModeChanged(_logger, result.Mode.ToString());
                break;
            case ScanOutcome.CountedUnknown:
                Log.ScanUnknown(_logger, result.Code);
                break;
            case ScanOutcome.BadCode:
                Log.ScanBad(_logger, result.Code.Length > MaxLoggedCodeLength ? result.Code[..MaxLoggedCodeLength] : result.Code, _scanner.BadScans);
                break;
        }

        if (result.Change is not { } change)
        {
            return null;
        }

        SaveCounts();
        return TelemetryRecord.From(_appliance, change, _time.GetUtcNow());
    }

    private Dictionary<string, int>? LoadCounts()
    {
        try
        {
            return PackCountsFile.Load(_countsPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Log.CountsUnusable(_logger, _countsPath, ex.Message);
            return null;
        }
    }

    private void SaveCounts()
    {
        try
        {
            PackCountsFile.Save(_countsPath, _scanner.Counts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CountsNotSaved(_logger, _countsPath, ex.Message);
        }
    }

    private ProductCatalog LoadCatalog()
    {
        if (string.IsNullOrWhiteSpace(_options.CatalogPath))
        {
            return ProductCatalog.Empty;
        }

        try
        {
            return ProductCatalog.Load(_options.CatalogPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Log.CatalogUnusable(_logger, _options.CatalogPath, ex.Message);
            return ProductCatalog.Empty;
        }
    }
}
