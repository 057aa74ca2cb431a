namespace SmartHome.Gateway.Devices;

internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Wired sensors started: {ProbeCount} DS18B20 probe(s) under {SysfsRoot}, door switch {DoorSwitch}")]
    public static partial void Started(ILogger logger, int probeCount, string sysfsRoot, string doorSwitch);

    [LoggerMessage(1401, LogLevel.Warning, "DS18B20 probe {ProbeId} ({Sensor}) reports a fault: {Reason}")]
    public static partial void ProbeFault(ILogger logger, string probeId, string sensor, string reason);

    [LoggerMessage(1402, LogLevel.Information, "DS18B20 probe {ProbeId} ({Sensor}) reads again after a fault")]
    public static partial void ProbeRecovered(ILogger logger, string probeId, string sensor);

    [LoggerMessage(1403, LogLevel.Warning, "Wired sensor record ({Kind}) rejected ({Code}): {Reason}")]
    public static partial void RecordRejected(ILogger logger, string kind, string code, string reason);

    [LoggerMessage(1404, LogLevel.Error, "Wired sensor record ({Kind}) could not be stored in the outbox; it is lost")]
    public static partial void RecordNotStored(ILogger logger, string kind, Exception exception);

    [LoggerMessage(1405, LogLevel.Information, "Load-cell shelf on GPIO{DataPin}/GPIO{ClockPin} counts {ItemId} at {UnitGrams} g each")]
    public static partial void ShelfStarted(ILogger logger, int dataPin, int clockPin, string itemId, double unitGrams);

    [LoggerMessage(1406, LogLevel.Information, "Load-cell shelf tared: offset {Offset} (set SmartHome:Gateway:Devices:Hx711:Offset to keep it across restarts)")]
    public static partial void ShelfTared(ILogger logger, double offset);

    [LoggerMessage(1407, LogLevel.Warning, "Load-cell shelf reports a fault: {Reason}")]
    public static partial void ShelfFault(ILogger logger, string reason);

    [LoggerMessage(1408, LogLevel.Information, "Load-cell shelf reads again after a fault")]
    public static partial void ShelfRecovered(ILogger logger);

    [LoggerMessage(1409, LogLevel.Information, "Barcode scanner reads {Path} ({Format}); catalog of {ProductCount} product(s)")]
    public static partial void ScannerStarted(ILogger logger, string path, string format, int productCount);

    [LoggerMessage(1410, LogLevel.Error, "Barcode scanner catalog {CatalogPath} is unusable, products are named by their codes: {Reason}")]
    public static partial void CatalogUnusable(ILogger logger, string catalogPath, string reason);

    [LoggerMessage(1411, LogLevel.Information, "Barcode scanner now in {Mode} mode")]
    public static partial void ScanModeChanged(ILogger logger, string mode);

    [LoggerMessage(1412, LogLevel.Information, "Scanned code {Code} is not in the catalog; counted as an unknown product")]
    public static partial void ScanUnknown(ILogger logger, string code);

    [LoggerMessage(1413, LogLevel.Warning, "Bad scan '{Code}' ignored: not a mode card or an EAN-13/UPC-A/EAN-8 with a valid check digit ({BadScans} bad scan(s) so far)")]
    public static partial void ScanBad(ILogger logger, string code, int badScans);

    [LoggerMessage(1414, LogLevel.Warning, "Barcode scanner input {Path} cannot be read, retrying in {RetryDelay}: {Reason}")]
    public static partial void ScannerUnavailable(ILogger logger, string path, TimeSpan retryDelay, string reason);

    [LoggerMessage(1415, LogLevel.Information, "Barcode scanner input {Path} ended; no more scans are read")]
    public static partial void ScannerInputEnded(ILogger logger, string path);

    [LoggerMessage(1416, LogLevel.Error, "Barcode scanner pack counts {CountsPath} are unusable, counting starts from zero: {Reason}")]
    public static partial void CountsUnusable(ILogger logger, string countsPath, string reason);

    [LoggerMessage(1417, LogLevel.Warning, "Barcode scanner pack counts could not be saved to {CountsPath}; a restart forgets the latest: {Reason}")]
    public static partial void CountsNotSaved(ILogger logger, string countsPath, string reason);
}
