using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge;

public sealed class FridgeSimulatorControlsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    // A door opened about once a day keeps the door's own warming out of what these tests look at.
    private static FridgeSimulatorOptions QuietDoor(int intervalSeconds = 30) =>
        new() { Seed = 21, TemperatureInterval = TimeSpan.FromSeconds(intervalSeconds), DoorOpeningMeanInterval = TimeSpan.FromDays(1) };

    [Fact]
    public void SetPowered_OffThenOn_FridgeRisesAbove5WithinHoursThenComesBackIntoItsBand()
    {
        var sut = new FridgeSimulator(QuietDoor(), Start);
        var cut = Start + TimeSpan.FromHours(1);
        var beforeCut = FridgeReadings(sut.Advance(cut));

        sut.SetPowered(false, cut);
        var duringCut = FridgeReadings(sut.Advance(cut + TimeSpan.FromHours(6)));
        sut.SetPowered(true, cut + TimeSpan.FromHours(6));
        var afterCut = FridgeReadings(sut.Advance(cut + TimeSpan.FromHours(12)));

        Assert.All(beforeCut, r => Assert.InRange(r.Celsius, 2.5, 5.5));
        var firstAbove5 = duringCut.First(r => r.Celsius > 5);
        Assert.True(firstAbove5.At - cut < TimeSpan.FromHours(4), $"first above 5 °C {firstAbove5.At - cut} after the cut");
        Assert.True(duringCut[^1].Celsius > 7, $"{duringCut[^1].Celsius} °C after 6 hours without power");
        var lastHour = afterCut.Where(r => r.At >= cut + TimeSpan.FromHours(11)).ToList();
        Assert.NotEmpty(lastHour);
        Assert.All(lastHour, r => Assert.InRange(r.Celsius, 2.5, 5.5));
    }

    [Fact]
    public void LeaveDoorOpen_TenMinutes_SendsOpenAndClosedTenMinutesApartAndWarmsTheFridgeSeveralDegrees()
    {
        var sut = new FridgeSimulator(QuietDoor(intervalSeconds: 10), Start);
        var at = Start + TimeSpan.FromMinutes(30);
        var before = FridgeReadings(sut.Advance(at));

        sut.LeaveDoorOpen(at, TimeSpan.FromMinutes(10));
        var messages = sut.Advance(at + TimeSpan.FromMinutes(20));

        var doors = messages.Where(m => m.Channel == ApplianceChannels.Door).Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.DoorEvent)!).ToList();
        Assert.Equal([(DoorState.Open, at), (DoorState.Closed, at + TimeSpan.FromMinutes(10))], doors.Select(d => (d.State, d.At)));
        var whileOpen = FridgeReadings(messages).Where(r => r.At <= at + TimeSpan.FromMinutes(10)).ToList();
        var rise = whileOpen.Max(r => r.Celsius) - before[^1].Celsius;
        Assert.True(rise >= 3, $"the fridge rose {rise:0.0} °C with the door open 10 minutes");
    }

    [Fact]
    public void LeaveDoorOpen_BeforeTheLastAdvance_Throws()
    {
        var sut = new FridgeSimulator(QuietDoor(), Start);
        sut.Advance(Start + TimeSpan.FromMinutes(5));

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.LeaveDoorOpen(Start + TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.SetPowered(false, Start + TimeSpan.FromMinutes(4)));
    }

    private static List<TemperatureReading> FridgeReadings(IEnumerable<SimulatedMessage> messages) =>
    [
        .. messages.Where(m => m.Channel == ApplianceChannels.Temperature)
            .Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.TemperatureReading)!)
            .Where(r => r.Sensor == "fridge"),
    ];
}
