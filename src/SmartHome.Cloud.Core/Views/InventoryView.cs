using System.Text.Json.Serialization;
using SmartHome.Cloud.Core.Rules;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Core.Views;

/// <summary>
/// The household's food, eat-first: unsafe, then expired, expiring and fresh; within a state the soonest
/// (estimated) best-before first, unknown dates last, then by name. States follow the food rules' own tests in the
/// household's time zone, so the dashboard and the events never disagree.
/// </summary>
public sealed record InventoryView(DateTimeOffset AsOf, string TimeZone, int WarningWindowDays, IReadOnlyList<InventoryViewItem> Items)
{
    public static InventoryView Of(HouseholdTwin twin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var settings = twin.Settings;
        var timeZone = settings.ResolveTimeZone();
        var today = HouseholdCalendar.DateOf(now, timeZone);
        var items = twin.Inventory
            .Select(item => InventoryViewItem.Of(item, StateOf(item, today, settings.WarningWindowDays), today))
            .OrderBy(i => i.State)
            .ThenBy(i => i.EstimatedBestBefore ?? DateOnly.MaxValue)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ToList();
        return new(now, IanaName(timeZone), settings.WarningWindowDays, items);
    }

    /// <summary>
    /// The zone the days were judged in, by the name a browser's <c>Intl.DateTimeFormat</c> takes: the tz database's
    /// <c>posix/</c> and <c>right/</c> copies of a zone (which .NET resolves from the system's files) by the zone's own
    /// name, and a setting that no longer resolves as the UTC it is judged in.
    /// </summary>
    private static string IanaName(TimeZoneInfo timeZone) =>
        timeZone.Id.StartsWith("posix/", StringComparison.Ordinal) ? timeZone.Id["posix/".Length..]
        : timeZone.Id.StartsWith("right/", StringComparison.Ordinal) ? timeZone.Id["right/".Length..]
        : timeZone.Id;

    /// <summary>Unsafe once temperature abuse made it so; else by its (estimated) best-before, fresh when that is unknown.</summary>
    public static FoodState StateOf(InventoryItem item, DateOnly today, int warningWindowDays)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.UnsafeReason is not null)
        {
            return FoodState.Unsafe;
        }

        return item.EstimatedBestBefore switch
        {
            { } date when FoodDates.IsExpired(date, today) => FoodState.Expired,
            { } date when FoodDates.IsExpiring(date, today, warningWindowDays) => FoodState.Expiring,
            _ => FoodState.Fresh,
        };
    }
}

/// <summary>One item as the dashboard lists it; <see cref="Why"/> says why it is unsafe, or why its date moved.</summary>
public sealed record InventoryViewItem
{
    public required string ItemId { get; init; }
    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Category { get; init; }

    public double Quantity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Unit { get; init; }

    public StorageLocation Location { get; init; }
    public required string ApplianceId { get; init; }
    public FoodState State { get; init; }

    /// <summary>The label's date.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateOnly? BestBefore { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateOnly? EstimatedBestBefore { get; init; }

    public bool Estimated { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Why { get; init; }

    /// <summary>Days from today to <see cref="EstimatedBestBefore"/>: 0 on the day, negative once past.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? DaysLeft { get; init; }

    internal static InventoryViewItem Of(InventoryItem item, FoodState state, DateOnly today) => new()
    {
        ItemId = item.ItemId,
        Name = item.DisplayName,
        Category = item.Category,
        Quantity = item.Quantity,
        Unit = item.Unit,
        Location = item.Location,
        ApplianceId = item.ApplianceId,
        State = state,
        BestBefore = item.BestBefore,
        EstimatedBestBefore = item.EstimatedBestBefore,
        Estimated = item.Estimated,
        Why = state == FoodState.Unsafe ? item.UnsafeReason : item.EstimateReason,
        DaysLeft = item.EstimatedBestBefore?.DayNumber - today.DayNumber,
    };
}
