using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Appliances.Fridge.Thermal;
using SmartHome.FirmwareSim.Household;
using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

/// <summary>
/// A fridge-freezer's firmware, without the network: given a start time, it says which appliance-link messages the
/// fridge sends up to any later moment. The same options (seed included) and start give the same messages, however
/// the caller slices time into <see cref="Advance"/> calls.
/// </summary>
public sealed class FridgeSimulator
{
    public const string MainDoor = "main";

    private const double ChanceOfUsingFridgeWhileOpen = 0.7;
    private const double SensorNoiseCelsius = 0.05;
    private static readonly TimeSpan ShortestDoorOpening = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan LongestDoorOpening = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan ShortestGapBetweenOpenings = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstUseAfterOpening = TimeSpan.FromSeconds(2);

    private readonly string _applianceId;
    private readonly string _firmware;
    private readonly TimeSpan _temperatureInterval;
    private readonly TimeSpan _doorOpeningMeanInterval;
    private readonly Random _random;
    private readonly FridgeFreezer _thermal;
    private readonly HouseholdStock _stock = new();

    private bool _stockAnnounced;
    private DateTimeOffset _thermalAt;
    private DateTimeOffset _nextReadingAt;
    private DateTimeOffset _nextDoorOpeningAt;
    private DateTimeOffset? _doorOpenedAt;
    private DateTimeOffset? _doorClosesAt;
    private DateTimeOffset? _fridgeUseAt;

    public FridgeSimulator(FridgeSimulatorOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        _applianceId = options.ApplianceId;
        _firmware = options.Firmware;
        _temperatureInterval = options.TemperatureInterval;
        _doorOpeningMeanInterval = options.DoorOpeningMeanInterval;
        _random = new Random(options.Seed);

        // Whole seconds keep every timestamp short and the run reproducible from a start written down by hand.
        StartedAt = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), start.Offset);
        _thermalAt = _nextReadingAt = StartedAt;
        _thermal = new FridgeFreezer(SettledCompartment(CompartmentDesign.Fridge), SettledCompartment(CompartmentDesign.Freezer), FridgeFreezer.TypicalRoomCelsius);
        StartingStock.Fill(_stock, DateOnly.FromDateTime(StartedAt.UtcDateTime), _random);

        // The first opening comes early, so a demo shows door traffic within the first minute or so.
        _nextDoorOpeningAt = StartedAt + _random.NextBetween(_doorOpeningMeanInterval * 0.1, _doorOpeningMeanInterval * 0.33);
    }

    public string ApplianceId => _applianceId;

    public DateTimeOffset StartedAt { get; }

    public int ItemsInStock => _stock.Items.Count;

    /// <summary>The moment of the next message; <see cref="Advance"/> to it or later to get it.</summary>
    public DateTimeOffset NextDueAt
    {
        get
        {
            if (!_stockAnnounced)
            {
                return StartedAt;
            }

            var next = _nextReadingAt;
            if (_doorOpenedAt is null)
            {
                return Earliest(next, _nextDoorOpeningAt);
            }

            next = Earliest(next, _doorClosesAt!.Value);
            return _fridgeUseAt is { } use ? Earliest(next, use) : next;
        }
    }

    /// <summary>The retained <c>status</c> message; the offline one doubles as the MQTT last will.</summary>
    public SimulatedMessage Status(OnlineState state, DateTimeOffset at) => ApplianceMessages.Status(_applianceId, state, _firmware, at);

    /// <summary>Runs the simulation on to <paramref name="until"/> and returns every message due by then, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> Advance(DateTimeOffset until)
    {
        var messages = new List<SimulatedMessage>();
        while (NextDueAt <= until)
        {
            var now = NextDueAt;
            _thermal.Advance(now - _thermalAt, mainDoorOpen: _doorOpenedAt is not null);
            _thermalAt = now;
            if (!_stockAnnounced)
            {
                AnnounceStock(now, messages);
            }
            else if (_doorClosesAt == now)
            {
                CloseDoor(now, messages);
            }
            else if (_fridgeUseAt == now)
            {
                UseFridge(now, messages);
            }
            else if (_doorOpenedAt is null && _nextDoorOpeningAt == now)
            {
                OpenDoor(now, messages);
            }
            else
            {
                ReadTemperatures(now, messages);
            }
        }

        return messages;
    }

    private void AnnounceStock(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        messages.AddRange(_stock.Items.Select(item => ApplianceMessages.Inventory(_applianceId, InventoryChanges.Added(item), now)));
        _stockAnnounced = true;
    }

    private void OpenDoor(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        var openFor = _random.NextBetween(ShortestDoorOpening, LongestDoorOpening);
        _doorOpenedAt = now;
        _doorClosesAt = now + openFor;
        _fridgeUseAt = _random.NextChance(ChanceOfUsingFridgeWhileOpen)
            ? now + _random.NextBetween(FirstUseAfterOpening, openFor - TimeSpan.FromSeconds(1))
            : null;
        messages.Add(ApplianceMessages.Door(_applianceId, MainDoor, DoorState.Open, now));
    }

    private void UseFridge(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        _fridgeUseAt = null;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        messages.AddRange(HouseholdHabits.UseFridge(_stock, _random, today).Select(change => ApplianceMessages.Inventory(_applianceId, change, now)));
    }

    private void CloseDoor(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        _doorOpenedAt = _doorClosesAt = _fridgeUseAt = null;
        _nextDoorOpeningAt = now + ShortestGapBetweenOpenings + _random.NextExponential(_doorOpeningMeanInterval);
        messages.Add(ApplianceMessages.Door(_applianceId, MainDoor, DoorState.Closed, now));
    }

    private void ReadTemperatures(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        foreach (var compartment in _thermal.Compartments)
        {
            var celsius = Math.Round(compartment.AirCelsius + _random.NextGaussian(SensorNoiseCelsius), 1);
            messages.Add(ApplianceMessages.Temperature(_applianceId, compartment.Sensor, celsius, now));
        }

        _nextReadingAt = now + _temperatureInterval;
    }

    /// <summary>A compartment somewhere in its thermostat's cycle, its food at the set point, as if running for days.</summary>
    private Compartment SettledCompartment(CompartmentDesign design) => new(
        design,
        _random.NextBetween(design.SetPointCelsius - design.HysteresisCelsius, design.SetPointCelsius + design.HysteresisCelsius),
        _random.NextChance(0.5));

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
