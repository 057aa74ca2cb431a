using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.UnitTests.Faults;

public sealed class FaultInjectorTests
{
    private const string ApplianceId = "fault-fridge";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = Start + TimeSpan.FromMinutes(20);
    private static readonly DateTimeOffset Until = Start + TimeSpan.FromMinutes(40);
    private static readonly DateTimeOffset End = Start + TimeSpan.FromHours(1);
    private static readonly IReadOnlyList<SimulatedMessage> Stream =
        new FridgeSimulator(new FridgeSimulatorOptions { ApplianceId = ApplianceId, Seed = 7 }, Start).Advance(End);

    [Theory]
    [InlineData(ProbeFaultKind.PowerOnReset, FaultNames.Probe85, 85.0)]
    [InlineData(ProbeFaultKind.Disconnected, FaultNames.ProbeDisconnected, -127.0)]
    public void Apply_ProbeReportingAFixedValue_ReplacesThatSensorsReadingsInsideTheWindowOnly(ProbeFaultKind kind, string name, double celsius)
    {
        var sut = new FaultInjector(ApplianceId, 1, [new ProbeFault("fridge", kind, From, Until)]);

        var output = sut.Apply(Stream, End);

        Assert.Equal(Stream.Count, output.Count);
        var faulty = Enumerable.Range(0, Stream.Count).Where(i => IsFridgeReadingInWindow(Stream[i])).ToList();
        Assert.NotEmpty(faulty);
        Assert.All(faulty, i => Assert.Equal(ApplianceMessages.Temperature(ApplianceId, "fridge", celsius, Stream[i].At), output[i]));
        Assert.All(Enumerable.Range(0, Stream.Count).Except(faulty), i => Assert.Equal(Stream[i], output[i]));
        Assert.Equal(faulty.Count, sut.Injected[name]);
    }

    [Fact]
    public void Apply_ProbeSilent_DropsOnlyThatSensorsReadingsInsideTheWindow()
    {
        var sut = new FaultInjector(ApplianceId, 1, [new ProbeFault("fridge", ProbeFaultKind.Silent, From, Until)]);

        var output = sut.Apply(Stream, End);

        var expected = Stream.Where(m => !IsFridgeReadingInWindow(m)).ToList();
        Assert.True(expected.Count < Stream.Count);
        Assert.Equal(expected, output);
        Assert.Contains(output, m => m.Channel == ApplianceChannels.Temperature && Reading(m).Sensor == "freezer" && From <= m.At && m.At < Until);
        Assert.Equal(Stream.Count - expected.Count, sut.Injected[FaultNames.ProbeSilent]);
    }

    [Fact]
    public void Apply_ProbeStuck_RepeatsTheLastValueReportedBeforeTheWindowExactly()
    {
        var sut = new FaultInjector(ApplianceId, 1, [new ProbeFault("fridge", ProbeFaultKind.Stuck, From, Until)]);
        var lastBefore = Reading(Stream.Last(m => IsFridgeReading(m) && m.At < From)).Celsius;

        var output = sut.Apply(Stream, End);

        Assert.Equal(Stream.Count, output.Count);
        var faulty = Enumerable.Range(0, Stream.Count).Where(i => IsFridgeReadingInWindow(Stream[i])).ToList();
        Assert.Contains(faulty, i => Reading(Stream[i]).Celsius != lastBefore);
        Assert.All(faulty, i => Assert.Equal(ApplianceMessages.Temperature(ApplianceId, "fridge", lastBefore, Stream[i].At), output[i]));
        Assert.All(Enumerable.Range(0, Stream.Count).Except(faulty), i => Assert.Equal(Stream[i], output[i]));
        Assert.Equal(faulty.Count, sut.Injected[FaultNames.ProbeStuck]);
    }

    [Fact]
    public void Apply_DoorBounce_FollowsEachChangeInTheWindowWithTogglesEndingInTheTrueState()
    {
        const int bounces = 3;
        var sut = new FaultInjector(ApplianceId, 1, [new DoorBounce(FridgeSimulator.MainDoor, From, Until, bounces)]);

        var output = sut.Apply(Stream, End);

        Assert.Equal(Stream.Where(m => m.Channel != ApplianceChannels.Door), output.Where(m => m.Channel != ApplianceChannels.Door));
        var originals = Stream.Where(m => m.Channel == ApplianceChannels.Door).ToList();
        var doors = output.Where(m => m.Channel == ApplianceChannels.Door).ToList();
        var bounced = 0;
        foreach (var original in originals)
        {
            var at = doors.IndexOf(original);
            var toggles = doors.Skip(at + 1).TakeWhile(m => !originals.Contains(m)).ToList();
            if (original.At < From || original.At >= Until)
            {
                Assert.Empty(toggles);
                continue;
            }

            bounced++;
            var state = Door(original).State;
            Assert.Equal(2 * bounces, toggles.Count);
            Assert.Equal(state, Door(toggles[^1]).State);
            Assert.All(toggles.Select((m, i) => (m, i)), t => Assert.Equal(t.i % 2 == 0 ? Opposite(state) : state, Door(t.m).State));
            Assert.All(toggles.Zip(toggles.Prepend(original)), pair => Assert.InRange((pair.First.At - pair.Second.At).TotalMilliseconds, 10, 60));
            Assert.All(toggles, m => Assert.InRange(m.At, From, Until - TimeSpan.FromTicks(1)));
        }

        Assert.True(bounced > 0);
        Assert.Equal(bounced * 2 * bounces, sut.Injected[FaultNames.DoorBounce]);
        Assert.Equal(output.OrderBy(m => m.At), output);
    }

