using SmartHome.FirmwareSim.Appliances.Fridge.Thermal;
using Xunit.Abstractions;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge.Thermal;

public sealed class FridgeFreezerTests(ITestOutputHelper output)
{
    [Fact]
    public void Advance_ClosedForADay_CyclesBothCompressorsWithinTheirBands()
    {
        var sut = Create();

        var minutes = Minutes(sut, TimeSpan.FromDays(1));

        foreach (var (compartment, design) in new[] { (sut.Fridge, CompartmentDesign.Fridge), (sut.Freezer, CompartmentDesign.Freezer) })
        {
            var air = minutes.Select(m => m[compartment.Sensor].Air).ToList();
            var running = minutes.Select(m => m[compartment.Sensor].Running).ToList();
            var starts = running.Zip(running.Skip(1)).Count(pair => !pair.First && pair.Second);
            var duty = running.Count(on => on) / (double)running.Count;
            output.WriteLine($"{compartment.Sensor}: {air.Min():0.00}..{air.Max():0.00} °C, {starts} starts a day, duty {duty:P0}");

            Assert.InRange(air.Min(), design.SetPointCelsius - design.HysteresisCelsius - 0.1, design.SetPointCelsius);
            Assert.InRange(air.Max(), design.SetPointCelsius, design.SetPointCelsius + design.HysteresisCelsius + 0.1);
            Assert.InRange(starts, 12, 72);
            Assert.InRange(duty, 0.25, 0.6);
        }
    }

    [Fact]
    public void Advance_PowerCutForFourHours_WarmsBothButKeepsAClosedFridgeBelowEightDegrees()
    {
        var sut = Create();
        sut.Powered = false;

        sut.Advance(TimeSpan.FromHours(4), mainDoorOpen: false);

        output.WriteLine($"after 4 h: fridge {sut.Fridge.AirCelsius:0.00} °C, freezer {sut.Freezer.AirCelsius:0.00} °C");
        Assert.InRange(sut.Fridge.AirCelsius, CompartmentDesign.Fridge.SetPointCelsius + 1.5, 8);
        Assert.True(sut.Freezer.AirCelsius > CompartmentDesign.Freezer.SetPointCelsius + 2, $"freezer {sut.Freezer.AirCelsius:0.00} °C");
    }

    [Fact]
    public void Advance_PowerCut_KeepsAFullFreezerFrozenForTwoDaysAndAHalfFullOneForOne()
    {
        var full = Create();
        var halfFull = Create(freezer: CompartmentDesign.Freezer with { ContentsKilograms = CompartmentDesign.Freezer.ContentsKilograms / 2 });
        full.Powered = halfFull.Powered = false;

        halfFull.Advance(TimeSpan.FromHours(24), mainDoorOpen: false);
        full.Advance(TimeSpan.FromHours(24), mainDoorOpen: false);
        var fullAirAfterADay = full.Freezer.AirCelsius;
        full.Advance(TimeSpan.FromHours(24), mainDoorOpen: false);

        output.WriteLine($"full: air {fullAirAfterADay:0.00} °C after 24 h, food {full.Freezer.ContentsCelsius:0.00} °C after 48 h; half-full: food {halfFull.Freezer.ContentsCelsius:0.00} °C after 24 h");
        Assert.True(fullAirAfterADay < 0, $"full freezer air {fullAirAfterADay:0.00} °C after 24 h");
        Assert.InRange(full.Freezer.ContentsCelsius, -5, 0);
        Assert.InRange(halfFull.Freezer.ContentsCelsius, -5, 0);
    }

    [Fact]
    public void Advance_PowerReturnsAfterADay_BothCompartmentsRecover()
    {
        var sut = Create();
        sut.Powered = false;
        sut.Advance(TimeSpan.FromHours(24), mainDoorOpen: false);
        Assert.True(sut.Fridge.AirCelsius > 10, $"fridge {sut.Fridge.AirCelsius:0.00} °C after the cut");

        sut.Powered = true;
        sut.Advance(TimeSpan.FromHours(24), mainDoorOpen: false);

        foreach (var (compartment, design) in new[] { (sut.Fridge, CompartmentDesign.Fridge), (sut.Freezer, CompartmentDesign.Freezer) })
        {
            Assert.InRange(compartment.AirCelsius, design.SetPointCelsius - design.HysteresisCelsius - 0.1, design.SetPointCelsius + design.HysteresisCelsius + 0.1);
            Assert.InRange(compartment.ContentsCelsius, design.SetPointCelsius - 1, design.SetPointCelsius + 1);
        }
    }

