namespace SmartHome.Gateway.Clock;

internal static partial class Log
{
    [LoggerMessage(1500, LogLevel.Warning, "Clock not synchronised at start (it reads {WallClock}): times the gateway stamps are flagged clockSynced:false until it is ({Key}=true skips the check)")]
    public static partial void NotSynchronized(ILogger logger, DateTimeOffset wallClock, string key);

    [LoggerMessage(1501, LogLevel.Information, "Clock synchronised {SinceStart} after start; times stamped before are corrected by {Correction} before they are sent")]
    public static partial void Synchronized(ILogger logger, TimeSpan sinceStart, TimeSpan correction);
}
