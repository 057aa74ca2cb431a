using System.Text;
using System.Text.Json;
using SmartHome.Contracts.Validation;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>The schemas and the code describe the same contract: what one writes the other accepts, what one refuses the other refuses.</summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string, string> AppliancePayloads => ContractSamples.AppliancePayloads;

    public static TheoryData<string, string> UplinkPayloads => ContractSamples.UplinkPayloads;

    public static TheoryData<string, string> NeedEvents => ContractSamples.NeedEvents;

    [Theory]
    [MemberData(nameof(AppliancePayloads))]
    [MemberData(nameof(UplinkPayloads))]
    public async Task Serialize_ContractObject_ValidatesAgainstItsSchema(string schema, string json)
    {
        var errors = await Schemas.ErrorsAsync(schema, json);

        Assert.True(errors.Count == 0, $"{json} breaks {schema}.json: {string.Join(" | ", errors)}");
    }

    [Theory]
    [MemberData(nameof(NeedEvents))]
    public async Task Serialize_NeedEventData_ValidatesAgainstTheCloudEventSchema(string type, string json)
    {
        var errors = await Schemas.ErrorsAsync("need-event", json);

        Assert.True(errors.Count == 0, $"{type}: {json} breaks need-event.json: {string.Join(" | ", errors)}");
    }

    [Fact]
    public async Task NeedEventSchema_DataOfAnotherType_IsInvalid()
    {
        var food = JsonDocument.Parse(ContractSamples.NeedEvents.First(row => (string)row[0] == "shg.food.expiring.v1")[1].ToString()!);
        var json = food.RootElement.GetRawText().Replace("shg.food.expiring.v1", "shg.appliance.door-left-open.v1", StringComparison.Ordinal);

        Assert.NotEmpty(await Schemas.ErrorsAsync("need-event", json));
    }

    [Theory]
    [InlineData("temperature", """{"sensor":"fridge","celsius":500}""")]
    [InlineData("temperature", """{"sensor":"fridge","celsius":-61}""")]
    [InlineData("temperature", """{"sensor":"fridge/1","celsius":4}""")]
    [InlineData("temperature", """{"celsius":4}""")]
    [InlineData("temperature", """{"sensor":"fridge","celsius":"4"}""")]
    [InlineData("door", """{"door":"main","state":"ajar"}""")]
    [InlineData("door", """{"door":"","state":"open"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"x-1"}""")]
    [InlineData("inventory", """{"op":"consumed","itemId":"x-1"}""")]
    [InlineData("inventory", """{"op":"moved","itemId":"x-1"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"x 1","name":"X"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"x-1","name":"X","quantity":-1}""")]
    [InlineData("inventory", """{"op":"added","itemId":"x-1","name":"X","quantity":1000001}""")]
    [InlineData("inventory", """{"op":"added","itemId":"x-1","name":"X","location":"cellar"}""")]
    [InlineData("inventory", """{"op":"thrown","itemId":"x-1"}""")]
    [InlineData("status", """{"state":"sleeping"}""")]
    [InlineData("status", """{"firmware":"1.0"}""")]
    public async Task ApplianceMessage_TheReaderRefuses_TheSchemaRefusesToo(string channel, string json)
    {
        var read = ApplianceMessageReader.Read($"appliance/demo-fridge/{channel}", Encoding.UTF8.GetBytes(json), ContractSamples.At);

        Assert.NotNull(read.Rejection);
        Assert.NotEmpty(await Schemas.ErrorsAsync($"appliance-{channel}", json));
    }

    [Fact]
    public async Task ApplianceMessage_NameLongerThan200_BothRefuse()
    {
        var json = $$"""{"op":"added","itemId":"x-1","name":"{{new string('x', 201)}}"}""";

        Assert.NotNull(ApplianceMessageReader.Read("appliance/demo-fridge/inventory", Encoding.UTF8.GetBytes(json), ContractSamples.At).Rejection);
        Assert.NotEmpty(await Schemas.ErrorsAsync("appliance-inventory", json));
    }

    [Theory]
    [InlineData("""{"appliance":"demo-fridge","kind":"temperature","at":"2026-11-23T10:00:00Z","sensor":"fridge"}""")]
    [InlineData("""{"appliance":"demo-fridge","kind":"door","at":"2026-11-23T10:00:00Z","door":"main"}""")]
    [InlineData("""{"appliance":"demo-fridge","kind":"inventory","at":"2026-11-23T10:00:00Z","itemId":"x-1"}""")]
    [InlineData("""{"appliance":"pi","kind":"fault","at":"2026-11-23T10:00:00Z","sensor":"probe-1"}""")]
    [InlineData("""{"appliance":"demo-fridge","kind":"status","at":"2026-11-23T10:00:00Z","firmware":"1.0"}""")]
    public async Task TelemetryRecord_MissingWhatItsKindNeeds_BothRefuse(string json)
    {
        var record = JsonSerializer.Deserialize(json, Serialization.ContractsJsonContext.Default.TelemetryRecord)!;

        Assert.NotNull(RecordValidator.Validate(record));
        Assert.NotEmpty(await Schemas.ErrorsAsync("telemetry-record", json));
    }
}
