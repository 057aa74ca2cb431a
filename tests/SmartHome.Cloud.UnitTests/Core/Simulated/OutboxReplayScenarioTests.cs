using System.Text.Json;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// Yesterday arriving late: the first two days of the shipped <c>power-outage</c> (the cut is on the second night),
/// with the gateway's uplink down all of Monday, so Monday's envelopes wait in its outbox and reach the cloud only
/// after Tuesday's, which went out live. Both plays end with the rules run a minute after the last arrival.
/// </summary>
public sealed class OutboxReplayScenarioTests
{
    private static readonly DateTimeOffset Tuesday = SimulatedTelemetry.Monday.AddDays(1);

    [Fact]
    public void YesterdayFromTheOutbox_AfterTodaysLiveTelemetry_EndsInTheSameTwin_AndTheSameEventsApartFromWarningsThatCameTooLate()
    {
        var envelopes = SimulatedTelemetry.Envelopes("power-outage", until: TimeSpan.FromDays(2));
        var late = SimulatedTelemetry.OutboxReplayedAfter(envelopes, Tuesday);
        var replayArrives = late.First(e => e.Envelope.Records[0].At < Tuesday).ArrivesAt;
        var settled = late[^1].ArrivesAt + TimeSpan.FromMinutes(1);

        var inOrder = new ScenarioRun().Play(envelopes).EvaluateAt(settled);
        var replayed = new ScenarioRun().Play(late).EvaluateAt(settled);

        // The inventory, estimated best-befores, exposures, temperature histories and doors.
        Assert.Equal(TwinLines.Of(inOrder.Twin), TwinLines.Of(replayed.Twin));

        // Raised in order, but not after the replay: warnings that would have come too late to matter once Monday
        // arrived on Wednesday, for food whose date had passed by then (it is reported expired instead, as in order)
        // or that was eaten on Tuesday, live, before anyone heard it had gone unsafe.
        var replayDay = DateOnly.FromDateTime(replayArrives.UtcDateTime);
        var tooLate = inOrder.Events.Where(e =>
            (e.Type == NeedEventTypes.FoodExpiring && e.Data.Deserialize(ContractsJsonContext.Default.FoodEventData)!.BestBefore < replayDay)
            || (e.Type == NeedEventTypes.FoodUnsafe && inOrder.Twin.FindItem(e.Subject!["items/".Length..]) is null)).ToList();
        Assert.Contains(tooLate, e => e.Type == NeedEventTypes.FoodExpiring);
        Assert.Contains(tooLate, e => e.Type == NeedEventTypes.FoodUnsafe);
        Assert.Equal(
            inOrder.Events.Except(tooLate).Select(e => (e.Id, e.Type, e.Subject)).Order(),
            replayed.Events.Select(e => (e.Id, e.Type, e.Subject)).Order());

        // Unsafe food: live, the rule judged the cut from the line bridging the silent fridge up to its first reading
        // after it; after the replay, from the whole history, so at the moment the final twin gives.
        var replayedTimes = replayed.Events.ToDictionary(e => e.Id, e => e.Time);
        foreach (var raised in inOrder.Events.Except(tooLate))
        {
            var expected = raised.Type == NeedEventTypes.FoodUnsafe
                ? inOrder.Twin.FindItem(raised.Subject!["items/".Length..])!.Exposure!.Total.UnsafeFrom
                : raised.Time;
            Assert.Equal(expected, replayedTimes[raised.Id]);
        }
    }
}
