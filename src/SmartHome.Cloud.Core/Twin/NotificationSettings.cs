using System.Text.Json.Serialization;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>
/// When and whether the household hears of a need event (docs/notifications.md). The defaults: urgent news at once,
/// day and night; other news held through quiet hours from 22:00 to 07:00 (food expires at midnight, and that can
/// wait for the morning); expiring food in the daily digest; the same news about the same thing at most once in 6 hours.
/// </summary>
public sealed class NotificationSettings
{
    public static readonly TimeSpan DefaultRepeatWindow = TimeSpan.FromHours(6);

    public static readonly TimeSpan MaxRepeatWindow = TimeSpan.FromDays(7);

    public static readonly QuietHours DefaultQuietHours = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    /// <summary>Local hours in which only urgent notifications go out at once; the rest wait for their end. Null: none.</summary>
    /// <remarks>Written even when null: left out, it reads back as the default.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public QuietHours? QuietHours { get; set; } = DefaultQuietHours;

    /// <summary>
    /// Whether urgent notifications (unsafe food, a compartment out of range, a door left open, an appliance offline)
    /// go out during quiet hours: by default they do, since waiting until morning is what spoils the food.
    /// </summary>
    public bool UrgentDuringQuietHours { get; set; } = true;

    /// <summary>The household's choices by event type; a type not in it takes <see cref="DefaultModeOf"/>.</summary>
    public Dictionary<string, NotificationMode> Types { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A notification of the same type and subject as one within this long of it is not made again; zero repeats everything.</summary>
    public TimeSpan RepeatWindow { get; set; } = DefaultRepeatWindow;

    public NotificationMode ModeOf(string type) => Types.TryGetValue(type, out var mode) ? mode : DefaultModeOf(type);

    public static NotificationMode DefaultModeOf(string type) =>
        type == NeedEventTypes.FoodExpiring ? NotificationMode.Digest : NotificationMode.Now;
}

/// <summary>How a type of notification reaches the household.</summary>
public enum NotificationMode
{
    /// <summary>On its own, as it happens (a non-urgent one waits for the end of quiet hours).</summary>
    [JsonStringEnumMemberName("now")] Now,

    /// <summary>Folded into the next daily digest.</summary>
    [JsonStringEnumMemberName("digest")] Digest,

    /// <summary>Not at all: nothing is stored, so no channel shows it.</summary>
    [JsonStringEnumMemberName("off")] Off,
}

/// <summary>A span of the household's local clock, crossing midnight when <see cref="From"/> is after <see cref="To"/>.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    /// <returns>When the quiet hours that <paramref name="instant"/> falls in end; null when it falls in none.</returns>
    public DateTimeOffset? EndAfter(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;
        var clock = TimeOnly.FromDateTime(local);
        var quiet = From < To ? clock >= From && clock < To : clock >= From || clock < To;
        if (!quiet)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(local);
        var end = HouseholdCalendar.At(clock < To ? today : today.AddDays(1), To, timeZone);
        // In the hour a clock turned back repeats, the end may already have passed once.
        return end > instant ? end : null;
    }
}
