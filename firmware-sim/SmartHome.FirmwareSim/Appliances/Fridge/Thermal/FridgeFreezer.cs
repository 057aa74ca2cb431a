namespace SmartHome.FirmwareSim.Appliances.Fridge.Thermal;

/// <summary>
/// A fridge-freezer in a room: two compartments, each cooled on its own thermostat, integrated in fixed steps of
/// simulated time so the same inputs always give the same temperatures. The main door is the fridge's; the freezer
/// sits behind a door of its own that stays shut.
/// </summary>
internal sealed class FridgeFreezer
{
    public const double TypicalRoomCelsius = 21.0;

    private static readonly TimeSpan TimeStep = TimeSpan.FromSeconds(1);

    private TimeSpan _unstepped;

    public FridgeFreezer(Compartment fridge, Compartment freezer, double roomCelsius)
    {
        ArgumentNullException.ThrowIfNull(fridge);
        ArgumentNullException.ThrowIfNull(freezer);
        Fridge = fridge;
        Freezer = freezer;
        RoomCelsius = roomCelsius;
    }

    public Compartment Fridge { get; }

    public Compartment Freezer { get; }

    public IReadOnlyList<Compartment> Compartments => [Fridge, Freezer];

    public double RoomCelsius { get; }

    /// <summary>Off during a power cut: neither compressor can run.</summary>
    public bool Powered { get; set; } = true;

    /// <summary>Moves both compartments on by <paramref name="elapsed"/>, the main door open or shut throughout.</summary>
    /// <remarks>Time short of a whole step is carried over to the next call rather than integrated in a shorter step.</remarks>
    public void Advance(TimeSpan elapsed, bool mainDoorOpen)
    {
        _unstepped += elapsed;
        var seconds = TimeStep.TotalSeconds;
        for (; _unstepped >= TimeStep; _unstepped -= TimeStep)
        {
            Fridge.Step(seconds, RoomCelsius, mainDoorOpen, Powered);
            Freezer.Step(seconds, RoomCelsius, doorOpen: false, Powered);
        }
    }
}
