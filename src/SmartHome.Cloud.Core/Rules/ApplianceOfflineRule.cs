using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.appliance.offline.v1</c>: a gateway's status turned offline (its last will) or an appliance's status record
/// said offline, and it stayed so for <see cref="CoreOptions.OfflineReportAfter"/>, so a quick offline→online blip (a
/// reconnect) raises nothing. Each outage is raised once, with the time it began, however often the retained
/// status is delivered again.
/// </summary>
internal sealed class ApplianceOfflineRule : INeedRule
{
    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        var after = context.Options.OfflineReportAfter;
        foreach (var gateway in context.Twin.Gateways)
        {
            if (IsDue(gateway.State, gateway.StateSince, gateway.OfflineReportedFor, now, after) is { } since)
            {
                gateway.OfflineReportedFor = since;
                Raise(context, Subjects.Gateway(gateway.GatewayId), new OfflineData { GatewayId = gateway.GatewayId, Since = since });
            }
        }

        foreach (var appliance in context.Twin.Appliances)
        {
            if (IsDue(appliance.State, appliance.StateSince, appliance.OfflineReportedFor, now, after) is { } since)
            {
                appliance.OfflineReportedFor = since;
                Raise(context, Subjects.Appliance(appliance.ApplianceId), new OfflineData
                {
                    GatewayId = appliance.GatewayId,
                    Appliance = appliance.ApplianceId,
                    Since = since,
                });
            }
        }
    }

    /// <returns>When the outage began, if it is one to report now.</returns>
    private static DateTimeOffset? IsDue(OnlineState? state, DateTimeOffset? stateSince, DateTimeOffset? reportedFor, DateTimeOffset now, TimeSpan after) =>
        state == OnlineState.Offline && stateSince is { } since && since != reportedFor && now - since >= after ? since : null;

    private static void Raise(RuleContext context, string subject, OfflineData data) =>
        context.Raise(
            NeedEventTypes.ApplianceOffline,
            subject,
            data.Since.UtcTicks.ToString(CultureInfo.InvariantCulture),
            data.Since,
            data,
            ContractsJsonContext.Default.OfflineData);
}
