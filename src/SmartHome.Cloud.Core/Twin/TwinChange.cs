using SmartHome.Contracts.Telemetry;

namespace SmartHome.Cloud.Core.Twin;

/// <summary>What applying a record changed in the twin, for the rules that react to changes rather than to time.</summary>
internal abstract record TwinChange;

/// <summary>A reading that became the compartment's newest (late readings only go into history).</summary>
internal sealed record TemperatureUpdated(Appliance Appliance, Compartment Compartment, double Celsius, DateTimeOffset At, RecordQuality Quality) : TwinChange;

/// <summary>The item was consumed down to nothing, or removed, and has left the inventory.</summary>
internal sealed record ItemRanOut(InventoryItem Item, DateTimeOffset At) : TwinChange;

/// <summary>Some of the item (<paramref name="Quantity"/> in its own unit) was consumed.</summary>
internal sealed record ItemConsumed(InventoryItem Item, double Quantity, DateTimeOffset At) : TwinChange;
