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
}
