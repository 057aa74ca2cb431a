namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>The event names a scenario file uses, and which fields each one takes.</summary>
internal static class ScenarioEvents
{
    public const string ForField = "for";
    public const string SensorField = "sensor";
    public const string KindsField = "kinds";

    /// <summary>Sensors a probe fault can affect: the fridge's two temperature probes.</summary>
    public static readonly string[] Sensors = ["fridge", "freezer"];

    private static readonly EventDefinition[] Definitions =
    [
        new("power-cut", ScenarioEventKind.PowerCut, [ForField]),
        new("door-left-open", ScenarioEventKind.DoorLeftOpen, [ForField]),
        new("probe-85", ScenarioEventKind.Probe85, [SensorField, ForField]),
        new("probe-disconnected", ScenarioEventKind.ProbeDisconnected, [SensorField, ForField]),
        new("probe-silent", ScenarioEventKind.ProbeSilent, [SensorField, ForField]),
        new("probe-stuck", ScenarioEventKind.ProbeStuck, [SensorField, ForField]),
        new("door-bounce", ScenarioEventKind.DoorBounce, [ForField]),
        new("malformed", ScenarioEventKind.Malformed, [KindsField]),
        new("offline", ScenarioEventKind.Offline, [ForField]),
    ];

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
