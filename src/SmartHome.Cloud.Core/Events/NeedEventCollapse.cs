using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// Which newer events about the same subject make an older, undelivered one pointless to send: they report the
/// same situation's current state. A partner whose endpoint was down then gets the latest, not a backlog.
/// </summary>
public static class NeedEventCollapse
{
    /// <summary>The types whose newer event about the same subject supersedes an undelivered one of <paramref name="type"/>; empty when nothing does.</summary>
    public static IReadOnlyList<string> SupersededBy(string type) => type switch
    {
        NeedEventTypes.FoodExpiring => [NeedEventTypes.FoodExpiring, NeedEventTypes.FoodExpired],
        NeedEventTypes.FoodExpired or NeedEventTypes.StockLow or NeedEventTypes.TemperatureExcursion
            or NeedEventTypes.DoorLeftOpen or NeedEventTypes.ApplianceOffline => [type],
        _ => [],
    };

    /// <summary>The types whose undelivered events about the same subject a newer event of <paramref name="type"/> supersedes.</summary>
    public static IReadOnlyList<string> Supersedes(string type) => [.. NeedEventTypes.All.Where(older => SupersededBy(older).Contains(type))];
}
