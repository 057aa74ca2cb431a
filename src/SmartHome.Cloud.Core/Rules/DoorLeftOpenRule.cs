using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary><c>shg.appliance.door-left-open.v1</c>: a door has been open for <see cref="CoreOptions.DoorLeftOpenAfter"/>. Once per opening.</summary>
internal sealed class DoorLeftOpenRule : INeedRule
{
    public void Evaluate(RuleContext context, DateTimeOffset now)
    {
        foreach (var appliance in context.Twin.Appliances)
        {
            foreach (var door in appliance.Doors)
            {
                var openFor = now - door.Since;
                if (door.State != DoorState.Open || openFor < context.Options.DoorLeftOpenAfter || door.LeftOpenReportedFor == door.Since)
                {
                    continue;
                }

                door.LeftOpenReportedFor = door.Since;
                context.Raise(
                    NeedEventTypes.DoorLeftOpen,
                    Subjects.Door(appliance.ApplianceId, door.Name),
                    door.Since.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    door.Since + context.Options.DoorLeftOpenAfter,
                    new DoorLeftOpenData
                    {
                        Appliance = appliance.ApplianceId,
                        Door = door.Name,
                        OpenSince = door.Since,
                        OpenSeconds = (int)openFor.TotalSeconds,
                    },
                    ContractsJsonContext.Default.DoorLeftOpenData);
            }
        }
    }
}
