using System.Text;
using System.Text.Json;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Validation;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>The examples of docs/protocol.md are what the schemas and the product's own readers accept.</summary>
public sealed class ProtocolExampleTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 10, 0, 30, TimeSpan.Zero);

    public static TheoryData<string, int> Examples
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var example in ProtocolExample.All)
            {
                data.Add(example.Schema, example.Line);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_ValidatesAgainstItsSchema(string schema, int line)
    {
        var errors = await Schemas.ErrorsAsync(schema, ProtocolExample.At(line).Json);

        Assert.True(errors.Count == 0, $"protocol.md line {line} breaks {schema}.json: {string.Join(" | ", errors)}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_IsAcceptedByTheContractsReaders(string schema, int line)
    {
        var json = ProtocolExample.At(line).Json;
        var payload = Encoding.UTF8.GetBytes(json);
        var context = ContractsJsonContext.Default;

        switch (schema)
        {
            case "appliance-temperature" or "appliance-door" or "appliance-inventory" or "appliance-status":
                var read = ApplianceMessageReader.Read(ApplianceTopic(schema), payload, ReceivedAt);
                Assert.True(read.Rejection is null, $"line {line}: {read.Rejection}");
                break;
            case "telemetry-envelope":
                using (var document = JsonDocument.Parse(json))
                {
                    var topic = Topics.Telemetry(document.RootElement.GetProperty("householdId").GetString()!, document.RootElement.GetProperty("gatewayId").GetString()!);
                    var envelope = TelemetryEnvelopeValidator.Read(topic, payload);
                    Assert.True(envelope.Rejection is null, $"line {line}: {envelope.Rejection}");
                }

                break;
            case "telemetry-record":
                var record = JsonSerializer.Deserialize(json, context.TelemetryRecord)!;
                Assert.Null(RecordValidator.Validate(record));
                break;
            case "gateway-status":
                Assert.NotNull(JsonSerializer.Deserialize(json, context.GatewayStatus));
                break;
            case "notification":
                Assert.NotNull(JsonSerializer.Deserialize(json, context.HouseholdNotification));
                break;
            case "need-event":
                AssertNeedEventDataReads(json);
                break;
            default:
                Assert.Fail($"line {line}: no reader is known for schema '{schema}'");
                break;
        }
    }

    [Fact]
    public void Examples_EveryPayloadSchema_HasAnExample()
    {
        string[] payloads = ["appliance-temperature", "appliance-door", "appliance-inventory", "appliance-status", "telemetry-envelope",
            "telemetry-record", "gateway-status", "notification", "need-event"];

        Assert.Empty(payloads.Except(ProtocolExample.All.Select(e => e.Schema)));
        Assert.Empty(ProtocolExample.All.Select(e => e.Schema).Except(Schemas.Names));
    }

    [Fact]
    public void Examples_EveryNeedEventType_HasAnExample()
    {
        var types = ProtocolExample.All.Where(e => e.Schema == "need-event")
            .Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("type").GetString());

        Assert.Empty(NeedEventTypes.All.Except(types));
    }

    private static string ApplianceTopic(string schema) => schema switch
    {
        "appliance-temperature" => Topics.ApplianceTemperature("demo-fridge"),
        "appliance-door" => Topics.ApplianceDoor("demo-fridge"),
        "appliance-inventory" => Topics.ApplianceInventory("demo-fridge"),
        _ => Topics.ApplianceStatus("demo-fridge"),
    };

    private static void AssertNeedEventDataReads(string json)
    {
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.GetProperty("data");
        var context = ContractsJsonContext.Default;
        object? read = document.RootElement.GetProperty("type").GetString() switch
        {
            NeedEventTypes.FoodExpiring or NeedEventTypes.FoodExpired or NeedEventTypes.FoodUnsafe => data.Deserialize(context.FoodEventData),
            NeedEventTypes.StockLow => data.Deserialize(context.StockLowData),
            NeedEventTypes.TemperatureExcursion => data.Deserialize(context.TemperatureExcursionData),
            NeedEventTypes.DoorLeftOpen => data.Deserialize(context.DoorLeftOpenData),
            NeedEventTypes.ApplianceOffline => data.Deserialize(context.OfflineData),
            NeedEventTypes.DietWeeklySummary => data.Deserialize(context.DietWeeklySummaryData),
            var unknown => throw new InvalidOperationException($"unknown need-event type '{unknown}'"),
        };
        Assert.NotNull(read);
    }
}
