using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartHome.FirmwareSim.Cli;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.FirmwareSim.Scenarios;
using SmartHome.FirmwareSim.UnitTests.Scenarios;
using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class ScenarioConsoleTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly StringWriter _output = new();

    [Fact]
    public async Task RunAsync_MaxSpeed_PrintsTheStartLineThenTheSummaryAndExitsZero()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var link = new LinkAddress("127.0.0.1", broker.Port);
        var command = new ScenarioCommand(TestScenarios.Quiet(), link, null, 11, ScenarioSpeed.Max, TestScenarios.Start);

        var exitCode = await ScenarioConsole.RunAsync(command, TimeProvider.System, NullLogger.Instance, _output, _timeout.Token);

        Assert.Equal(0, exitCode);
        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Scenario quiet: 02:00:00 simulated from 2026-11-16 08:00:00Z at max speed, seed 11, as scenario-fridge on {link}", lines[0]);
        Assert.Matches(@"^Scenario quiet done: \d+ messages for 02:00:00 simulated in \d\d:\d\d:\d\d\.\d \(\d+\.\d msg/s\)$", lines[^5]);
        Assert.Matches(@"^  by kind:         door \d+, inventory \d+, status 2, temperature \d+$", lines[^4]);
        Assert.Matches(@"^  inventory ops:   added \d+", lines[^3]);
        Assert.Equal("  faults injected: none", lines[^2]);
        Assert.Equal("  link:            dropped 0 time(s), 0 message(s) given up while offline", lines[^1]);
    }

    [Fact]
    public async Task RunAsync_CompressedThenStopped_PrintsProgressLinesThenAStoppedSummary()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider(TestScenarios.Start);
        var output = TextWriter.Synchronized(_output);
        var command = new ScenarioCommand(TestScenarios.Quiet(), new LinkAddress("127.0.0.1", broker.Port), null, 11, ScenarioSpeed.Of(60), TestScenarios.Start);
        using var stop = new CancellationTokenSource();

        var running = ScenarioConsole.RunAsync(command, time, NullLogger.Instance, output, stop.Token);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return Written(output).Contains("[00:00:1", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(20),
            "progress lines");
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(_timeout.Token));

        var lines = Written(output).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var progress = lines.Where(l => l.StartsWith('[')).ToList();
        Assert.Matches(@"^\[00:00:05\] sim 2026-11-16 08:0[0-5]:\d\d · [0-4]\.\d % done · sent \d+ · \d+\.\d msg/s$", progress[0]);
        Assert.Matches(@"^\[00:00:10\] sim 2026-11-16 08:(0\d|10):\d\d · [0-8]\.\d % done · sent \d+ · \d+\.\d msg/s$", progress[1]);
        Assert.StartsWith("Scenario quiet stopped: ", lines[^5], StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioProgress_Midway_ShowsSimulatedTimeShareSentAndRate()
    {
        var progress = new ScenarioProgress(TestScenarios.Start + TimeSpan.FromHours(30), 0.25, 1234);

        var sut = ProgressText.ScenarioProgress(TimeSpan.FromSeconds(65), progress, 246.8);

        Assert.Equal("[00:01:05] sim 2026-11-17 14:00:00 · 25.0 % done · sent 1234 · 246.8 msg/s", sut);
    }

    [Fact]
    public void ScenarioSummary_Stopped_CountsEveryKindOpFaultAndTheLink()
    {
        var report = new ScenarioReport(
            "sensor-faults",
            Completed: false,
            new Dictionary<string, long> { ["temperature"] = 100, ["status"] = 4, ["door"] = 6 },
            new Dictionary<string, long> { ["opened"] = 1, ["added"] = 3 },
            new Dictionary<string, long> { ["probe-85"] = 10 },
            LinkDrops: 1,
            Dropped: 2,
            SimulatedSpan: TimeSpan.FromHours(26.5),
            WallTime: TimeSpan.FromSeconds(11));

        var sut = ProgressText.ScenarioSummary(report);

        Assert.Equal(
            string.Join(Environment.NewLine,
                "Scenario sensor-faults stopped: 110 messages for 1d 02:30:00 simulated in 00:00:11.0 (10.0 msg/s)",
                "  by kind:         door 6, status 4, temperature 100",
                "  inventory ops:   added 3, opened 1",
                "  faults injected: probe-85 10",
                "  link:            dropped 1 time(s), 2 message(s) given up while offline"),
            sut);
    }

    /// <summary>What a <see cref="TextWriter.Synchronized"/> writer over <see cref="_output"/> has written; it locks on itself.</summary>
    private string Written(TextWriter synchronized)
    {
        lock (synchronized)
        {
            return _output.ToString();
        }
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _output.Dispose();
    }
}
