using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Rules;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Core;

/// <summary>
/// Turns a household's telemetry into its twin and the need events the twin's situations call for. Stateless
/// between calls (everything, rule memory included, lives in the twin; only the shelf-life catalog's answers are
/// remembered) and safe to share; a twin must not be given to two calls at once. Every method changes the twin it
/// is given: persist it afterwards.
/// </summary>
public sealed class HouseholdEngine
{
    private readonly TimeProvider _time;
    private readonly CoreOptions _options;
    private readonly TwinUpdater _updater;
    private readonly ShelfLifeModel _shelfLife;
    private readonly INeedRule[] _rules =
    [
        new FoodExpiringRule(),
        new FoodExpiredRule(),
        new FoodUnsafeRule(),
        new TemperatureExcursionRule(),
        new ApplianceOfflineRule(),
        new DoorLeftOpenRule(),
        new StockLowRule(),
        new DietWeeklySummaryRule(),
    ];

    public HouseholdEngine(TimeProvider time, IShelfLifeCatalog catalog, CoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(catalog);
        _time = time;
        _options = options ?? new CoreOptions();
        _updater = new TwinUpdater(_options);
        _shelfLife = new ShelfLifeModel(catalog);
    }

    /// <summary>
    /// Applies the envelope's valid records in event time, then the time-driven rules at the cloud's clock. A record
    /// stamped by a gateway whose clock was not synchronised (<c>clockSynced: false</c>), or stamped too far ahead,
    /// counts as received now: a bogus 1970 time must neither look stale to the rules nor order the twin.
    /// The host dedupes envelopes (gateway, seq) first: consumption subtracts, so applying one twice would count twice.
    /// An envelope of a replayed backlog whose next envelope is still missing leaves the time-driven rules to the
    /// backlog's end (or the next live envelope, or <see cref="Evaluate"/>).
    /// </summary>
    /// <returns>The need events raised, in the order they arose.</returns>
    public IReadOnlyList<NeedEvent> Apply(HouseholdTwin twin, TelemetryEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(envelope);
        EnsureSameHousehold(twin, envelope.HouseholdId);

        var now = _time.GetUtcNow();
        var gateway = TwinUpdater.FindOrAddGateway(twin, envelope.GatewayId);
        gateway.LastSeenAt = now;
        SeqTracker.Receive(gateway, envelope.Seq, now);

        var context = new RuleContext(twin, _options);
        var latestAllowed = now + _options.MaxClockSkew;
        var records = envelope.Records
            .Where(r => RecordValidator.Validate(r) is null)
            .Select(r => r.At > latestAllowed || r.ClockSynced == false ? r with { At = now } : r)
            .OrderBy(r => r.At);
        foreach (var record in records)
        {
            Notify(context, _updater.Apply(twin, envelope.GatewayId, record));
        }

        // Part-way through a replayed backlog the time-driven rules wait for the rest of it (the next envelope, or the
        // periodic Evaluate): judged now, they would see yesterday in part, e.g. an item whose eating is in a later
        // envelope, or hours of history still bridged by a line.
        if (!SeqTracker.BacklogContinuesAfter(gateway, envelope.Seq))
        {
            EvaluateRules(context, now);
        }

        twin.UpdatedAt = now;
        return context.Raised;
    }

    /// <summary>
    /// Applies a gateway's retained status (online at birth, offline as its last will). An outage is raised by
    /// <see cref="Evaluate"/> once it has lasted <see cref="CoreOptions.OfflineReportAfter"/>.
    /// </summary>
    public IReadOnlyList<NeedEvent> ApplyGatewayStatus(HouseholdTwin twin, string gatewayId, GatewayStatus status, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentNullException.ThrowIfNull(status);

        var context = new RuleContext(twin, _options);
        Notify(context, TwinUpdater.ApplyGatewayStatus(twin, gatewayId, status, receivedAt));
        twin.UpdatedAt = _time.GetUtcNow();
        return context.Raised;
    }

    /// <summary>
    /// Runs the time-driven rules (expiring, expired, excursions confirmed by duration, doors left open, outages) at
    /// <paramref name="now"/>; the host calls it periodically, e.g. each minute. Best-before estimates are refreshed
    /// too, so a changed time zone or catalog takes effect.
    /// </summary>
    public IReadOnlyList<NeedEvent> Evaluate(HouseholdTwin twin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twin);

        var context = new RuleContext(twin, _options);
        EvaluateRules(context, now);
        if (context.Raised.Count > 0)
        {
            twin.UpdatedAt = _time.GetUtcNow();
        }

        return context.Raised;
    }

    private void EvaluateRules(RuleContext context, DateTimeOffset now)
    {
        foreach (var gateway in context.Twin.Gateways)
        {
            SeqTracker.MarkOverdue(gateway, now, _options.GapReportAfter);
        }

        TemperatureExposure.UpdateAll(context.Twin, _options, (item, dose) =>
        {
            var estimate = _shelfLife.Estimate(item, context.TimeZone, dose);
            item.EstimatedBestBefore = estimate.Date;
            item.Estimated = estimate.Date is not null && estimate.Date != item.BestBefore;
            item.EstimateReason = estimate.Reason;
            item.EstimateSince = estimate.Since;
        });

        foreach (var rule in _rules)
        {
            rule.Evaluate(context, now);
        }
    }

    private void Notify(RuleContext context, IEnumerable<TwinChange> changes)
    {
        foreach (var change in changes)
        {
            foreach (var rule in _rules)
            {
                rule.OnChange(context, change);
            }
        }
    }

    private static void EnsureSameHousehold(HouseholdTwin twin, string householdId)
    {
        if (twin.HouseholdId != householdId)
        {
            throw new ArgumentException(
                $"The envelope is for household '{householdId}', the twin for '{twin.HouseholdId}'.", nameof(twin));
        }
    }
}
