using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// Yesterday arriving late: the first two days of the shipped <c>power-outage</c> (the cut is on the second night),
/// with the gateway's uplink down all of Monday, so Monday's envelopes wait in its outbox and reach the cloud only
/// after Tuesday's, which went out live. Compared with the same envelopes played in order and the rules run at the
/// replay's end.
/// </summary>
public sealed class OutboxReplayScenarioTests
{
    internal static readonly DateTimeOffset Tuesday = SimulatedTelemetry.Monday.AddDays(1);

    [Fact]
    public void YesterdayFromTheOutbox_AfterTodaysLiveTelemetry_EndsInTheSameTwin_AndTheSameEventsApartFromWarningsThatCameTooLate()
    {
        var envelopes = SimulatedTelemetry.Envelopes("power-outage", until: TimeSpan.FromDays(2));
        var late = SimulatedTelemetry.OutboxReplayedAfter(envelopes, Tuesday);

        var inOrder = new ScenarioRun().Play(envelopes).EvaluateAt(late[^1].ArrivesAt);
        var replayed = new ScenarioRun().Play(late);

        var tooLate = AssertSameApartFromWarningsThatCameTooLate(inOrder, replayed.Twin, replayed.Events, late.First(e => e.Envelope.Records[0].At < Tuesday).ArrivesAt);

        Assert.Contains(tooLate, e => e.Type == NeedEventTypes.FoodExpiring && e.Subject == "items/milk-1");
        Assert.Contains(tooLate, e => e.Type == NeedEventTypes.FoodUnsafe && e.Subject == "items/brie-1");
        Assert.Contains(replayed.Events, e => e.Type == NeedEventTypes.FoodUnsafe && e.Subject == "items/milk-1");
    }

    /// <summary>
    /// The late play ends in the in-order play's twin (inventory, estimated best-befores, exposures, temperature
    /// histories, doors) and events (ids, types, subjects, times), apart from the differences that are right.
    /// </summary>
    /// <returns>The in-order play's events that the late play rightly did not raise.</returns>
    internal static List<NeedEvent> AssertSameApartFromWarningsThatCameTooLate(ScenarioRun inOrder, HouseholdTwin lateTwin, IReadOnlyList<NeedEvent> lateEvents, DateTimeOffset replayArrives)
    {
        Assert.Equal(TwinLines.Of(inOrder.Twin), TwinLines.Of(lateTwin));

        // Raised in order, but not after the replay: the rules judge the food in the fridge once Monday has arrived, on
        // Wednesday, so warnings that would have come too late to matter are not given: about food eaten or thrown
        // away by then (on Tuesday, live, or later on Monday), or "expiring" for food already past its date (it is
        // reported expired instead, as in order).
        var replayDay = DateOnly.FromDateTime(replayArrives.UtcDateTime);
        var tooLate = inOrder.Events.Where(e =>
            (e.Type is NeedEventTypes.FoodExpiring or NeedEventTypes.FoodExpired or NeedEventTypes.FoodUnsafe && inOrder.Twin.FindItem(e.Subject!["items/".Length..]) is null)
            || (e.Type == NeedEventTypes.FoodExpiring && e.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!.BestBefore < replayDay)).ToList();
        Assert.Equal(
            inOrder.Events.Except(tooLate).Select(e => (e.Id, e.Type, e.Subject)).Order(),
            lateEvents.Select(e => (e.Id, e.Type, e.Subject)).Order());

        // Unsafe food: live, the rule judged the cut from the line bridging the silent fridge up to its first reading
        // after it; after the replay, from the whole history, so at the moment the final twin gives.
        var lateTimes = lateEvents.ToDictionary(e => e.Id, e => e.Time);
        foreach (var raised in inOrder.Events.Except(tooLate))
        {
            var expected = raised.Type == NeedEventTypes.FoodUnsafe
                ? inOrder.Twin.FindItem(raised.Subject!["items/".Length..])!.Exposure!.Total.UnsafeFrom
                : raised.Time;
            Assert.Equal(expected, lateTimes[raised.Id]);
        }

        return tooLate;
    }
}
