using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>The people who open the fridge's main door: when they come, how long they keep it open, what they take or put away.</summary>
internal interface IHousehold
{
    /// <summary>When the door next opens, no earlier than <paramref name="notBefore"/>.</summary>
    DateTimeOffset NextOpeningAt(DateTimeOffset notBefore);

    /// <summary>The door opens now: for how long, and when (if at all) the stock changes meanwhile.</summary>
    FridgeVisit Open(DateTimeOffset now);

    /// <summary>What changes in the stock during the visit that opened last.</summary>
    void Use(DateTimeOffset now, List<InventoryChange> changes);
}

/// <param name="OpenFor">How long the door stays open.</param>
/// <param name="UseAfter">When, after opening, something is taken or put away; null for a look without a change.</param>
internal readonly record struct FridgeVisit(TimeSpan OpenFor, TimeSpan? UseAfter);