    [Fact]
    public void Apply_MalformedBurst_InsertsOneMessageOfEachKindAtItsMoment()
    {
        var at = From + TimeSpan.FromMilliseconds(2500);
        MalformedKind[] kinds = [MalformedKind.NotJson, MalformedKind.UnknownChannel, MalformedKind.TooLarge];
        var sut = new FaultInjector(ApplianceId, 1, [new MalformedBurst(at, kinds)]);

        var output = sut.Apply(Stream, End);

        var before = Stream.TakeWhile(m => m.At < at).ToList();
        Assert.Equal(before, output.Take(before.Count));
        var burst = output.Skip(before.Count).Take(kinds.Length).ToList();
        Assert.All(burst, m => Assert.Equal(at, m.At));
        Assert.Equal("fridge=4.0C", burst[0].Payload);
        Assert.Equal($"appliance/{ApplianceId}/humidity", burst[1].Topic);
        Assert.True(burst[2].Payload.Length > 16 * 1024);
        Assert.Equal(Stream.Skip(before.Count), output.Skip(before.Count + kinds.Length));
        Assert.Equal(kinds.Length, sut.Injected[FaultNames.Malformed]);
    }

    [Fact]
    public void Apply_SameSeedAndStream_GivesTheSameOutputHoweverTheStreamIsSliced()
    {
        var inOneCall = new FaultInjector(ApplianceId, 5, AllFaults()).Apply(Stream, End);

        var sut = new FaultInjector(ApplianceId, 5, AllFaults());
        var inSlices = Stream.GroupBy(m => m.At).SelectMany(slice => sut.Apply(slice.ToList(), slice.Key)).ToList();

        Assert.Equal(inOneCall, new FaultInjector(ApplianceId, 5, AllFaults()).Apply(Stream, End));
        Assert.Equal(inOneCall, inSlices);
        Assert.NotEqual(inOneCall, new FaultInjector(ApplianceId, 6, AllFaults()).Apply(Stream, End));
    }

    [Fact]
    public void Apply_NothingMoreToSendButTheStreamCompleteThroughABurst_SendsTheBurst()
    {
        var at = End + TimeSpan.FromMinutes(1);
        var sut = new FaultInjector(ApplianceId, 1, [new MalformedBurst(at, [MalformedKind.NotJson])]);
        Assert.Equal(Stream, sut.Apply(Stream, End));

        var burst = sut.Apply([], at);

        Assert.Equal(at, Assert.Single(burst).At);
    }

    [Fact]
    public void Constructor_FaultEndingBeforeItStarts_ThrowsNamingTheFault()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaultInjector(ApplianceId, 1, [new ProbeFault("fridge", ProbeFaultKind.Silent, Until, From)]));

        Assert.StartsWith("Fault probe-silent ends before it starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DoorBounceWithoutBounces_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaultInjector(ApplianceId, 1, [new DoorBounce(FridgeSimulator.MainDoor, From, Until, 0)]));

        Assert.StartsWith("Fault door-bounce needs at least 1 bounce", error.Message, StringComparison.Ordinal);
    }

    private static List<Fault> AllFaults() =>
    [
        new ProbeFault("fridge", ProbeFaultKind.Stuck, From, Until),
        new ProbeFault("freezer", ProbeFaultKind.PowerOnReset, From, Until),
        new DoorBounce(FridgeSimulator.MainDoor, Start, Until, 2),
        new MalformedBurst(From, Enum.GetValues<MalformedKind>()),
    ];

    private static bool IsFridgeReading(SimulatedMessage message) =>
        message.Channel == ApplianceChannels.Temperature && Reading(message).Sensor == "fridge";

    private static bool IsFridgeReadingInWindow(SimulatedMessage message) => IsFridgeReading(message) && From <= message.At && message.At < Until;

    private static TemperatureReading Reading(SimulatedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.TemperatureReading)!;

    private static DoorEvent Door(SimulatedMessage message) => JsonSerializer.Deserialize(message.Payload, ContractsJsonContext.Default.DoorEvent)!;

    private static DoorState Opposite(DoorState state) => state == DoorState.Open ? DoorState.Closed : DoorState.Open;
}
