using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>Need events made directly, for tests of what happens after the rules.</summary>
internal static class TestEvents
{
    /// <summary>A stock.low event; each about an item of its own unless <paramref name="subject"/> is given, so none supersedes another.</summary>
    public static NeedEvent StockLow(string householdId, string? id = null, DateTimeOffset? time = null, string? subject = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(),
        Type = NeedEventTypes.StockLow,
        HouseholdId = householdId,
        Subject = subject ?? $"items/milk-{Guid.NewGuid():N}",
        Time = time ?? DateTimeOffset.UtcNow,
        Data = JsonSerializer.SerializeToElement(
            new StockLowData { Name = "Milk", Category = "dairy", Quantity = 0, MinimumQuantity = 1, Unit = "l" },
            ContractsJsonContext.Default.StockLowData),
    };
}
