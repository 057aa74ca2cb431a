using Microsoft.Extensions.Time.Testing;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Twin;

/// <summary>A temperature the gateway's outbox rolled up under pressure is taken as one reading of its mean.</summary>
public class RolledUpTemperatureTests
{
    private readonly FakeTimeProvider _time = new(Start.AddHours(1));

    [Fact]
    public void Apply_RolledUpTemperature_SetsTheCompartmentToItsMean()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        var rollup = Temperature(Start, 4.1) with { MinCelsius = 3.6, MaxCelsius = 5.2, Samples = 90, RollupSeconds = 900, Historical = true };

        sut.Apply(twin, Envelope(rollup));

        var compartment = twin.Appliances[0].FindCompartment("fridge")!;
        Assert.Equal((4.1, Start), (compartment.Celsius, compartment.At));
        Assert.Equal([Start], compartment.History.Select(s => s.At));
    }
}
