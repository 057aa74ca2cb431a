namespace SmartHome.Cloud.Ingest;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Warning, "Rejected a message on {Topic}: {Code}: {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, string code, string reason);

    [LoggerMessage(2001, LogLevel.Debug, "Ignored duplicate envelope {HouseholdId}/{GatewayId} seq {Seq}")]
    public static partial void Duplicate(ILogger logger, string householdId, string gatewayId, long seq);

    [LoggerMessage(2002, LogLevel.Debug, "Applied envelope {HouseholdId}/{GatewayId} seq {Seq}: {Records} records, {Events} new events")]
    public static partial void EnvelopeApplied(ILogger logger, string householdId, string gatewayId, long seq, int records, int events);

    [LoggerMessage(2003, LogLevel.Information, "Gateway {HouseholdId}/{GatewayId} is {State} ({Events} new events)")]
    public static partial void StatusApplied(ILogger logger, string householdId, string gatewayId, string state, int events);

    [LoggerMessage(2004, LogLevel.Error, "The store failed while ingesting a message on {Topic}; trying again in {Delay}")]
    public static partial void StoreUnavailable(ILogger logger, string topic, TimeSpan delay, Exception exception);

    [LoggerMessage(2005, LogLevel.Error, "Applying a message on {Topic} failed; it was dropped")]
    public static partial void ProcessingFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(2006, LogLevel.Warning, "Household {HouseholdId}: {Gaps} gaps in gateway envelope seqs stayed open longer than {After}; see the twin's gateways")]
    public static partial void GapsOverdue(ILogger logger, string householdId, long gaps, TimeSpan after);

    [LoggerMessage(2010, LogLevel.Information, "Rules raised {Events} new events for household {HouseholdId}")]
    public static partial void RulesRaised(ILogger logger, string householdId, int events);

    [LoggerMessage(2011, LogLevel.Error, "Evaluating the rules of household {HouseholdId} failed")]
    public static partial void RulesFailed(ILogger logger, string householdId, Exception exception);

    [LoggerMessage(2012, LogLevel.Error, "The store failed while listing households for the rules; trying again next round")]
    public static partial void StoreUnavailableForRules(ILogger logger, Exception exception);
}
