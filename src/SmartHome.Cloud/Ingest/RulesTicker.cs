using System.Data.Common;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Ingest;

/// <summary>
/// Runs the time-driven rules (expiry, doors left open, gateways gone quiet) over every household, every
/// <see cref="RulesOptions.Interval"/>; what they raise is stored like anything ingest raises.
/// </summary>
internal sealed class RulesTicker(
    HouseholdEngine engine, HouseholdStore store, HouseholdUpdater updater, IOptions<RulesOptions> options, TimeProvider time, ILogger<RulesTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await EvaluateAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down between or during rounds; each household's change is its own transaction.
        }
    }

    /// <summary>One round over every household; a household that fails is logged and the round goes on.</summary>
    internal async Task EvaluateAllAsync(CancellationToken ct)
    {
        IReadOnlyList<string> households;
        try
        {
            households = await store.ListHouseholdIdsAsync(ct);
        }
        catch (DbException ex)
        {
            Log.StoreUnavailableForRules(logger, ex);
            return;
        }

        foreach (var householdId in households)
        {
            try
            {
                var now = time.GetUtcNow();
                var result = await updater.ChangeAsync(householdId, null, twin => engine.Evaluate(twin, now), ct);
                if (result.EventsRaised > 0)
                {
                    Log.RulesRaised(logger, householdId, result.EventsRaised);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RulesFailed(logger, householdId, ex);
            }
        }
    }
}
