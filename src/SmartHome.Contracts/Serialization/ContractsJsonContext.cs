using System.Text.Json;
using System.Text.Json.Serialization;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Contracts.Serialization;

/// <summary>Source-generated System.Text.Json metadata for every payload of the contract.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TemperatureReading))]
[JsonSerializable(typeof(DoorEvent))]
[JsonSerializable(typeof(InventoryChange))]
[JsonSerializable(typeof(ApplianceStatus))]
[JsonSerializable(typeof(TelemetryEnvelope))]
[JsonSerializable(typeof(TelemetryRecord))]
[JsonSerializable(typeof(GatewayStatus))]
[JsonSerializable(typeof(HouseholdNotification))]
[JsonSerializable(typeof(FoodEventData))]
[JsonSerializable(typeof(TemperatureExcursionData))]
[JsonSerializable(typeof(DoorLeftOpenData))]
[JsonSerializable(typeof(OfflineData))]
[JsonSerializable(typeof(StockLowData))]
[JsonSerializable(typeof(DietWeeklySummaryData))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
