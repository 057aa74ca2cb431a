namespace SmartHome.Gateway.Systemd;

internal static partial class Log
{
    [LoggerMessage(1900, LogLevel.Information, "systemd watchdog on: pinging every {Interval} while the pipeline is alive")]
    public static partial void WatchdogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(1901, LogLevel.Critical, "systemd watchdog pings withheld, systemd will restart the gateway: {Problem}")]
    public static partial void PingsWithheld(ILogger logger, string problem);

    [LoggerMessage(1902, LogLevel.Warning, "systemd watchdog pings resumed: the pipeline is alive again")]
    public static partial void PingsResumed(ILogger logger);
}
