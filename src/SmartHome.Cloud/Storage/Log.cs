namespace SmartHome.Cloud.Storage;

internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Information, "Store ready: {Provider}, schema version {Version}")]
    public static partial void StoreReady(ILogger logger, string provider, int version);

    [LoggerMessage(2101, LogLevel.Information, "Applied schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(2102, LogLevel.Debug, "Household {HouseholdId} changed concurrently; retrying (attempt {Attempt})")]
    public static partial void HouseholdVersionConflict(ILogger logger, string householdId, int attempt);

    [LoggerMessage(2103, LogLevel.Information, "Generated the server secret {Name}")]
    public static partial void ServerSecretGenerated(ILogger logger, string name);

    [LoggerMessage(2120, LogLevel.Debug, "Household {HouseholdId}: {Type} about {Subject} was told within the last {RepeatWindow}; not notified again")]
    public static partial void NotificationRepeatSuppressed(ILogger logger, string householdId, string type, string? subject, TimeSpan repeatWindow);
}
