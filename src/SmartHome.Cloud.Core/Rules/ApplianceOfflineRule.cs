using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// <c>shg.appliance.offline.v1</c>: a gateway's status turned offline (its last will) or an appliance's status record
/// said offline. The twin only reports a change of state, so each outage is raised once, however often the
/// retained status is delivered again.
/// </summary>
internal sealed class ApplianceOfflineRule : INeedRule
{
    public void OnChange(RuleContext context, TwinChange change)
    {
        switch (change)
        {
            case GatewayWentOffline gateway:
                Raise(context, Subjects.Gateway(gateway.Gateway.GatewayId), gateway.At, new OfflineData
                {
                    GatewayId = gateway.Gateway.GatewayId,
                    Since = gateway.At,
                });
                break;
            case ApplianceWentOffline appliance:
                Raise(context, Subjects.Appliance(appliance.Appliance.ApplianceId), appliance.At, new OfflineData
                {
                    GatewayId = appliance.Appliance.GatewayId,
                    Appliance = appliance.Appliance.ApplianceId,
                    Since = appliance.At,
                });
                break;
        }
    }

    private static void Raise(RuleContext context, string subject, DateTimeOffset since, OfflineData data) =>
        context.Raise(
            NeedEventTypes.ApplianceOffline,
            subject,
            since.UtcTicks.ToString(CultureInfo.InvariantCulture),
            since,
            data,
            ContractsJsonContext.Default.OfflineData);
}
