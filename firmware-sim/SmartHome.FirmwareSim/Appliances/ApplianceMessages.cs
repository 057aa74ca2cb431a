using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartHome.Contracts;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;

namespace SmartHome.FirmwareSim.Appliances;

/// <summary>Builds appliance-link messages (contract §2) with the contract's own serializer.</summary>
internal static class ApplianceMessages
{
    private static readonly ContractsJsonContext Json = ContractsJsonContext.Default;

    public static SimulatedMessage Temperature(string applianceId, string sensor, double celsius, DateTimeOffset at) =>
        Create(Topics.ApplianceTemperature(applianceId), ApplianceChannels.Temperature,
            new TemperatureReading { Sensor = sensor, Celsius = celsius, At = at }, Json.TemperatureReading, at);

    public static SimulatedMessage Door(string applianceId, string door, DoorState state, DateTimeOffset at) =>
        Create(Topics.ApplianceDoor(applianceId), ApplianceChannels.Door,
            new DoorEvent { Door = door, State = state, At = at }, Json.DoorEvent, at);

    public static SimulatedMessage Inventory(string applianceId, InventoryChange change, DateTimeOffset at) =>
        Create(Topics.ApplianceInventory(applianceId), ApplianceChannels.Inventory, change with { At = at }, Json.InventoryChange, at);

    /// <summary>Retained, so whoever subscribes later still learns whether the appliance is there. The payload has no time.</summary>
    public static SimulatedMessage Status(string applianceId, OnlineState state, string firmware, DateTimeOffset at) =>
        Create(Topics.ApplianceStatus(applianceId), ApplianceChannels.Status,
            new ApplianceStatus { State = state, Firmware = firmware }, Json.ApplianceStatus, at, retain: true);

    private static SimulatedMessage Create<T>(string topic, string channel, T message, JsonTypeInfo<T> typeInfo, DateTimeOffset at, bool retain = false) =>
        new(topic, channel, JsonSerializer.Serialize(message, typeInfo), retain, at);
}
