using System.Text;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Contracts.UnitTests.Validation;

public sealed class ApplianceMessageReaderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Read_Temperature_ReturnsARecordWithItsOwnTime()
    {
        var result = Read("appliance/demo-fridge/temperature", """{"sensor":"fridge","celsius":3.9,"at":"2026-11-23T10:00:00Z"}""");

        var record = Assert.IsType<TelemetryRecord>(result.Record);
        Assert.Null(result.Rejection);
        Assert.Equal(("demo-fridge", RecordKind.Temperature, "fridge", 3.9), (record.Appliance, record.Kind, record.Sensor, record.Celsius));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), record.At);
        Assert.Equal(RecordQuality.Good, record.Quality);
        Assert.False(record.Historical);
        Assert.False(result.StampedOnArrival);
    }

    [Theory]
    [InlineData("85", RecordQuality.Suspect)]
    [InlineData("85.0", RecordQuality.Suspect)]
    [InlineData("84.9", RecordQuality.Good)]
    [InlineData("85.1", RecordQuality.Good)]
    public void Read_ProbePowerOnValue_IsKeptButMarkedSuspect(string celsius, RecordQuality expected)
    {
        var result = Read("appliance/demo-fridge/temperature", $$"""{"sensor":"fridge","celsius":{{celsius}},"at":"2026-11-23T10:00:00Z"}""");

        Assert.Null(result.Rejection);
        Assert.Equal(expected, result.Record!.Quality);
    }

    [Fact]
    public void Read_NoAt_StampsTheArrivalTime()
    {
        var result = Read("appliance/demo-fridge/door", """{"door":"main","state":"closed"}""");

        Assert.Equal(ReceivedAt, result.Record!.At);
        Assert.Equal(DoorState.Closed, result.Record.State);
        Assert.True(result.StampedOnArrival);
    }

    [Fact]
    public void Read_Inventory_KeepsEveryField()
    {
        var result = Read("appliance/demo-fridge/inventory",
            """{"op":"added","itemId":"milk-1","name":"Milk","barcode":"4006381333931","category":"dairy","quantity":1,"unit":"l","bestBefore":"2026-11-25","location":"fridge"}""");

        var record = result.Record!;
        Assert.Equal((InventoryOp.Added, "milk-1", "Milk", "4006381333931", "dairy"), (record.Op, record.ItemId, record.Name, record.Barcode, record.Category));
        Assert.Equal((1.0, "l", new DateOnly(2026, 11, 25), StorageLocation.Fridge), (record.Quantity, record.Unit, record.BestBefore, record.Location));
    }

    [Fact]
    public void Read_Status_BecomesAStatusRecordStampedOnArrival()
    {
        var result = Read("appliance/demo-fridge/status", """{"state":"offline","firmware":"1.2.0"}""");

        Assert.Equal((RecordKind.Status, OnlineState.Offline, "1.2.0", ReceivedAt), (result.Record!.Kind, result.Record.Online, result.Record.Firmware, result.Record.At));
        Assert.True(result.StampedOnArrival);
    }

    [Fact]
    public void Read_UnknownProperty_IsIgnored()
    {
        var result = Read("appliance/demo-fridge/temperature", """{"sensor":"fridge","celsius":3.9,"humidity":40}""");

        Assert.Null(result.Rejection);
    }

    [Theory]
    [InlineData("appliance/demo-fridge")]
    [InlineData("appliance//temperature")]
    [InlineData("appliance/demo-fridge/")]
    [InlineData("appliance/demo-fridge/temperature/extra")]
    [InlineData("appliances/demo-fridge/temperature")]
    [InlineData("shg/v1/demo/demo-gw/telemetry")]
    [InlineData("appliance/demo fridge/temperature")]
    [InlineData("appliance/demo+fridge/temperature")]
    [InlineData("appliance/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/temperature")]
    public void Read_BadTopic_RejectsWithBadTopic(string topic) =>
        AssertRejected(RejectionCodes.BadTopic, Read(topic, """{"sensor":"fridge","celsius":3.9}"""));

    [Theory]
    [InlineData("humidity")]
    [InlineData("Temperature")]
    [InlineData("telemetry")]
    public void Read_UnknownChannel_RejectsWithBadTopic(string channel) =>
        AssertRejected(RejectionCodes.BadTopic, Read($"appliance/demo-fridge/{channel}", """{"sensor":"fridge","celsius":3.9}"""));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"sensor":"fridge","celsius":"3.9"}""")]
    [InlineData("""{"sensor":"fridge","celsius":NaN}""")]
    [InlineData("""{"sensor":"fridge","celsius":"NaN"}""")]
    [InlineData("""{"sensor":"fridge","celsius":"Infinity"}""")]
    [InlineData("""{"sensor":"fridge","celsius":3.9,"celsius":4.1}""")]
    [InlineData("""{"sensor":"fridge","celsius":3.9,"at":"yesterday"}""")]
    public void Read_MalformedTemperature_RejectsWithMalformedJson(string payload) =>
        AssertRejected(RejectionCodes.MalformedJson, Read("appliance/demo-fridge/temperature", payload));

    [Theory]
    [InlineData("temperature", """{"sensor":"fridge"}""")]
    [InlineData("temperature", """{"celsius":3.9}""")]
    [InlineData("door", """{"door":"main"}""")]
    [InlineData("inventory", """{"itemId":"milk-1"}""")]
    [InlineData("inventory", """{"op":"added","name":"Milk"}""")]
    [InlineData("status", """{"firmware":"1.2.0"}""")]
    public void Read_MissingRequiredField_RejectsWithMalformedJson(string channel, string payload) =>
        AssertRejected(RejectionCodes.MalformedJson, Read($"appliance/demo-fridge/{channel}", payload));

    [Theory]
    [InlineData("door", """{"door":"main","state":"ajar"}""")]
    [InlineData("inventory", """{"op":"eaten","itemId":"milk-1"}""")]
    [InlineData("inventory", """{"op":"moved","itemId":"milk-1","location":"cellar"}""")]
    [InlineData("status", """{"state":"asleep"}""")]
    public void Read_UnknownEnumerationValue_RejectsWithMalformedJson(string channel, string payload) =>
        AssertRejected(RejectionCodes.MalformedJson, Read($"appliance/demo-fridge/{channel}", payload));

    [Theory]
    [InlineData("500")]
    [InlineData("100.1")]
    [InlineData("-60.5")]
    [InlineData("1e308")]
    public void Read_CelsiusOutOfRange_RejectsWithInvalidField(string celsius) =>
        AssertRejected(RejectionCodes.InvalidField, Read("appliance/demo-fridge/temperature", $$"""{"sensor":"fridge","celsius":{{celsius}}}"""));

    [Theory]
    [InlineData("-60")]
    [InlineData("100")]
    [InlineData("0")]
    public void Read_CelsiusAtTheLimits_IsAccepted(string celsius) =>
        Assert.Null(Read("appliance/demo-fridge/temperature", $$"""{"sensor":"fridge","celsius":{{celsius}}}""").Rejection);

    [Theory]
    [InlineData("temperature", """{"sensor":"fridge/1","celsius":3.9}""")]
    [InlineData("temperature", """{"sensor":null,"celsius":3.9}""")]
    [InlineData("door", """{"door":"","state":"open"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"milk 1","name":"Milk"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"milk-1"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"milk-1","name":"  "}""")]
    [InlineData("inventory", """{"op":"consumed","itemId":"milk-1"}""")]
    [InlineData("inventory", """{"op":"moved","itemId":"milk-1"}""")]
    [InlineData("inventory", """{"op":"added","itemId":"milk-1","name":"Milk","quantity":-1}""")]
    [InlineData("inventory", """{"op":"added","itemId":"milk-1","name":"Milk","quantity":1000000.5}""")]
    public void Read_FieldBreaksARule_RejectsWithInvalidField(string channel, string payload) =>
        AssertRejected(RejectionCodes.InvalidField, Read($"appliance/demo-fridge/{channel}", payload));

    [Theory]
    [InlineData("name")]
    [InlineData("barcode")]
    [InlineData("category")]
    [InlineData("unit")]
    public void Read_TextLongerThan200_RejectsWithInvalidField(string field)
    {
        var name = field == "name" ? string.Empty : "\"name\":\"Milk\",";
        var payload = $$"""{"op":"added","itemId":"milk-1",{{name}}"{{field}}":"{{new string('x', 201)}}"}""";

        AssertRejected(RejectionCodes.InvalidField, Read("appliance/demo-fridge/inventory", payload));
    }

    [Fact]
    public void Read_PayloadOver16KiB_RejectsWithTooLarge()
    {
        var payload = $$"""{"sensor":"fridge","celsius":3.9,"padding":"{{new string(' ', ApplianceMessageReader.MaxPayloadBytes)}}"}""";

        AssertRejected(RejectionCodes.TooLarge, Read("appliance/demo-fridge/temperature", payload));
    }

    [Fact]
    public void Read_PayloadOf16KiB_IsRead()
    {
        const string head = "{\"sensor\":\"fridge\",\"celsius\":3.9,\"padding\":\"";
        var payload = head + new string(' ', ApplianceMessageReader.MaxPayloadBytes - head.Length - 2) + "\"}";

        Assert.Equal(ApplianceMessageReader.MaxPayloadBytes, Encoding.UTF8.GetByteCount(payload));
        Assert.Null(Read("appliance/demo-fridge/temperature", payload).Rejection);
    }

    private static ApplianceReadResult Read(string topic, string payload) => ApplianceMessageReader.Read(topic, Encoding.UTF8.GetBytes(payload), ReceivedAt);

    private static void AssertRejected(string code, ApplianceReadResult result)
    {
        Assert.Null(result.Record);
        Assert.Equal(code, result.Rejection?.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection!.Detail));
    }
}
