using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge;

public sealed class CompartmentModelTests
{
    [Fact]
    public void Step_OverHoursWithTheDoorShut_CyclesWithinTheThermostatBand()
    {
        var random = new Random(1);
        var sut = new CompartmentModel(CompartmentProfile.Fridge, random);

        var readings = Enumerable.Range(0, 720).Select(_ => sut.Step(TimeSpan.FromSeconds(30), TimeSpan.Zero, random)).ToList();

        Assert.InRange(readings.Min(), 2.5, 3.5);
        Assert.InRange(readings.Max(), 4.5, 5.5);
        Assert.InRange(readings.Average(), 3.5, 4.5);
    }

    [Fact]
    public void Step_DoorOpenForAMinute_WarmsTheFridgeByAboutADegree()
    {
        var shut = StepOnce(TimeSpan.Zero);
        var open = StepOnce(TimeSpan.FromMinutes(1));

        Assert.InRange(open - shut, 0.9, 1.5);
    }

    [Fact]
    public void Step_DoorOpen_LeavesTheFreezerAlone()
    {
        var random = new Random(2);
        var sut = new CompartmentModel(CompartmentProfile.Freezer, random);

        var readings = Enumerable.Range(0, 60).Select(_ => sut.Step(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), random)).ToList();

        Assert.All(readings, celsius => Assert.InRange(celsius, -20.5, -15.5));
    }

    private static double StepOnce(TimeSpan doorOpen)
    {
        var random = new Random(3);
        var sut = new CompartmentModel(CompartmentProfile.Fridge, random);
        return sut.Step(TimeSpan.FromMinutes(1), doorOpen, random);
    }
}
