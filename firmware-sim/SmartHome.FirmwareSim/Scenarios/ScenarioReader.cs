using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Cli;
using SmartHome.FirmwareSim.Faults;
using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// Reads a scenario file, checking everything it can before the run starts, so that a mistake reads as one line
/// naming the file and the field rather than as a run that does something else.
/// </summary>
internal static partial class ScenarioReader
{
    private const int MaxDescriptionLength = 80;
    private const string TimeExample = "a time such as 15m, 8h or 1d6h";
    private static readonly string[] TopLevelFields = ["name", "description", "seed", "duration", "applianceId", "fridge", "household", "timeline"];
    private static readonly string[] FridgeFields = ["temperatureInterval", "firmware"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    // Web defaults: camelCase, as the household profile documents; a key it does not know is a typo, not a default.
    private static readonly JsonSerializerOptions HouseholdJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <exception cref="ScenarioException">The file is missing or does not describe a valid scenario.</exception>
    public static Scenario ReadFile(string path, string source)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{source}: cannot read the file ({ex.Message})", ex);
        }

        return Parse(json, source);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="source">How error messages name the file.</param>
    /// <exception cref="ScenarioException">The text does not describe a valid scenario.</exception>
    public static Scenario Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException($"{source}: line {ex.LineNumber + 1}: not valid JSON ({FirstSentence(ex.Message)})", ex);
        }

        using (document)
        {
            return Read(document.RootElement, new Fields(source));
        }
    }

    private static Scenario Read(JsonElement root, Fields fields)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioException($"{fields.Source}: must be a JSON object");
        }

        fields.OnlyKnown(root, string.Empty, TopLevelFields);
        var name = fields.RequiredString(root, "name");
        if (!ScenarioName().IsMatch(name))
        {
            throw fields.Error("name", $"'{name}' must be lower-case letters, digits and '-'");
        }

        var description = fields.RequiredString(root, "description");
        if (description.Contains('\n', StringComparison.Ordinal) || description.Length > MaxDescriptionLength)
        {
            throw fields.Error("description", $"must be one line of at most {MaxDescriptionLength} characters, for --help");
        }

        var duration = fields.Duration(root, "duration", "duration", allowZero: false) ?? throw fields.Error("duration", $"is required: {TimeExample}");
        var applianceId = fields.OptionalString(root, "applianceId");
        var fridge = ReadFridge(root, fields);
        CheckSettings(applianceId, fridge, fields);

        var household = ReadHousehold(root, fields);
        var timeline = ReadTimeline(root, duration, fields);
        return new Scenario(name, description, fields.Seed(root), duration, applianceId, fridge, household, timeline, fields.Source);
    }

    private static ScenarioFridge ReadFridge(JsonElement root, Fields fields)
    {
        if (!root.TryGetProperty("fridge", out var fridge))
        {
            return new ScenarioFridge();
        }

        if (fridge.ValueKind != JsonValueKind.Object)
        {
            throw fields.Error("fridge", "must be an object");
        }

        fields.OnlyKnown(fridge, "fridge.", FridgeFields);
        return new ScenarioFridge(
            fields.Duration(fridge, "temperatureInterval", "fridge.temperatureInterval", allowZero: false),
            fields.OptionalString(fridge, "firmware", "fridge.firmware"));
    }

    private static HouseholdProfile ReadHousehold(JsonElement root, Fields fields)
    {
        if (!root.TryGetProperty(HouseholdProfile.SectionName, out var element))
        {
            return new HouseholdProfile();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw fields.Error(HouseholdProfile.SectionName, "must be an object");
        }

        HouseholdProfile profile;
        try
        {
            profile = element.Deserialize<HouseholdProfile>(HouseholdJson)!;
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 1 } jsonPath ? HouseholdProfile.SectionName + jsonPath[1..] : HouseholdProfile.SectionName;
            throw fields.Error(path, FirstSentence(ex.Message));
        }

        // The profile names the key first ("household.people must be ..."); the file's error puts it in the field's place.
        var problems = profile.Validate();
        if (problems.Count > 0)
        {
            var problem = problems[0];
            var split = problem.IndexOf(' ', StringComparison.Ordinal);
            throw fields.Error(problem[..split], problem[(split + 1)..]);
        }

        return profile;
    }

    /// <summary>The simulator's own option checks, with their complaints put against the file's fields.</summary>
    private static void CheckSettings(string? applianceId, ScenarioFridge fridge, Fields fields)
    {
        var options = new FridgeSimulatorOptions();
        options.ApplianceId = applianceId ?? options.ApplianceId;
        fridge.ApplyTo(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return;
        }

        var result = results[0];
        var member = result.MemberNames.FirstOrDefault() ?? string.Empty;
        var field = member == nameof(FridgeSimulatorOptions.ApplianceId) ? "applianceId" : $"fridge.{JsonNamingPolicy.CamelCase.ConvertName(member)}";
        var prefix = $"{FridgeSimulatorOptions.SectionName}:{member} ";
        var message = result.ErrorMessage ?? "is not valid";
        throw fields.Error(field, message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message);
    }

    private static List<ScenarioEvent> ReadTimeline(JsonElement root, TimeSpan duration, Fields fields)
    {
        if (!root.TryGetProperty("timeline", out var timeline))
        {
            return [];
        }

        if (timeline.ValueKind != JsonValueKind.Array)
        {
            throw fields.Error("timeline", "must be an array of events");
        }

        var events = timeline.EnumerateArray().Select((element, index) => ReadEvent(element, index, duration, fields)).ToList();
        foreach (var later in events)
        {
            var overlapped = events.FirstOrDefault(earlier => earlier.Index < later.Index && earlier.Kind == later.Kind && earlier.Sensor == later.Sensor
                && earlier.For is not null && later.For is not null && earlier.At < later.End && later.At < earlier.End);
            if (overlapped is not null)
            {
                throw fields.Error($"timeline[{later.Index}]", $"{later.Name} overlaps timeline[{overlapped.Index}], the same event at the same time");
            }
        }

        return [.. events.OrderBy(e => e.At)];
    }

    private static ScenarioEvent ReadEvent(JsonElement element, int index, TimeSpan duration, Fields fields)
    {
        var path = $"timeline[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw fields.Error(path, "must be an object such as { \"at\": \"1d6h\", \"event\": \"power-cut\", \"for\": \"8h\" }");
        }

        var name = fields.RequiredString(element, "event", $"{path}.event");
        if (!ScenarioEvents.TryFind(name, out var kind, out var eventFields))
        {
            throw fields.Error($"{path}.event", $"unknown event '{name}' (expected {string.Join(", ", ScenarioEvents.Names)})");
        }

        fields.OnlyKnown(element, $"{path}.", ["at", "event", .. eventFields], $" for {name}");
        var at = fields.Duration(element, "at", $"{path}.at", allowZero: true) ?? throw fields.Error($"{path}.at", $"is required: {TimeExample}, counted from the start");
        if (at >= duration)
        {
            throw fields.Error($"{path}.at", $"'{element.GetProperty("at").GetString()}' is not within the scenario's duration");
        }

        TimeSpan? lasts = null;
        if (eventFields.Contains(ScenarioEvents.ForField))
        {
            lasts = fields.Duration(element, ScenarioEvents.ForField, $"{path}.for", allowZero: false) ?? throw fields.Error($"{path}.for", $"is required for {name}: {TimeExample}");
            if (at + lasts > duration)
            {
                throw fields.Error($"{path}.for", $"{name} would end after the scenario's duration");
            }
        }

        string? sensor = null;
        if (eventFields.Contains(ScenarioEvents.SensorField))
        {
            sensor = fields.RequiredString(element, ScenarioEvents.SensorField, $"{path}.sensor");
            if (!ScenarioEvents.Sensors.Contains(sensor, StringComparer.Ordinal))
            {
                throw fields.Error($"{path}.sensor", $"unknown sensor '{sensor}' (expected {string.Join(", ", ScenarioEvents.Sensors)})");
            }
        }

        var firmware = eventFields.Contains(ScenarioEvents.FirmwareField)
            ? fields.OptionalString(element, ScenarioEvents.FirmwareField, $"{path}.firmware") ?? ScenarioEvents.FirmwareOff
            : ScenarioEvents.FirmwareOff;
        if (firmware is not (ScenarioEvents.FirmwareOff or ScenarioEvents.FirmwareOnBattery))
        {
            throw fields.Error($"{path}.firmware", $"unknown firmware '{firmware}' (expected {ScenarioEvents.FirmwareOff} or {ScenarioEvents.FirmwareOnBattery})");
        }

        IReadOnlyList<MalformedKind> kinds = eventFields.Contains(ScenarioEvents.KindsField) ? fields.Kinds(element, $"{path}.kinds") : [];
        return new ScenarioEvent(index, at, kind, lasts, sensor, kinds) { FirmwareOnBattery = firmware == ScenarioEvents.FirmwareOnBattery };
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioName();

    /// <summary>Reads typed fields, naming the file and the field in every complaint.</summary>
    private sealed class Fields(string source)
    {
        public string Source { get; } = source;

        public ScenarioException Error(string field, string problem) => ScenarioException.At(Source, field, problem);

        public void OnlyKnown(JsonElement element, string prefix, IReadOnlyCollection<string> known, string context = "")
        {
            var unknown = element.EnumerateObject().FirstOrDefault(p => !known.Contains(p.Name, StringComparer.Ordinal));
            if (unknown.Value.ValueKind != JsonValueKind.Undefined)
            {
                throw Error($"{prefix}{unknown.Name}", $"unknown field{context} (expected {string.Join(", ", known)})");
            }
        }

        public string RequiredString(JsonElement element, string name, string? field = null) =>
            OptionalString(element, name, field) ?? throw Error(field ?? name, "is required");

        public string? OptionalString(JsonElement element, string name, string? field = null)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Error(field ?? name, "must be a non-empty string");
        }

        public TimeSpan? Duration(JsonElement element, string name, string field, bool allowZero)
        {
            var text = OptionalString(element, name, field);
            if (text is null)
            {
                return null;
            }

            return DurationParser.TryParse(text, allowZero, out var duration)
                ? duration
                : throw Error(field, $"'{text}' is not {(allowZero ? "a time" : "a positive time")}: {TimeExample}");
        }

        public int Seed(JsonElement root) => root.TryGetProperty("seed", out var seed)
            ? seed.ValueKind == JsonValueKind.Number && seed.TryGetInt32(out var value) ? value : throw Error("seed", "must be a whole number")
            : throw Error("seed", "is required: a whole number");

        public List<MalformedKind> Kinds(JsonElement element, string field)
        {
            if (!element.TryGetProperty(ScenarioEvents.KindsField, out var kinds) || kinds.ValueKind != JsonValueKind.Array || kinds.GetArrayLength() == 0)
            {
                throw Error(field, "is required: a non-empty array of kinds of malformed message");
            }

            return [.. kinds.EnumerateArray().Select((kind, i) =>
                kind.ValueKind == JsonValueKind.String && ScenarioEvents.MalformedKinds.TryGetValue(kind.GetString()!, out var known)
                    ? known
                    : throw Error($"{field}[{i}]", $"unknown kind '{kind}' (expected {string.Join(", ", ScenarioEvents.MalformedKinds.Keys)})"))];
        }
    }
}
