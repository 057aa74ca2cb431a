using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Apis;

/// <summary>
/// The household's notification preferences (<c>"notifications"</c> in its settings; docs/notifications.md). A field
/// left out takes its default; a type left out of <see cref="Types"/> takes its own. <see cref="QuietHours"/> tells
/// left out (the default quiet hours) from <c>null</c> (none), hence its JSON element.
/// </summary>
public sealed record NotificationSettingsBody(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement QuietHours,
    bool? UrgentDuringQuietHours,
    IReadOnlyDictionary<string, string>? Types,
    string? RepeatWindow)
{
    public const string RepeatWindowFormat = "c";

    public static NotificationSettingsBody From(NotificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            JsonSerializer.SerializeToElement(
                settings.QuietHours is { } quiet ? new QuietHoursBody(Clock(quiet.From), Clock(quiet.To)) : null, QuietHoursJson),
            settings.UrgentDuringQuietHours,
            HouseholdFacingTypes.ToDictionary(t => t, t => Name(settings.ModeOf(t)), StringComparer.Ordinal),
            settings.RepeatWindow.ToString(RepeatWindowFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>The settings, once <see cref="Validate"/> found nothing wrong.</summary>
    public NotificationSettings ToSettings() => new()
    {
        QuietHours = QuietHours.ValueKind switch
        {
            JsonValueKind.Undefined => NotificationSettings.DefaultQuietHours,
            JsonValueKind.Null => null,
            _ => ReadQuietHours() is { } quiet ? new(ParseClock(quiet.From!), ParseClock(quiet.To!)) : null,
        },
        UrgentDuringQuietHours = UrgentDuringQuietHours ?? true,
        Types = (Types ?? new Dictionary<string, string>()).ToDictionary(t => t.Key, t => ModeNamed(t.Value)!.Value, StringComparer.Ordinal),
        RepeatWindow = RepeatWindow is null
            ? NotificationSettings.DefaultRepeatWindow
            : TimeSpan.ParseExact(RepeatWindow, RepeatWindowFormat, CultureInfo.InvariantCulture),
    };

    internal void Validate(ValidationErrors errors, string field)
    {
        var quiet = QuietHours.ValueKind == JsonValueKind.Object ? ReadQuietHours() : null;
        if (QuietHours.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null) && quiet is null)
        {
            errors.Add($"{field}.quietHours", "give {\"from\":\"22:00\",\"to\":\"07:00\"}, or null for no quiet hours");
        }
        else if (quiet is not null)
        {
            var from = CheckClock(errors, $"{field}.quietHours.from", quiet.From);
            var to = CheckClock(errors, $"{field}.quietHours.to", quiet.To);
            if (from is not null && from == to)
            {
                errors.Add($"{field}.quietHours", "give different times for from and to, or null for no quiet hours");
            }
        }

        foreach (var (type, mode) in Types ?? new Dictionary<string, string>())
        {
            if (!HouseholdFacingTypes.Contains(type))
            {
                errors.Add($"{field}.types.{type}", $"not a type householders are notified of: {string.Join(", ", HouseholdFacingTypes)}");
            }
            else if (ModeNamed(mode) is null)
            {
                errors.Add($"{field}.types.{type}", $"'{mode}' is not a mode: now, digest or off");
            }
        }

        if (RepeatWindow is not null
            && (!TimeSpan.TryParseExact(RepeatWindow, RepeatWindowFormat, CultureInfo.InvariantCulture, out var window)
                || window < TimeSpan.Zero || window > NotificationSettings.MaxRepeatWindow))
        {
            errors.Add($"{field}.repeatWindow", $"'{RepeatWindow}' is not a span from \"00:00:00\" (repeat everything) to \"7.00:00:00\", e.g. \"06:00:00\"");
        }
    }

    private static readonly JsonSerializerOptions QuietHoursJson = new(JsonSerializerDefaults.Web);

    private QuietHoursBody? ReadQuietHours()
    {
        try
        {
            return QuietHours.Deserialize<QuietHoursBody>(QuietHoursJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly string[] HouseholdFacingTypes = [.. NeedEventTypes.All.Where(NeedEventTypes.IsHouseholdFacing)];

    private static string Name(NotificationMode mode) => mode.ToString().ToLowerInvariant();

    private static NotificationMode? ModeNamed(string? name) =>
        Enum.GetValues<NotificationMode>().Cast<NotificationMode?>().FirstOrDefault(m => Name(m!.Value) == name);

    private static string Clock(TimeOnly time) => time.ToString(HouseholdSettingsBody.DigestTimeFormat, CultureInfo.InvariantCulture);

    private static TimeOnly ParseClock(string text) => TimeOnly.ParseExact(text, HouseholdSettingsBody.DigestTimeFormat, CultureInfo.InvariantCulture);

    private static TimeOnly? CheckClock(ValidationErrors errors, string field, string? text)
    {
        if (TimeOnly.TryParseExact(text, HouseholdSettingsBody.DigestTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"'{text}' is not a time of day as HH:mm, e.g. \"22:00\"");
        return null;
    }
}

/// <summary>Local times, <c>HH:mm</c>; <c>from</c> after <c>to</c> crosses midnight.</summary>
public sealed record QuietHoursBody(string? From, string? To);
