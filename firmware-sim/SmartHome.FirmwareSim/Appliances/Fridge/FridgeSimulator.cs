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

    private const double SensorNoiseCelsius = 0.05;
    private static readonly TimeSpan ShortestGapBetweenOpenings = TimeSpan.FromSeconds(10);

    private readonly string _applianceId;
    private readonly string _firmware;
    private readonly TimeSpan _temperatureInterval;
    private readonly Random _random;
    private readonly FridgeFreezer _thermal;
    private readonly HouseholdStock _stock = new();
    private readonly IHousehold _household;
    private readonly List<InventoryChange> _changes = [];

    private bool _stockAnnounced;
    private DateTimeOffset _advancedTo;
    private DateTimeOffset _thermalAt;
    private DateTimeOffset _nextReadingAt;
    private DateTimeOffset _nextDoorOpeningAt;
    private DateTimeOffset? _doorOpenedAt;
    private DateTimeOffset? _doorClosesAt;
    private DateTimeOffset? _fridgeUseAt;
    private DateTimeOffset? _heldOpenAt;
    private TimeSpan _heldOpenFor;

    /// <summary>A fridge in a demo household that opens the door around the clock, <see cref="FridgeSimulatorOptions.DoorOpeningMeanInterval"/> apart on average.</summary>
    public FridgeSimulator(FridgeSimulatorOptions options, DateTimeOffset start)
        : this(options, null, start, validate: false)
    {
    }

    /// <summary>A fridge in a household that lives by <paramref name="household"/>: meals, leftovers, shopping trips, snacks.</summary>
    /// <exception cref="ArgumentException">The profile does not validate; the message lists every problem.</exception>
    public FridgeSimulator(FridgeSimulatorOptions options, HouseholdProfile household, DateTimeOffset start)
        : this(options, household ?? throw new ArgumentNullException(nameof(household)), start, validate: true)
    {
    }

    private FridgeSimulator(FridgeSimulatorOptions options, HouseholdProfile? household, DateTimeOffset start, bool validate)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (validate && household!.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(household));
        }

        _applianceId = options.ApplianceId;
        _firmware = options.Firmware;
        _temperatureInterval = options.TemperatureInterval;
        _random = new Random(options.Seed);

        // Whole seconds keep every timestamp short and the run reproducible from a start written down by hand.
        StartedAt = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), start.Offset);
        _advancedTo = _thermalAt = _nextReadingAt = StartedAt;
        _thermal = new FridgeFreezer(SettledCompartment(CompartmentDesign.Fridge), SettledCompartment(CompartmentDesign.Freezer), FridgeFreezer.TypicalRoomCelsius);
        StartingStock.Fill(_stock, DateOnly.FromDateTime(household is null ? StartedAt.UtcDateTime : StartedAt.ToOffset(household.UtcOffset).DateTime), _random);
        _household = household is null
            ? new DemoHousehold(_stock, _random, options.DoorOpeningMeanInterval)
            : new RoutineHousehold(_stock, _random, household, StartedAt);
        _nextDoorOpeningAt = _household.NextOpeningAt(StartedAt);
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

            var next = _heldOpenAt is { } held ? Earliest(_nextReadingAt, held) : _nextReadingAt;
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
            else if (_heldOpenAt == now)
            {
                HoldDoorOpen(now, messages);
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

        _advancedTo = Later(_advancedTo, until);
        return messages;
    }

    /// <summary>
    /// A power cut (<paramref name="powered"/> false) or the power coming back at <paramref name="at"/>, no earlier than
    /// the last <see cref="Advance"/>: neither compressor runs while it is off. Temperatures are still reported.
    /// </summary>
    public void SetPowered(bool powered, DateTimeOffset at)
    {
        ThrowIfBeforeAdvanced(at);
        _thermal.Advance(at - _thermalAt, mainDoorOpen: _doorOpenedAt is not null);
        _thermalAt = at;
        _thermal.Powered = powered;
    }

    /// <summary>
    /// Someone leaves the main door open at <paramref name="at"/> (no earlier than the last <see cref="Advance"/>) for
    /// <paramref name="duration"/>: <c>open</c> then, <c>closed</c> at the end, and no other opening meanwhile. A door
    /// already open then stays open until the end, without a second <c>open</c>.
    /// </summary>
    public void LeaveDoorOpen(DateTimeOffset at, TimeSpan duration)
    {
        ThrowIfBeforeAdvanced(at);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromSeconds(1));
        if (_heldOpenAt is not null)
        {
            throw new InvalidOperationException("The door is already due to be left open; advance past that moment first");
        }

        _heldOpenAt = at;
        _heldOpenFor = duration;
    }

    private void ThrowIfBeforeAdvanced(DateTimeOffset at)
    {
        if (at < _advancedTo || at < _thermalAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The simulation has already advanced to {Later(_advancedTo, _thermalAt):O}");
        }
    }

    private void HoldDoorOpen(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        _heldOpenAt = null;
        var closesAt = now + _heldOpenFor;
        if (_doorOpenedAt is null)
        {
            _doorOpenedAt = now;
            _fridgeUseAt = null;
            messages.Add(ApplianceMessages.Door(_applianceId, MainDoor, DoorState.Open, now));
        }

        _doorClosesAt = Later(_doorClosesAt ?? closesAt, closesAt);
    }

    private void AnnounceStock(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        messages.AddRange(_stock.Items.Select(item => ApplianceMessages.Inventory(_applianceId, InventoryChanges.Added(item), now)));
        _stockAnnounced = true;
    }

    private void OpenDoor(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        var visit = _household.Open(now);
        _doorOpenedAt = now;
        _doorClosesAt = now + visit.OpenFor;
        _fridgeUseAt = now + visit.UseAfter;
        messages.Add(ApplianceMessages.Door(_applianceId, MainDoor, DoorState.Open, now));
    }

    private void UseFridge(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        _fridgeUseAt = null;
        _changes.Clear();
        _household.Use(now, _changes);
        foreach (var change in _changes)
        {
            messages.Add(ApplianceMessages.Inventory(_applianceId, change, now));
        }
    }

    private void CloseDoor(DateTimeOffset now, List<SimulatedMessage> messages)
    {
        _doorOpenedAt = _doorClosesAt = _fridgeUseAt = null;
        _nextDoorOpeningAt = _household.NextOpeningAt(now + ShortestGapBetweenOpenings);
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

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