    [Fact]
    public void Advance_DoorOpenTenMinutes_LiftsTheFridgeAirSeveralDegreesAndTenSecondsFarLess()
    {
        var tenMinutes = Create();
        var tenSeconds = Create();
        var shut = Create();

        tenMinutes.Advance(TimeSpan.FromMinutes(10), mainDoorOpen: true);
        tenSeconds.Advance(TimeSpan.FromSeconds(10), mainDoorOpen: true);
        shut.Advance(TimeSpan.FromMinutes(10), mainDoorOpen: false);

        var longRise = tenMinutes.Fridge.AirCelsius - CompartmentDesign.Fridge.SetPointCelsius;
        var shortRise = tenSeconds.Fridge.AirCelsius - CompartmentDesign.Fridge.SetPointCelsius;
        output.WriteLine($"10 min open: +{longRise:0.00} K, 10 s open: +{shortRise:0.00} K");
        Assert.InRange(longRise, 3, 10);
        Assert.InRange(shortRise, 0, 0.5);
        Assert.Equal(shut.Freezer.AirCelsius, tenMinutes.Freezer.AirCelsius);
    }

    [Fact]
    public void Advance_PowerCut_WarmsAFullFridgeMoreSlowlyThanAnEmptyOne()
    {
        var full = Create();
        var empty = Create(fridge: CompartmentDesign.Fridge with { ContentsKilograms = 0 });
        full.Powered = empty.Powered = false;

        full.Advance(TimeSpan.FromHours(2), mainDoorOpen: false);
        empty.Advance(TimeSpan.FromHours(2), mainDoorOpen: false);

        output.WriteLine($"after 2 h: full {full.Fridge.AirCelsius:0.00} °C, empty {empty.Fridge.AirCelsius:0.00} °C");
        Assert.True(empty.Fridge.AirCelsius > full.Fridge.AirCelsius + 3, $"empty {empty.Fridge.AirCelsius:0.00} °C, full {full.Fridge.AirCelsius:0.00} °C");
    }

    [Fact]
    public void Advance_SameInputsInAnySlices_GiveTheSameTemperatures()
    {
        var inChunks = Create();
        var inSlices = Create();

        Script(inChunks, TimeSpan.FromHours(1));
        Script(inSlices, TimeSpan.FromSeconds(0.3));

        Assert.Equal(inChunks.Fridge.AirCelsius, inSlices.Fridge.AirCelsius);
        Assert.Equal(inChunks.Fridge.ContentsCelsius, inSlices.Fridge.ContentsCelsius);
        Assert.Equal(inChunks.Freezer.AirCelsius, inSlices.Freezer.AirCelsius);
        Assert.Equal(inChunks.Freezer.ContentsCelsius, inSlices.Freezer.ContentsCelsius);
    }

    // Three hours running, a door opening of five minutes, two hours without power and three with: each phase in slices of at most `slice`.
    private static void Script(FridgeFreezer sut, TimeSpan slice)
    {
        foreach (var (length, doorOpen, powered) in new[] { (TimeSpan.FromHours(3), false, true), (TimeSpan.FromMinutes(5), true, true), (TimeSpan.FromHours(2), false, false), (TimeSpan.FromHours(3), false, true) })
        {
            sut.Powered = powered;
            for (var left = length; left > TimeSpan.Zero; left -= slice)
            {
                sut.Advance(left < slice ? left : slice, doorOpen);
            }
        }
    }

    private static List<Dictionary<string, (double Air, bool Running)>> Minutes(FridgeFreezer sut, TimeSpan length)
    {
        var minutes = new List<Dictionary<string, (double Air, bool Running)>>();
        for (var t = TimeSpan.Zero; t < length; t += TimeSpan.FromMinutes(1))
        {
            sut.Advance(TimeSpan.FromMinutes(1), mainDoorOpen: false);
            minutes.Add(sut.Compartments.ToDictionary(c => c.Sensor, c => (c.AirCelsius, c.CallingForCooling)));
        }

        return minutes;
    }

    private static FridgeFreezer Create(CompartmentDesign? fridge = null, CompartmentDesign? freezer = null)
    {
        fridge ??= CompartmentDesign.Fridge;
        freezer ??= CompartmentDesign.Freezer;
        return new FridgeFreezer(
            new Compartment(fridge, fridge.SetPointCelsius, callingForCooling: false),
            new Compartment(freezer, freezer.SetPointCelsius, callingForCooling: false),
            FridgeFreezer.TypicalRoomCelsius);
    }
}
