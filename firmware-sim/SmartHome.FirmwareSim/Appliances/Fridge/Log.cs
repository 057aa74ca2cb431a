using Microsoft.Extensions.Logging;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

internal static partial class Log
{
    [LoggerMessage(EventId = 9121, Level = LogLevel.Information, Message = "Simulating fridge {ApplianceId} from {StartedAt:u} with seed {Seed}: {ItemsInStock} items in stock, temperatures every {TemperatureInterval}")]
    public static partial void SimulationStarted(ILogger logger, string applianceId, DateTimeOffset startedAt, int seed, int itemsInStock, TimeSpan temperatureInterval);

    [LoggerMessage(EventId = 9122, Level = LogLevel.Warning, Message = "Dropped the oldest waiting message for {Topic}: more than {MaxPending} piled up while the link was down")]
    public static partial void MessageDropped(ILogger logger, string topic, int maxPending);
}
