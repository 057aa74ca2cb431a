using System.Text.Json;
using System.Text.RegularExpressions;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Notifications;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// The shipped <c>forgotten-leftovers</c>: ten days of a household that puts most dinners' leftovers in the fridge
/// and forgets most of them past their date (the household's time zone is UTC, its warning window 2 days, its digest
/// at 08:00). What the core should say about each is worked out from the leftovers' own records.
/// </summary>
public sealed partial class ForgottenLeftoversScenarioTests(ForgottenLeftoversScenarioTests.Play play) : IClassFixture<ForgottenLeftoversScenarioTests.Play>
{
    private const int WarningDays = 2;

    [Fact]
    public void Leftovers_AreReportedExpiringOnceWhenTheirWindowOpens_AndExpiredOnceTheMorningAfterTheirDate()
    {
        var expected = new List<(string Type, string Subject, DateTimeOffset Time, DateOnly BestBefore)>();
        foreach (var leftover in play.Leftovers)
        {
            var windowOpens = Max(StartOf(leftover.BestBefore.AddDays(-WarningDays)), leftover.AddedAt);
            if (leftover.AddedAt < StartOf(leftover.BestBefore.AddDays(1)) && leftover.GoneAt > windowOpens && windowOpens < play.End)
            {
                expected.Add((NeedEventTypes.FoodExpiring, Subjects.Item(leftover.ItemId), windowOpens, leftover.BestBefore));
            }

            var expiredAt = StartOf(leftover.BestBefore.AddDays(1));
            if (leftover.GoneAt > expiredAt && expiredAt < play.End)
            {
                expected.Add((NeedEventTypes.FoodExpired, Subjects.Item(leftover.ItemId), expiredAt, leftover.BestBefore));
            }
        }

        var leftoverSubjects = play.Leftovers.Select(l => Subjects.Item(l.ItemId)).ToHashSet();
        var actual = play.Run.Events
            .Where(e => e.Type is NeedEventTypes.FoodExpiring or NeedEventTypes.FoodExpired && leftoverSubjects.Contains(e.Subject!))
            .Select(e => (e.Type, e.Subject!, e.Time, e.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!.BestBefore))
            .ToList();
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Contains(expected, e => e.Type == NeedEventTypes.FoodExpired);
        // A repeat would be an extra entry: the lists are compared whole.
        Assert.Contains(expected, e => e.Type == NeedEventTypes.FoodExpiring);
    }

    [Fact]
    public void Leftovers_KeepTheirLabelDate_TheFridgeRanAsItShould()
    {
        var fridge = new ReferenceCurve(SimulatedTelemetry.Readings(play.Envelopes, "fridge"));

        foreach (var leftover in play.Leftovers)
        {
            // Under the half day of life used beyond nominal that would move a date: the estimate is the label.
            Assert.True(fridge.LifeUsed(leftover.AddedAt) < TimeSpan.FromHours(12), leftover.ItemId);
            if (play.Run.Twin.FindItem(leftover.ItemId) is { } item)
            {
                Assert.Equal(leftover.BestBefore, item.EstimatedBestBefore);
            }
        }
    }

    [Fact]
    public void TheHouseholder_GetsOneDigestEachMorningAt8_ListingEachLeftoverInItsWindow_AndOneNotificationPerExpiredLeftover()
    {
        var days = Enumerable.Range(0, (play.End - SimulatedTelemetry.Monday).Days).Select(d => DateOnly.FromDateTime(SimulatedTelemetry.Monday.UtcDateTime).AddDays(d)).ToList();

        Assert.Equal(days.Select(d => StartOf(d).AddHours(8)), play.Run.Notifications.Select(n => n.At));
        Assert.All(play.Run.Notifications, n => Assert.Equal(NeedEventTypes.FoodExpiring, n.Type));
        Assert.Equal(play.Run.Notifications.Count, play.Run.Notifications.Select(n => n.Id).Distinct().Count());
        foreach (var (day, digest) in days.Zip(play.Run.Notifications))
        {
            var morning = StartOf(day).AddHours(8);
            var expected = play.Leftovers
                .Where(l => l.AddedAt <= morning && l.GoneAt > morning && l.BestBefore >= day && l.BestBefore.DayNumber - day.DayNumber <= WarningDays)
                .Select(l => $"{l.Name} ({When(l.BestBefore.DayNumber - day.DayNumber)})");
            var listed = ListedItem().Matches(digest.Body).Select(m => m.Value.Trim()).Where(p => play.Leftovers.Any(l => p.StartsWith(l.Name + " (", StringComparison.Ordinal)));
            Assert.Equal(expected.Order(), listed.Order());
        }

        var leftoverSubjects = play.Leftovers.Select(l => Subjects.Item(l.ItemId)).ToHashSet();
        foreach (var raised in play.Run.Events.Where(e => leftoverSubjects.Contains(e.Subject!)))
        {
            var notification = NotificationComposer.Compose(raised);
            if (raised.Type == NeedEventTypes.FoodExpiring)
            {
                Assert.Equal(NotificationMode.Digest, play.Run.Twin.Settings.Notifications.ModeOf(raised.Type));
                continue;
            }

            Assert.NotNull(notification);
            Assert.Equal((raised.Subject, raised.Time, NotificationSeverity.Warning), (notification.Subject, notification.At, notification.Severity));
        }
    }

    private static string When(int daysLeft) => daysLeft switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {daysLeft} days",
    };

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>An item in a digest's body: "Leftover lasagne (tomorrow)".</summary>
    [GeneratedRegex(@"[^,.]+ \([^)]+\)")]
    private static partial Regex ListedItem();

    /// <summary>A leftover dish as its records tell it: when it went into the fridge, its label date, and when it was eaten up or thrown away.</summary>
    public sealed record Leftover(string ItemId, string Name, DateTimeOffset AddedAt, DateOnly BestBefore, DateTimeOffset GoneAt);

    /// <summary>The scenario played once for the class.</summary>
    public sealed class Play
    {
        public Play()
        {
            Envelopes = SimulatedTelemetry.Envelopes("forgotten-leftovers");
            End = SimulatedTelemetry.Monday.AddDays(10);
            var records = Envelopes.SelectMany(e => e.Envelope.Records).Where(r => r.Kind == RecordKind.Inventory).OrderBy(r => r.At).ToList();
            Leftovers = [.. records
                .Where(r => r is { Op: InventoryOp.Added, Category: "leftovers" })
                .Select(added => new Leftover(added.ItemId!, added.Name!, added.At, added.BestBefore!.Value, GoneAt(records, added)))];
            Run.Play(Envelopes);
        }

        internal List<SimulatedEnvelope> Envelopes { get; }

        internal DateTimeOffset End { get; }

        internal List<Leftover> Leftovers { get; }

        internal ScenarioRun Run { get; } = new();

        /// <summary>The record that took it out of the fridge: thrown away, or the last of it eaten.</summary>
        private static DateTimeOffset GoneAt(List<TelemetryRecord> records, TelemetryRecord added)
        {
            var left = added.Quantity ?? 1;
            foreach (var record in records.Where(r => r.ItemId == added.ItemId && r.At > added.At))
            {
                left -= record.Op == InventoryOp.Consumed ? record.Quantity ?? left : 0;
                if (record.Op == InventoryOp.Removed || left <= 1e-9)
                {
                    return record.At;
                }
            }

            return DateTimeOffset.MaxValue;
        }
    }
}
