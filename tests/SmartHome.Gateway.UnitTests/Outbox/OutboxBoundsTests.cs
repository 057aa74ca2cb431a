using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class OutboxBoundsTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OverMaxBytes_MixedClasses_RollsUpTemperatureAndKeepsEveryOtherRecord()
    {
        var appended = Mixed(temperatures: 700);
        await AppendAllAsync(Small, appended);

        var pending = OutboxFiles.RecoverPending(_directory.Path).SelectMany(envelope => envelope.Records).ToList();
        var evicted = OutboxFiles.Evicted(_directory.Path);

        Assert.Equal(appended.Where(IsOther), pending.Where(IsOther));
        Assert.Equal((0, 0), (evicted.OtherDropped, evicted.TemperatureDropped));
        var rollups = pending.Where(record => record.Samples is not null).ToList();
        Assert.NotEmpty(rollups);
        Assert.Equal(evicted.TemperatureRolledUp, rollups.Sum(rollup => rollup.Samples!.Value));
        Assert.Equal(appended.Count(IsTemperature), pending.Where(IsTemperature).Sum(record => record.Samples ?? 1));
        AssertRollupsSummarise(appended, pending);
        Assert.InRange(SegmentBytesOnDisk(), 1, SmallMaxBytes);
    }

    [Fact]
    public async Task OverMaxBytes_StillOverWithoutTemperature_DropsTheOldestOtherRecordsAndCountsThem()
    {
        var temperatures = Mixed(temperatures: 300).Where(IsTemperature).ToList();
        var doors = Enumerable.Range(0, 1500).Select(i => Door(TestData.Start.AddHours(2).AddSeconds(i))).ToList();
        await AppendAllAsync(Small, [.. temperatures, .. doors]);

        var pending = OutboxFiles.RecoverPending(_directory.Path).SelectMany(envelope => envelope.Records).ToList();
        var evicted = OutboxFiles.Evicted(_directory.Path);

        Assert.DoesNotContain(pending, IsTemperature);
        Assert.Equal(temperatures.Count, evicted.TemperatureDropped);
        Assert.True(evicted.OtherDropped > 0);
        Assert.Equal(doors.Count, pending.Count + evicted.OtherDropped);
        Assert.Equal(doors.TakeLast(pending.Count), pending);
        Assert.InRange(SegmentBytesOnDisk(), 1, SmallMaxBytes);
    }

    [Fact]
    public async Task MaxAge_EnvelopesWrittenBeforeIt_AreEvictedAndStayEvictedAfterARestart()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var settings = Small(new(_directory.Path, 0)) with { MaxBytes = 64L * 1024 * 1024, MaxAge = TimeSpan.FromHours(1) };
        await using (var sut = TestOutbox.Open(_directory.Path, time: time, configure: _ => settings))
        {
            await AppendEachAsync(sut, Enumerable.Range(0, 5).Select(i => Door(TestData.Start.AddSeconds(i))));
            time.Advance(TimeSpan.FromHours(2));
            await AppendEachAsync(sut, Enumerable.Range(0, 3).Select(i => Door(time.GetUtcNow().AddSeconds(i))));
            time.Advance(settings.SegmentMaxAge);

            await Eventually.TrueAsync(() => Task.FromResult(sut.GetStatus().Evicted.AgeExpired == 5), TimeSpan.FromSeconds(10), "the old envelopes to expire");
            Assert.Equal([6L, 7, 8], sut.GetPending(0, 100).Select(entry => entry.Seq));
        }

        await using var restarted = TestOutbox.Open(_directory.Path, time: time, configure: _ => settings);
        var status = restarted.GetStatus();
        Assert.Equal(new EvictionCounts(0, 0, 0, 5), status.Evicted);
        Assert.Equal([6L, 7, 8], restarted.GetPending(0, 100).Select(entry => entry.Seq));
        Assert.Equal(3, status.PendingRecords);
    }

    [Fact]
    public async Task MaxAge_EvictsAroundEnvelopesAcknowledgedOutOfOrder_CountsStayRightAndTheCursorMovesOn()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var settings = Small(new(_directory.Path, 0)) with { MaxBytes = 64L * 1024 * 1024, MaxAge = TimeSpan.FromHours(1) };
        await using var sut = TestOutbox.Open(_directory.Path, time: time, configure: _ => settings);
        await AppendEachAsync(sut, Enumerable.Range(0, 5).Select(i => Door(TestData.Start.AddSeconds(i))));
        time.Advance(TimeSpan.FromMinutes(30));
        await AppendEachAsync(sut, Enumerable.Range(0, 3).Select(i => Door(time.GetUtcNow().AddSeconds(i))));

        // Live envelopes acknowledged ahead of the backlog, before anything is old enough to expire: 2 to 5 in the
        // segment that will, 6 after it.
        foreach (var seq in new long[] { 2, 3, 4, 5, 6 })
        {
            sut.Acknowledge(seq);
        }

        time.Advance(TimeSpan.FromMinutes(45));
        await Eventually.TrueAsync(() => Task.FromResult(sut.GetStatus().Evicted.AgeExpired == 1), TimeSpan.FromSeconds(10), "envelope 1 to expire");

        var status = sut.GetStatus();
        Assert.Equal((2L, 2L, 6L), (status.PendingEnvelopes, status.PendingRecords, status.AckedSeq));
        Assert.Equal([7L, 8], sut.GetPending(0, 100).Select(entry => entry.Seq));
        sut.Acknowledge(8);
        sut.Acknowledge(7);
        Assert.Equal(8, sut.AckedSeq);
    }

    [Fact]
    public async Task Restart_AfterEvictions_KeepsTheCountsAndTheEvictedRecordsGone()
    {
        await AppendAllAsync(Small, Mixed(temperatures: 1000));
        var evicted = OutboxFiles.Evicted(_directory.Path);
        var pending = OutboxFiles.RecoverPending(_directory.Path);

        await using var restarted = TestOutbox.Open(_directory.Path, configure: Small);
        var status = restarted.GetStatus();

        Assert.NotEqual(default, evicted);
        Assert.Equal(evicted, status.Evicted);
        Assert.Equal(pending.Select(envelope => envelope.Seq), restarted.GetPending(0, int.MaxValue).Select(entry => entry.Seq));
        Assert.Equal(pending.Sum(envelope => envelope.Records.Count), status.PendingRecords);
    }

    [Fact]
    public async Task TryReadEnvelope_WhileCompactionRewritesSegments_NeverReturnsGarbageOrSkipsAnEnvelope()
    {
        var unreadable = new List<long>();
        var reads = 0;
        var metrics = TestData.NewMetrics();
        await using (var sut = TestOutbox.Open(_directory.Path, metrics, configure: Small))
        {
            using var appending = new CancellationTokenSource();
            var reader = Task.Run(() =>
            {
                while (!appending.IsCancellationRequested)
                {
                    foreach (var entry in sut.GetPending(0, int.MaxValue))
                    {
                        if (sut.TryReadEnvelope(entry) is not { } json)
                        {
                            unreadable.Add(entry.Seq);
                            continue;
                        }

                        Assert.Equal(entry.Seq, JsonSerializer.Deserialize(json, ContractsJsonContext.Default.TelemetryEnvelope)!.Seq);
                        reads++;
                    }
                }
            });

            var records = Mixed(temperatures: 3000);
            for (var i = 0; i < records.Count; i += 50)
            {
                await Task.WhenAll(records.Skip(i).Take(50).Select(record => sut.AppendAsync(record, CancellationToken.None)));
            }

            await Eventually.TrueAsync(() => Task.FromResult(sut.GetStatus().Evicted.TemperatureRolledUp > 0), TimeSpan.FromSeconds(30), "compaction");
            await appending.CancelAsync();
            await reader;
        }

        Assert.True(reads > 0);
        Assert.Equal(0, metrics.Snapshot().CorruptFramesSkipped);
        var stillPending = OutboxFiles.RecoverPending(_directory.Path).Select(envelope => envelope.Seq).ToHashSet();
        Assert.All(unreadable, seq => Assert.DoesNotContain(seq, stillPending));
    }

    private const long SmallMaxBytes = 64 * 1024;

    /// <summary>Small enough that a few thousand records go over it, with segments of a few dozen envelopes of up to 10 records.</summary>
    private static OutboxSettings Small(OutboxSettings settings) => settings with
    {
        MaxBytes = SmallMaxBytes,
        Linger = TimeSpan.Zero,
        MaxBatchRecords = 10,
        SegmentBytes = 8 * 1024,
        RollupInterval = Interval,
    };

    private static bool IsTemperature(TelemetryRecord record) => record.Kind == RecordKind.Temperature;

    private static bool IsOther(TelemetryRecord record) => !IsTemperature(record);

    /// <summary>Two sensors every 10 s, with door, inventory and fault records in between, in time order.</summary>
    private static List<TelemetryRecord> Mixed(int temperatures)
    {
        var records = new List<TelemetryRecord>();
        for (var i = 0; i < temperatures; i++)
        {
            var at = TestData.Start.AddSeconds(10 * (i / 2));
            records.Add(i % 2 == 0
                ? Temperature("fridge", 3 + (i % 7 * 0.1), at)
                : Temperature("freezer", -18 - (i % 5 * 0.2), at));
            if (i % 25 == 0)
            {
                records.Add(Door(at));
            }

            if (i % 40 == 0)
            {
                records.Add(TelemetryRecord.From("fridge-1", new InventoryChange { Op = InventoryOp.Added, ItemId = $"milk-{i}", Name = "Milk" }, at));
            }

            if (i % 100 == 0)
            {
                records.Add(new() { Appliance = "pi", Kind = RecordKind.Fault, At = at, Sensor = "probe-1", Reason = "CRC error", Quality = RecordQuality.Bad });
            }
        }

        return records;
    }

    private static TelemetryRecord Temperature(string sensor, double celsius, DateTimeOffset at) =>
        TelemetryRecord.From("fridge-1", new TemperatureReading { Sensor = sensor, Celsius = Math.Round(celsius, 1) }, at);

    private static TelemetryRecord Door(DateTimeOffset at) =>
        TelemetryRecord.From("fridge-1", new DoorEvent { Door = "main", State = DoorState.Open }, at);

    private static async Task AppendEachAsync(DurableOutbox outbox, IEnumerable<TelemetryRecord> records)
    {
        foreach (var record in records)
        {
            await outbox.AppendAsync(record, CancellationToken.None);
        }
    }

    /// <summary>
    /// Every rollup stands for readings of its sensor and interval: together with the raw readings left there, they
    /// account for every reading appended, and its min/mean/max lie within theirs.
    /// </summary>
    private static void AssertRollupsSummarise(List<TelemetryRecord> appended, List<TelemetryRecord> pending)
    {
        static (string?, DateTimeOffset) Bucket(TelemetryRecord record) =>
            (record.Sensor, new DateTimeOffset(record.At.UtcTicks - (record.At.UtcTicks % Interval.Ticks), TimeSpan.Zero));

        var originals = appended.Where(IsTemperature).ToLookup(Bucket);
        foreach (var bucket in pending.Where(IsTemperature).GroupBy(Bucket))
        {
            var readings = originals[bucket.Key].Select(record => record.Celsius!.Value).ToList();
            Assert.Equal(readings.Count, bucket.Sum(record => record.Samples ?? 1));
            // Each rollup's mean is rounded to 3 decimals.
            Assert.Equal(readings.Sum(), bucket.Sum(record => record.Celsius!.Value * (record.Samples ?? 1)), 0.0005 * readings.Count);
            foreach (var rollup in bucket.Where(record => record.Samples is not null))
            {
                Assert.Null(RecordValidator.Validate(rollup));
                Assert.Equal(bucket.Key.Item2, rollup.At);
                Assert.InRange(rollup.MinCelsius!.Value, readings.Min(), rollup.Celsius!.Value);
                Assert.InRange(rollup.MaxCelsius!.Value, rollup.Celsius!.Value, readings.Max());
            }
        }
    }

    private long SegmentBytesOnDisk() =>
        Directory.EnumerateFiles(_directory.Path, "*" + OutboxSegment.Extension).Sum(file => new FileInfo(file).Length);

    private async Task AppendAllAsync(Func<OutboxSettings, OutboxSettings> configure, List<TelemetryRecord> records)
    {
        await using var sut = TestOutbox.Open(_directory.Path, configure: configure);
        await Task.WhenAll(records.Select(record => sut.AppendAsync(record, CancellationToken.None)));
    }
}
