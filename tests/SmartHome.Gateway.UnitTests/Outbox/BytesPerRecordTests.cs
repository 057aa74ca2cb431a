using SmartHome.Gateway.UnitTests.Support;
using Xunit.Abstractions;

namespace SmartHome.Gateway.UnitTests.Outbox;

/// <summary>
/// The outbox's bytes written per record at different arrival patterns, the figures of docs/gateway-outbox.md
/// (printed to the test output): one envelope per group commit, so its fixed part is shared by what arrives together.
/// </summary>
public sealed class BytesPerRecordTests(ITestOutputHelper output) : IDisposable
{
    private const int Records = 1000;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task BytesWritten_PerRecord_FallsAsMoreRecordsArriveTogether()
    {
        var perRecord = new List<double>();
        foreach (var burst in new[] { 1, 10, 100 })
        {
            perRecord.Add(await MeasureAsync(burst));
            output.WriteLine($"bursts of {burst,3}: {perRecord[^1]:0.0} bytes written per record");
        }

        Assert.True(perRecord[0] > perRecord[1] && perRecord[1] > perRecord[2], string.Join(", ", perRecord));
    }

    /// <summary>
    /// <paramref name="burst"/> records at once, the next burst only once they are on disk: 1 is one appliance
    /// reporting now and then (1 record/s or slower is the same), 100 a backlog replayed by an appliance's firmware.
    /// </summary>
    private async Task<double> MeasureAsync(int burst)
    {
        var metrics = TestData.NewMetrics();
        var directory = Path.Combine(_directory.Path, burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using (var sut = TestOutbox.Open(directory, metrics, configure: settings => settings with { Linger = TimeSpan.FromSeconds(5), MaxBatchRecords = burst }))
        {
            for (var i = 0; i < Records; i += burst)
            {
                await Task.WhenAll(Enumerable.Range(i, burst).Select(n => sut.AppendAsync(TestData.Temperature(3 + (n % 10 / 10.0)), CancellationToken.None)));
            }
        }

        var counters = metrics.Snapshot();
        Assert.Equal(Records, counters.RecordsWritten);
        return (double)counters.BytesWritten / counters.RecordsWritten;
    }
}
