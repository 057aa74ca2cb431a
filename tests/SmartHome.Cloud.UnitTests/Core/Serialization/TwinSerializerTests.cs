using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Serialization;

public class TwinSerializerTests
{
    private readonly FakeTimeProvider _time = new(Start.AddMinutes(30));

    [Fact]
    public void Deserialize_SerializedTwin_RoundTripsEveryPart()
    {
        var twin = BusyTwin();

        var json = TwinSerializer.Serialize(twin);
        var sut = TwinSerializer.Deserialize(json);

        Assert.Equal(json, TwinSerializer.Serialize(sut));
        Assert.Equal(twin.Inventory.Count, sut.Inventory.Count);
        Assert.Equal(twin.Appliances[0].Compartments[0].Excursion!.Since, sut.Appliances[0].Compartments[0].Excursion!.Since);
    }

    [Fact]
    public void Serialize_Twin_WritesCamelCaseAndEnumsAsStrings()
    {
        var json = TwinSerializer.Serialize(BusyTwin());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(HouseholdId, root.GetProperty("householdId").GetString());
        Assert.Equal(2, root.GetProperty("settings").GetProperty("warningWindowDays").GetInt32());
        Assert.Equal(5, root.GetProperty("settings").GetProperty("safeRanges").GetProperty("fridge").GetProperty("maxCelsius").GetDouble());
        var appliance = root.GetProperty("appliances")[0];
        Assert.Equal("online", appliance.GetProperty("state").GetString());
        Assert.Equal("fridge", appliance.GetProperty("compartments")[0].GetProperty("kind").GetString());
        Assert.Equal("tooWarm", appliance.GetProperty("compartments")[0].GetProperty("excursion").GetProperty("direction").GetString());
        Assert.Equal("open", appliance.GetProperty("doors")[0].GetProperty("state").GetString());
        var item = root.GetProperty("inventory")[0];
        Assert.Equal("fridge", item.GetProperty("location").GetString());
        Assert.Equal("2026-11-30", item.GetProperty("estimatedBestBefore").GetString());
        Assert.False(item.TryGetProperty("displayName", out _));
        Assert.False(item.TryGetProperty("openedAt", out _));
    }

    [Fact]
    public void Deserialize_MinimalDocument_FillsDefaults()
    {
        var sut = TwinSerializer.Deserialize("""{"householdId":"home-1"}""");

        Assert.Equal((HouseholdId, HouseholdSettings.DefaultWarningWindowDays), (sut.HouseholdId, sut.Settings.WarningWindowDays));
        Assert.Equal(-15, sut.Settings.SafeRanges.Freezer.MaxCelsius);
        Assert.Empty(sut.Inventory);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"householdId\":\"a\",\"householdId\":\"b\"}")]
    [InlineData("[]")]
    [InlineData("{\"householdId\":\"a\",\"settings\":null}")]
    public void Deserialize_NotATwin_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => TwinSerializer.Deserialize(json));
    }

    [Fact]
    public void Deserialize_TwinThatAlreadyRaisedEvents_RaisesNothingAgain()
    {
        var engine = Engine(new FakeTimeProvider(Start));
        var twin = NewTwin();
        Assert.Single(engine.Apply(twin, Envelope(Added("milk-1", Start, bestBefore: Today.AddDays(1)))));
        engine.Apply(twin, Envelope(Door(Start, DoorState.Open)));
        Assert.Single(engine.Evaluate(twin, Start.AddMinutes(10)));

        var sut = TwinSerializer.Deserialize(TwinSerializer.Serialize(twin));

        Assert.Empty(engine.Evaluate(sut, Start.AddMinutes(11)));
    }

    private HouseholdTwin BusyTwin()
    {
        var engine = Engine(_time);
        var twin = NewTwin();
        engine.ApplyGatewayStatus(twin, GatewayId, new GatewayStatus { State = OnlineState.Online, BootId = Guid.NewGuid(), Version = "1.0.0" }, Start);
        engine.Apply(twin, Envelope(
            Status(Start, OnlineState.Online, firmware: "1.2.0"),
            Temperature(Start, 3.9),
            Temperature(Start.AddMinutes(5), 7.5),
            Door(Start.AddMinutes(6), DoorState.Open),
            Added("milk-1", Start, bestBefore: null),
            Added("cheese-1", Start, name: "Cheddar", category: "cheese", bestBefore: Today.AddDays(40)),
            Inventory(InventoryOp.Opened, "cheese-1", Start.AddMinutes(1)),
            Added("peas-1", Start, name: "Peas", location: StorageLocation.Freezer),
            Added("juice-1", Start, name: "Orange juice"),
            Inventory(InventoryOp.Consumed, "juice-1", Start.AddMinutes(2), quantity: 1)));
        return twin;
    }
}
