using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge;

public sealed class FridgeSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_SameSeedAndStart_ProducesIdenticalMessages()
    {
        var first = Run(new FridgeSimulator(Options(seed: 7), Start), TimeSpan.FromHours(2));
        var second = Run(new FridgeSimulator(Options(seed: 7), Start), TimeSpan.FromHours(2));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Advance_DifferentSeeds_ProduceDifferentMessages()
    {
        var first = Run(new FridgeSimulator(Options(seed: 1), Start), TimeSpan.FromHours(1));
        var second = Run(new FridgeSimulator(Options(seed: 2), Start), TimeSpan.FromHours(1));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Advance_InSmallOrLargeSteps_ProducesTheSameMessages()
    {
        var inOneStep = new FridgeSimulator(Options(seed: 3), Start).Advance(Start + TimeSpan.FromHours(1));

        var sut = new FridgeSimulator(Options(seed: 3), Start);
        var inSmallSteps = new List<SimulatedMessage>();
        for (var t = Start; t <= Start + TimeSpan.FromHours(1); t += TimeSpan.FromSeconds(1.7))
        {
            inSmallSteps.AddRange(sut.Advance(t));
        }

        inSmallSteps.AddRange(sut.Advance(Start + TimeSpan.FromHours(1)));
        Assert.Equal(inOneStep, inSmallSteps);
    }

    [Fact]
    public void Advance_EveryMessage_PassesTheApplianceMessageReader()
    {
        var sut = new FridgeSimulator(Options(seed: 11), Start);
        var messages = Run(sut, TimeSpan.FromHours(6))
            .Append(sut.Status(OnlineState.Online, Start))
            .Append(sut.Status(OnlineState.Offline, Start));

        foreach (var message in messages)
        {
            var result = ApplianceMessageReader.Read(message.Topic, Encoding.UTF8.GetBytes(message.Payload), Start);
            Assert.True(result.Rejection is null, $"{message.Topic} {message.Payload}: {result.Rejection}");
            Assert.Equal(message.Channel, message.Topic.Split('/')[^1]);
        }
    }

    [Fact]
    public void Advance_AtStart_AnnouncesStockWithAnItemWithinTwoDaysOfBestBefore()
    {
        var sut = new FridgeSimulator(Options(seed: 5), Start);

        var added = sut.Advance(Start).Where(m => m.Channel == ApplianceChannels.Inventory).Select(Inventory).ToList();

        Assert.True(added.Count >= 5, $"only {added.Count} items in the starting stock");
        Assert.All(added, change => Assert.Equal(InventoryOp.Added, change.Op));
        Assert.Contains(added, change => change.BestBefore <= DateOnly.FromDateTime(Start.UtcDateTime).AddDays(2));
        Assert.Contains(added, change => change.Barcode is null && change.Name is not null);
        Assert.Contains(added, change => change.Location == StorageLocation.Freezer);
    }

    [Fact]
    public void Advance_AtStart_ReportsBothCompartments()
    {
        var sut = new FridgeSimulator(Options(seed: 5), Start);

        var sensors = sut.Advance(Start).Where(m => m.Channel == ApplianceChannels.Temperature).Select(m => Temperature(m).Sensor);

        Assert.Equal(["fridge", "freezer"], sensors);
    }

    [Fact]
    public void Advance_OverAnHour_SendsPlausibleTemperaturesOnTheInterval()
    {
        var sut = new FridgeSimulator(Options(seed: 9, interval: TimeSpan.FromSeconds(10)), Start);

        var readings = Run(sut, TimeSpan.FromHours(1)).Where(m => m.Channel == ApplianceChannels.Temperature).Select(Temperature).ToList();

        var fridge = readings.Where(r => r.Sensor == "fridge").ToList();
        var freezer = readings.Where(r => r.Sensor == "freezer").ToList();
        Assert.Equal(361, fridge.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), fridge[1].At - fridge[0].At);
        Assert.All(fridge, r => Assert.InRange(r.Celsius, 1.5, 9));
        Assert.All(freezer, r => Assert.InRange(r.Celsius, -21.5, -15));
        Assert.True(fridge.Max(r => r.Celsius) - fridge.Min(r => r.Celsius) >= 1.5, "the compressor should cycle within an hour");
    }

    [Fact]
    public void Advance_OverAnHour_OpensAndClosesTheDoorAndChangesInventory()
    {
        var sut = new FridgeSimulator(Options(seed: 4), Start);

        var messages = Run(sut, TimeSpan.FromHours(1));

        var doors = messages.Where(m => m.Channel == ApplianceChannels.Door).Select(Door).ToList();
        Assert.InRange(doors.Count, 6, 60);
        Assert.Equal(DoorState.Open, doors[0].State);
        Assert.True(doors.Zip(doors.Skip(1)).All(pair => pair.First.State != pair.Second.State), "the door alternates between open and closed");
        Assert.True(doors[0].At < Start + TimeSpan.FromMinutes(1.1), "the first opening comes within about a minute");

        var later = messages.Where(m => m.Channel == ApplianceChannels.Inventory && m.At > Start).Select(Inventory).ToList();
        Assert.Contains(later, change => change.Op is InventoryOp.Consumed or InventoryOp.Opened);
    }

    [Fact]
    public void Advance_MessagesInOrder_NeverGoBackInTime()
    {
        var messages = Run(new FridgeSimulator(Options(seed: 8), Start), TimeSpan.FromHours(3));

        Assert.True(messages.Zip(messages.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
        Assert.All(messages, m => Assert.Contains($"\"at\":\"{m.At.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}", m.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public void Advance_WhileTheDoorIsOpen_WarmsTheFridgeMoreThanWhenClosed()
    {
        var sut = new FridgeSimulator(Options(seed: 12, doorEvery: TimeSpan.FromSeconds(30)), Start);

        var messages = Run(sut, TimeSpan.FromHours(2));

        var doors = messages.Where(m => m.Channel == ApplianceChannels.Door).Select(Door).ToList();
        var fridge = messages.Where(m => m.Channel == ApplianceChannels.Temperature).Select(Temperature).Where(r => r.Sensor == "fridge").ToList();
        var rises = fridge.Zip(fridge.Skip(1)).Select(pair => (pair.Second.At, Rise: pair.Second.Celsius - pair.First.Celsius)).ToList();
        bool IsOpen(DateTimeOffset? at) => doors.LastOrDefault(d => d.At < at)?.State == DoorState.Open;
        var whileOpen = rises.Where(r => IsOpen(r.At)).Average(r => r.Rise);
        var whileClosed = rises.Where(r => !IsOpen(r.At)).Average(r => r.Rise);
        Assert.True(whileOpen > whileClosed + 0.02, $"open {whileOpen:0.000} °C/step vs closed {whileClosed:0.000} °C/step");
    }

    private static FridgeSimulatorOptions Options(int seed, TimeSpan? interval = null, TimeSpan? doorEvery = null) => new()
    {
        Seed = seed,
        TemperatureInterval = interval ?? TimeSpan.FromSeconds(5),
        DoorOpeningMeanInterval = doorEvery ?? TimeSpan.FromMinutes(3),
    };

    private static List<SimulatedMessage> Run(FridgeSimulator sut, TimeSpan length) => [.. sut.Advance(Start + length)];

    private static TemperatureReading Temperature(SimulatedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, Contracts.Serialization.ContractsJsonContext.Default.TemperatureReading)!;

    private static DoorEvent Door(SimulatedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, Contracts.Serialization.ContractsJsonContext.Default.DoorEvent)!;

    private static InventoryChange Inventory(SimulatedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, Contracts.Serialization.ContractsJsonContext.Default.InventoryChange)!;
}
