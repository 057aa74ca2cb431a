namespace SmartHome.FirmwareSim.Appliances.Fridge;

/// <summary>How one compartment's air temperature behaves: the thermostat's band and how fast the air warms and cools.</summary>
/// <param name="Sensor">The sensor id the readings carry.</param>
/// <param name="CutOutCelsius">The compressor stops when the air has cooled to this.</param>
/// <param name="CutInCelsius">The compressor starts when the air has warmed to this.</param>
/// <param name="WarmingPerMinute">How fast the air warms while the compressor rests.</param>
/// <param name="CoolingPerMinute">How fast the air cools while the compressor runs.</param>
/// <param name="DoorWarmingPerMinute">Extra warming while the door is open.</param>
/// <param name="SensorNoiseCelsius">Standard deviation of the sensor's reading error.</param>
internal sealed record CompartmentProfile(
    string Sensor,
    double CutOutCelsius,
    double CutInCelsius,
    double WarmingPerMinute,
    double CoolingPerMinute,
    double DoorWarmingPerMinute,
    double SensorNoiseCelsius)
{
    /// <summary>A fridge compartment cycling between 3 and 5 °C: roughly 30 minutes warming, 10 cooling.</summary>
    public static CompartmentProfile Fridge { get; } = new("fridge", 3.0, 5.0, 0.07, 0.2, 1.2, 0.05);

    /// <summary>The freezer sits behind its own door, so opening the main door leaves it alone.</summary>
    public static CompartmentProfile Freezer { get; } = new("freezer", -19.5, -16.5, 0.05, 0.15, 0, 0.05);
}
