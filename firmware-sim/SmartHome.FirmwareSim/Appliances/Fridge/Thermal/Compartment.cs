namespace SmartHome.FirmwareSim.Appliances.Fridge.Thermal;

/// <summary>One compartment's air and contents temperatures and its thermostat, moved on one time step at a time.</summary>
internal sealed class Compartment
{
    private readonly CompartmentDesign _design;

    public Compartment(CompartmentDesign design, double airCelsius, bool callingForCooling)
    {
        ArgumentNullException.ThrowIfNull(design);
        _design = design;
        AirCelsius = airCelsius;
        ContentsCelsius = design.SetPointCelsius;
        CallingForCooling = callingForCooling;
    }

    public string Sensor => _design.Sensor;

    /// <summary>What the compartment's sensor measures.</summary>
    public double AirCelsius { get; private set; }

    public double ContentsCelsius { get; private set; }

    /// <summary>Whether the thermostat wants the compressor on; it only runs while there is power.</summary>
    public bool CallingForCooling { get; private set; }

    /// <summary>One explicit Euler step of <paramref name="seconds"/>, far shorter than the air side's time constant of minutes.</summary>
    public void Step(double seconds, double roomCelsius, bool doorOpen, bool powered)
    {
        var fromRoom = (_design.InsulationWattsPerKelvin + (doorOpen ? _design.OpenDoorWattsPerKelvin : 0)) * (roomCelsius - AirCelsius);
        var toContents = _design.ContentsWattsPerKelvin * (AirCelsius - ContentsCelsius);
        var cooling = powered && CallingForCooling ? _design.CoolingWatts : 0;

        AirCelsius += (fromRoom - toContents - cooling) * seconds / _design.AirSideJoulesPerKelvin;
        if (_design.ContentsJoulesPerKelvin > 0)
        {
            ContentsCelsius += toContents * seconds / _design.ContentsJoulesPerKelvin;
        }
        else
        {
            ContentsCelsius = AirCelsius;
        }

        if (AirCelsius >= _design.SetPointCelsius + _design.HysteresisCelsius)
        {
            CallingForCooling = true;
        }
        else if (AirCelsius <= _design.SetPointCelsius - _design.HysteresisCelsius)
        {
            CallingForCooling = false;
        }
    }
}
