using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.HomeAssistant;
using SmartHome.Gateway.Options;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.HomeAssistant;

public sealed class HomeAssistantStateTests
{
    private const string ExpiringTopic = "shg-gateway/gw-1/fridge-1/items-expiring";
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestData.Start.DateTime);
    private readonly HomeAssistantOptions _options = new();
    private readonly HomeAssistantState _sut;

    public HomeAssistantStateTests()
    {
        var topics = new HomeAssistantTopics("homeassistant", TestData.Identity);
        _sut = new HomeAssistantState(topics, new DiscoveryConfigs(topics, TestData.Identity), _options);
    }

    [Fact]
    public void Messages_ItemsWithinTheWindow_AreCountedAsExpiring()
    {
        _sut.Accepted(Added("milk", Today.AddDays(2)));
        _sut.Accepted(Added("expired-ham", Today.AddDays(-1)));
        _sut.Accepted(Added("cheese", Today.AddDays(3)));
        _sut.Accepted(Added("rice", bestBefore: null));

        Assert.Equal("2", State(ExpiringTopic));
    }

    [Fact]
    public void Messages_ConsumedInPartThenInFullAndRemoved_CountOnlyWhatIsLeft()
    {
        _sut.Accepted(Added("milk", Today, quantity: 2));
        _sut.Accepted(Added("yogurt", Today));
        _sut.Accepted(Inventory(InventoryOp.Consumed, "milk", quantity: 1));
        Assert.Equal("2", State(ExpiringTopic));

        _sut.Accepted(Inventory(InventoryOp.Consumed, "milk", quantity: 1));
        _sut.Accepted(Inventory(InventoryOp.Removed, "yogurt"));

        Assert.Equal("0", State(ExpiringTopic));
    }

    [Fact]
    public void Messages_OpenedWithANewBestBefore_UsesIt()
    {
        _sut.Accepted(Added("juice", Today.AddDays(30)));

        _sut.Accepted(Inventory(InventoryOp.Opened, "juice") with { BestBefore = Today.AddDays(1) });

        Assert.Equal("1", State(ExpiringTopic));
    }

    [Fact]
    public void Messages_WindowOfZero_CountsOnlyWhatExpiresToday()
    {
        _options.ExpiringWithin = TimeSpan.Zero;
        _sut.Accepted(Added("milk", Today));
        _sut.Accepted(Added("cream", Today.AddDays(1)));

        Assert.Equal("1", State(ExpiringTopic));
    }

    [Fact]
    public void Messages_TemperatureAndDoor_LatestValueOnTheirStateTopics()
    {
        _sut.Accepted(TestData.Temperature(3.9));
        _sut.Accepted(TestData.Temperature(4.5));
        _sut.Accepted(TelemetryRecord.From("fridge-1", new DoorEvent { Door = "main", State = DoorState.Open }, TestData.Start));

        Assert.Equal("4.5", State("shg-gateway/gw-1/fridge-1/temperature/fridge"));
        Assert.Equal("open", State("shg-gateway/gw-1/fridge-1/door/main"));
        Assert.Contains(_sut.Messages(TestData.Start), m => m.Topic == "homeassistant/sensor/shg_home-1_gw-1_fridge-1/temperature_fridge/config");
        Assert.Contains(_sut.Messages(TestData.Start), m => m.Topic == "homeassistant/binary_sensor/shg_home-1_gw-1_fridge-1/door_main/config");
    }

    [Fact]
    public void Accepted_Disabled_ShowsNothing()
    {
        _options.Enabled = false;

        _sut.Accepted(TestData.Temperature(3.9));

        Assert.Empty(_sut.Messages(TestData.Start));
        Assert.False(_sut.Changed.TryRead(out _));
    }

    [Fact]
    public void Config_IdsWithDots_BecomeValidNodeAndObjectIds()
    {
        var topics = new HomeAssistantTopics("homeassistant", TestData.Identity with { GatewayId = "gw.1" });

        Assert.Equal("homeassistant/sensor/shg_home-1_gw_1_fridge_2/temperature_top_shelf/config", topics.Config("sensor", "fridge.2", "temperature_top.shelf"));
    }

    private static TelemetryRecord Added(string itemId, DateOnly? bestBefore, double quantity = 1) =>
        Inventory(InventoryOp.Added, itemId, quantity) with { BestBefore = bestBefore };

    private static TelemetryRecord Inventory(InventoryOp op, string itemId, double? quantity = null) =>
        TelemetryRecord.From("fridge-1", new InventoryChange { Op = op, ItemId = itemId, Quantity = quantity }, TestData.Start);

    private string State(string topic) => Assert.Single(_sut.Messages(TestData.Start), m => m.Topic == topic).Payload;
}
