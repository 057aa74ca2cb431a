using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

/// <summary>One compartment's air temperature under a two-point thermostat that switches the compressor.</summary>
internal sealed class CompartmentModel
{
    private const double RateJitter = 0.15;

    private readonly CompartmentProfile _profile;
    private double _airCelsius;
    private bool _compressorRunning;

    public CompartmentModel(CompartmentProfile profile, Random random)
    {
        _profile = profile;
        _airCelsius = random.NextBetween(profile.CutOutCelsius, profile.CutInCelsius);
        _compressorRunning = random.NextChance(0.5);
    }

    public string Sensor => _profile.Sensor;

    /// <summary>Moves the air temperature on by <paramref name="elapsed"/>, of which the door stood open for <paramref name="doorOpen"/>, and reads the sensor.</summary>
    public double Step(TimeSpan elapsed, TimeSpan doorOpen, Random random)
    {
        var minutes = elapsed.TotalMinutes;
        var doorMinutes = Math.Min(doorOpen.TotalMinutes, minutes);
        var rate = _compressorRunning ? -_profile.CoolingPerMinute : _profile.WarmingPerMinute;
        _airCelsius += (rate * (1 + random.NextGaussian(RateJitter)) * minutes) + (_profile.DoorWarmingPerMinute * doorMinutes);

        if (_airCelsius >= _profile.CutInCelsius)
        {
            _compressorRunning = true;
        }
        else if (_airCelsius <= _profile.CutOutCelsius)
        {
            _compressorRunning = false;
        }

        return Math.Round(_airCelsius + random.NextGaussian(_profile.SensorNoiseCelsius), 1);
    }
}
