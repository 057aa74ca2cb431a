using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// A scenario's <c>fridge</c> object: the simulator settings it changes; null keeps the default. The door follows the
/// scenario's household, so the demo fridge's door interval is not among them.
/// </summary>
public sealed record ScenarioFridge(TimeSpan? TemperatureInterval = null, string? Firmware = null)
{
    public void ApplyTo(FridgeSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TemperatureInterval = TemperatureInterval ?? options.TemperatureInterval;
        options.Firmware = Firmware ?? options.Firmware;
    }
}
