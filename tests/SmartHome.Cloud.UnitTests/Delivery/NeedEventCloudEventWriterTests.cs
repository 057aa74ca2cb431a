using System.Text.Json;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class NeedEventCloudEventWriterTests
{
    [Fact]
    public void ToStructuredJson_NeedEvent_WritesCloudEventWithRequiredAttributes()
    {
        var needEvent = new NeedEvent
        {
            Id = "evt-1",
            Type = "shg.food.expiring.v1",
            HouseholdId = "secret-household",
            Subject = "items/milk-1",
            Time = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
            Data = JsonDocument.Parse("""{"itemId":"milk-1","name":"Milk","bestBefore":"2026-11-25"}""").RootElement,
        };

        var json = NeedEventCloudEventWriter.ToStructuredJson(needEvent, "evt-1-for-partner", "/households/ref123");

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("evt-1-for-partner", root.GetProperty("id").GetString());
        Assert.Equal("shg.food.expiring.v1", root.GetProperty("type").GetString());
        Assert.Equal("/households/ref123", root.GetProperty("source").GetString());
        Assert.Equal("items/milk-1", root.GetProperty("subject").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal(needEvent.Time, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("Milk", root.GetProperty("data").GetProperty("name").GetString());
        Assert.DoesNotContain("secret-household", json, StringComparison.Ordinal);
    }
}
