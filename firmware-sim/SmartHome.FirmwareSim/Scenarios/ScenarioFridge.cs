using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>A scenario's <c>fridge</c> object: the simulator settings it changes; null keeps the default.</summary>
public sealed record ScenarioFridge(TimeSpan? TemperatureInterval = null, TimeSpan? DoorOpeningMeanInterval = null, string? Firmware = null)
{
    public void ApplyTo(FridgeSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TemperatureInterval = TemperatureInterval ?? options.TemperatureInterval;
        options.DoorOpeningMeanInterval = DoorOpeningMeanInterval ?? options.DoorOpeningMeanInterval;
        options.Firmware = Firmware ?? options.Firmware;
    }
}
