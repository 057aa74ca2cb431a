using System.Text.Json;
using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>The event names a scenario file uses (the faults' are <see cref="FaultNames"/>), and which fields each one takes.</summary>
internal static class ScenarioEvents
{
    public const string ForField = "for";
    public const string SensorField = "sensor";
    public const string KindsField = "kinds";
    public const string FirmwareField = "firmware";

    /// <summary>A power cut's <c>firmware</c>: the appliance's controller goes down with the mains (the default) or keeps reporting from a battery.</summary>
    public const string FirmwareOff = "off";
    public const string FirmwareOnBattery = "on-battery";

    /// <summary>Sensors a probe fault can affect: the fridge's two temperature probes.</summary>
    public static readonly string[] Sensors = ["fridge", "freezer"];

    private static readonly EventDefinition[] Definitions =
    [
        new("power-cut", ScenarioEventKind.PowerCut, [ForField, FirmwareField]),
        new("door-left-open", ScenarioEventKind.DoorLeftOpen, [ForField]),
        new(FaultNames.Probe85, ScenarioEventKind.Probe85, [SensorField, ForField]),
        new(FaultNames.ProbeDisconnected, ScenarioEventKind.ProbeDisconnected, [SensorField, ForField]),
        new(FaultNames.ProbeSilent, ScenarioEventKind.ProbeSilent, [SensorField, ForField]),
        new(FaultNames.ProbeStuck, ScenarioEventKind.ProbeStuck, [SensorField, ForField]),
        new(FaultNames.DoorBounce, ScenarioEventKind.DoorBounce, [ForField]),
        new(FaultNames.Malformed, ScenarioEventKind.Malformed, [KindsField]),
        new(FaultNames.Offline, ScenarioEventKind.Offline, [ForField]),
    ];

    /// <summary>The kinds a <c>malformed</c> event names, kebab-case: <c>not-json</c>, <c>too-large</c>, ...</summary>
    public static readonly IReadOnlyDictionary<string, MalformedKind> MalformedKinds =
        Enum.GetValues<MalformedKind>().ToDictionary(kind => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()), StringComparer.Ordinal);

    public static IEnumerable<string> Names => Definitions.Select(d => d.Name);

    public static bool TryFind(string name, out ScenarioEventKind kind, out IReadOnlyList<string> fields)
    {
        var definition = Definitions.FirstOrDefault(d => d.Name == name);
        kind = definition?.Kind ?? default;
        fields = definition?.Fields ?? [];
        return definition is not null;
    }

    public static string NameOf(ScenarioEventKind kind) => Definitions.Single(d => d.Kind == kind).Name;

    private sealed record EventDefinition(string Name, ScenarioEventKind Kind, IReadOnlyList<string> Fields);
}
