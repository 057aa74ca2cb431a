using Microsoft.Extensions.Logging;

namespace SmartHome.FirmwareSim.Scenarios;

internal static partial class Log
{
    [LoggerMessage(EventId = 9141, Level = LogLevel.Information, Message = "Scenario outage: {ApplianceId} off the link from {From:O} until {Until:O}")]
    public static partial void OutageBegan(ILogger logger, string applianceId, DateTimeOffset from, DateTimeOffset until);

    [LoggerMessage(EventId = 9142, Level = LogLevel.Information, Message = "Scenario outage over: {ApplianceId} back on the link with {Pending} kept message(s)")]
    public static partial void OutageEnded(ILogger logger, string applianceId, int pending);

    [LoggerMessage(EventId = 9143, Level = LogLevel.Warning, Message = "Gave up a message to {Topic}: more than {MaxPending} kept while offline")]
    public static partial void MessageDropped(ILogger logger, string topic, int maxPending);
}
