namespace SmartHome.FirmwareSim.Appliances.Fridge.Thermal;

/// <summary>
/// The physical make-up of one compartment, as two lumped thermal masses: the air side (the air with the liner and
/// shelves it warms within minutes, which the sensor reads) and the contents. Figures and sources: docs/firmware-sim.md.
/// </summary>
/// <param name="Sensor">The sensor id the readings carry.</param>
/// <param name="SetPointCelsius">The temperature the thermostat aims for.</param>
/// <param name="HysteresisCelsius">The compressor starts at set point + this and stops at set point - this.</param>
/// <param name="InsulationWattsPerKelvin">UA of the cabinet walls and door seal: heat leaking in from the room per kelvin of difference.</param>
/// <param name="AirSideJoulesPerKelvin">Heat capacity of the air side.</param>
/// <param name="AirLitres">The air a door opening can swap for room air.</param>
/// <param name="ContentsKilograms">The food inside; more food, more mass, slower change.</param>
/// <param name="ContentsJoulesPerKilogramKelvin">Specific heat of the food (mostly water; about half when frozen).</param>
/// <param name="ContentsWattsPerKelvin">How readily heat passes between the air and the food.</param>
/// <param name="CoolingWatts">Heat the evaporator takes from the air while the compressor runs.</param>
/// <param name="DoorAirChangesPerMinute">How many times over the air is swapped for room air per minute the door stands open.</param>
internal sealed record CompartmentDesign(
    string Sensor,
    double SetPointCelsius,
    double HysteresisCelsius,
    double InsulationWattsPerKelvin,
    double AirSideJoulesPerKelvin,
    double AirLitres,
    double ContentsKilograms,
    double ContentsJoulesPerKilogramKelvin,
    double ContentsWattsPerKelvin,
    double CoolingWatts,
    double DoorAirChangesPerMinute)
{
    private const double AirJoulesPerLitreKelvin = 1.2 * 1.005;

    /// <summary>A 250-litre fridge compartment at 4 ± 1 °C holding 15 kg of food.</summary>
    public static CompartmentDesign Fridge { get; } = new("fridge", 4.0, 1.0, 0.6, 10_000, 250, 15, 3_600, 6.0, 28, 2.0);

    /// <summary>A full 100-litre freezer at -18 ± 1.5 °C holding 40 kg of frozen food.</summary>
    public static CompartmentDesign Freezer { get; } = new("freezer", -18.0, 1.5, 0.3, 6_000, 100, 40, 2_000, 3.0, 30, 2.0);

    public double ContentsJoulesPerKelvin => ContentsKilograms * ContentsJoulesPerKilogramKelvin;

    /// <summary>The room air an open door lets in, as a conductance (W/K) between the room and the air side.</summary>
    public double OpenDoorWattsPerKelvin => AirLitres * AirJoulesPerLitreKelvin * DoorAirChangesPerMinute / 60;
}
