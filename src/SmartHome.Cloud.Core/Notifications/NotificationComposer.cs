using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Notifications;

/// <summary>
/// Words for the householder about a need event. The notification's id is derived from the event's, so composing
/// the same event again yields the same notification.
/// </summary>
public static class NotificationComposer
{
    private static readonly Guid NotificationNamespace = new("b3e1d2c4-7a6f-4e58-9c0d-2f1e3a4b5c6d");

    /// <summary>Composes with clock times in UTC (marked as such).</summary>
    /// <returns>Null where <see cref="Compose(NeedEvent, TimeZoneInfo)"/> is.</returns>
    public static HouseholdNotification? Compose(NeedEvent needEvent) => Compose(needEvent, TimeZoneInfo.Utc);

    /// <summary>Composes with clock times and dates in the household's time zone.</summary>
    /// <returns>
    /// Null for events that are not for householders (<see cref="NeedEventTypes.IsHouseholdFacing"/>). Whether a
    /// notification is made of it (expiring food goes to the daily <see cref="ExpiringDigest"/> by default) is
    /// <see cref="NotificationPolicy"/>'s to say.
    /// </returns>
    /// <exception cref="JsonException">The event's data does not match its type.</exception>
    public static HouseholdNotification? Compose(NeedEvent needEvent, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(needEvent);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!NeedEventTypes.IsHouseholdFacing(needEvent.Type))
        {
            return null;
        }

        var words = new NotificationWords(timeZone);
        var data = needEvent.Data;
        (string Title, string Body)? text = needEvent.Type switch
        {
            NeedEventTypes.FoodExpiring => Read(data, ContractsJsonContext.Default.FoodEventData) is { } food ? words.Expiring(food, needEvent.Time) : null,
            NeedEventTypes.FoodExpired => Read(data, ContractsJsonContext.Default.FoodEventData) is { } food ? NotificationWords.Expired(food) : null,
            NeedEventTypes.FoodUnsafe => Read(data, ContractsJsonContext.Default.FoodEventData) is { } food ? NotificationWords.Unsafe(food) : null,
            NeedEventTypes.TemperatureExcursion => Read(data, ContractsJsonContext.Default.TemperatureExcursionData) is { } excursion ? words.Excursion(excursion) : null,
            NeedEventTypes.DoorLeftOpen => Read(data, ContractsJsonContext.Default.DoorLeftOpenData) is { } door ? words.DoorLeftOpen(door) : null,
            NeedEventTypes.ApplianceOffline => Read(data, ContractsJsonContext.Default.OfflineData) is { } offline ? words.Offline(offline) : null,
            _ => null,
        };
        if (text is not { } composed)
        {
            return null;
        }

        return new HouseholdNotification
        {
            Id = DeterministicGuid.Create(NotificationNamespace, needEvent.Id),
            HouseholdId = needEvent.HouseholdId,
            EventId = needEvent.Id,
            Type = needEvent.Type,
            Severity = SeverityOf(needEvent.Type),
            Title = composed.Title,
            Body = composed.Body,
            Subject = needEvent.Subject,
            At = needEvent.Time,
        };
    }

    private static NotificationSeverity SeverityOf(string type) =>
        type is NeedEventTypes.FoodExpiring or NeedEventTypes.FoodExpired ? NotificationSeverity.Warning : NotificationSeverity.Urgent;

    private static T? Read<T>(JsonElement data, JsonTypeInfo<T> type) =>
        data.ValueKind == JsonValueKind.Object ? data.Deserialize(type) : default;
}
