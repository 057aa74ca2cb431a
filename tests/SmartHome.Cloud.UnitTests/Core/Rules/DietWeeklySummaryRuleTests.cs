using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class DietWeeklySummaryRuleTests
{
    /// <summary>Monday 30 November 2026, 00:00 UTC: the end of the test week that starts at <see cref="Start"/>'s Monday.</summary>
    private static readonly DateTimeOffset WeekEnd = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Evaluate_AnHourAfterTheWeekEnds_RaisesItsConsumptionByCategoryOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(
            Item("milk-1", "dairy", 1, "l"), Item("yogurt-1", "dairy", 500, "g"), Item("eggs-1", "Eggs", 10, null), Item("bread-1", null, 1, "kg")));
        _time.SetUtcNow(WeekEnd.AddDays(-1));
        sut.Apply(twin, Envelope(
            Consumed("milk-1", Start.AddHours(1), 0.25),
            Consumed("milk-1", Start.AddDays(2), 0.25),
            Consumed("yogurt-1", Start.AddDays(3), 500),
            Consumed("eggs-1", Start.AddDays(4), 2),
            Consumed("bread-1", Start.AddDays(5), 0.4)));

        var justAfter = sut.Evaluate(twin, WeekEnd.AddMinutes(30));
        var due = sut.Evaluate(twin, WeekEnd.AddHours(1));
        var later = sut.Evaluate(twin, WeekEnd.AddDays(3));

        Assert.DoesNotContain(justAfter, e => e.Type == NeedEventTypes.DietWeeklySummary);
        Assert.DoesNotContain(later, e => e.Type == NeedEventTypes.DietWeeklySummary);
        var summary = Assert.Single(due, e => e.Type == NeedEventTypes.DietWeeklySummary);
        Assert.Equal((WeekEnd, (string?)null), (summary.Time, summary.Subject));
        var data = summary.Data.Deserialize(ContractsJsonContext.Default.DietWeeklySummaryData)!;
        Assert.Equal(Today, data.WeekStart);
        Assert.Equal(
            [("dairy", 1.0, 2), ("eggs", 0.0, 1), ("other", 0.4, 1)],
            data.Categories.Select(c => (c.Category, c.Quantity, c.Items)));
    }

    [Fact]
    public void Evaluate_ConsumptionAfterLocalMidnightOnSunday_CountsInTheNextWeek()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.TimeZone = "Europe/Berlin";
        sut.Apply(twin, Envelope(Item("milk-1", "dairy", 1, "l")));
        _time.SetUtcNow(WeekEnd);
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the week of 30 November there.
        sut.Apply(twin, Envelope(Consumed("milk-1", WeekEnd.AddMinutes(-30), 0.5)));

        var raised = sut.Evaluate(twin, WeekEnd.AddDays(7).AddHours(1));

        var summary = Assert.Single(raised, e => e.Type == NeedEventTypes.DietWeeklySummary);
        Assert.Equal(new DateOnly(2026, 11, 30), summary.Data.Deserialize(ContractsJsonContext.Default.DietWeeklySummaryData)!.WeekStart);
        Assert.Equal(WeekEnd.AddDays(7).AddHours(-1), summary.Time);
    }

    [Fact]
    public void Apply_LateRecordsOfTheWeek_CountUntilTheSummaryAndAreLeftOutAfter()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Item("milk-1", "dairy", 1, "l")));
        _time.SetUtcNow(WeekEnd.AddMinutes(20));
        var lateButInTime = sut.Apply(twin, Envelope(Consumed("milk-1", Start.AddDays(1), 0.25) with { Historical = true }));
        var summary = sut.Evaluate(twin, WeekEnd.AddHours(1));
        _time.SetUtcNow(WeekEnd.AddHours(2));
        var tooLate = sut.Apply(twin, Envelope(Consumed("milk-1", Start.AddDays(2), 0.25) with { Historical = true }));

        Assert.DoesNotContain(lateButInTime, e => e.Type == NeedEventTypes.DietWeeklySummary);
        var data = Assert.Single(summary, e => e.Type == NeedEventTypes.DietWeeklySummary).Data.Deserialize(ContractsJsonContext.Default.DietWeeklySummaryData)!;
        Assert.Equal(0.25, Assert.Single(data.Categories).Quantity);
        Assert.DoesNotContain(sut.Evaluate(twin, WeekEnd.AddDays(30)).Concat(tooLate), e => e.Type == NeedEventTypes.DietWeeklySummary);
        Assert.Empty(twin.Diet.Weeks);
    }

    [Fact]
    public void Evaluate_WeekWithoutConsumption_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Item("milk-1", "dairy", 1, "l")));

        Assert.DoesNotContain(sut.Evaluate(twin, WeekEnd.AddDays(14)), e => e.Type == NeedEventTypes.DietWeeklySummary);
    }

    private static TelemetryRecord Item(string itemId, string? category, double quantity, string? unit) =>
        Added(itemId, Start, name: itemId, category: category, bestBefore: Today.AddDays(60), quantity: quantity, unit: unit);

    private static TelemetryRecord Consumed(string itemId, DateTimeOffset at, double quantity) =>
        Inventory(InventoryOp.Consumed, itemId, at, quantity);
}
