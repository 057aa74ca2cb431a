using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class ApplianceOfflineRuleTests
{
    private static readonly Guid Boot1 = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Boot2 = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Evaluate_LastWillOutstandingTwoMinutes_RaisesOfflineForTheGatewayOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot1), Start);
        var atWill = sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddHours(1));

        var early = sut.Evaluate(twin, Start.AddHours(1).AddMinutes(1));
        var due = sut.Evaluate(twin, Start.AddHours(1).AddMinutes(2));
        var later = sut.Evaluate(twin, Start.AddHours(2));

        Assert.Empty(atWill);
        Assert.Empty(early);
        Assert.Empty(later);
        var offline = Assert.Single(due);
        Assert.Equal((NeedEventTypes.ApplianceOffline, "gateways/gw-1", Start.AddHours(1)), (offline.Type, offline.Subject, offline.Time));
        var data = offline.Data.Deserialize(ContractsJsonContext.Default.OfflineData)!;
        Assert.Equal((GatewayId, null, Start.AddHours(1)), (data.GatewayId, data.Appliance, data.Since));
        Assert.Equal(OnlineState.Offline, twin.Gateways[0].State);
    }

    [Fact]
    public void Evaluate_GatewayBackOnlineWithinTheDebounce_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot1), Start);
        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddHours(1));
        var whileOffline = sut.Evaluate(twin, Start.AddHours(1).AddSeconds(30));
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot2), Start.AddHours(1).AddSeconds(45));
        var afterwards = sut.Evaluate(twin, Start.AddHours(3));

        Assert.Empty(whileOffline.Concat(afterwards));
    }

    [Fact]
    public void Evaluate_RetainedLastWillDeliveredAgain_RaisesOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot1), Start);
        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddHours(1));

        var first = sut.Evaluate(twin, Start.AddHours(1).AddMinutes(5));
        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddHours(2));
        var again = sut.Evaluate(twin, Start.AddHours(3));

        Assert.Single(first);
        Assert.Empty(again);
    }

    [Fact]
    public void Evaluate_BackOnlineThenOfflineAgain_RaisesEachOutage()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot1), Start);
        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddHours(1));
        var first = sut.Evaluate(twin, Start.AddHours(1).AddMinutes(10));
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot2), Start.AddHours(2));
        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot2), Start.AddHours(3));
        var second = sut.Evaluate(twin, Start.AddHours(3).AddMinutes(10));

        var raised = first.Concat(second).ToList();
        Assert.Equal([Start.AddHours(1), Start.AddHours(3)], raised.Select(e => e.Time));
        Assert.NotEqual(raised[0].Id, raised[1].Id);
    }

    [Fact]
    public void ApplyGatewayStatus_LastWillOfTheBootBefore_IsIgnored()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot2), Start);

        sut.ApplyGatewayStatus(twin, GatewayId, Offline(Boot1), Start.AddSeconds(1));

        Assert.Empty(sut.Evaluate(twin, Start.AddHours(1)));
        Assert.Equal((OnlineState.Online, Boot2), (twin.Gateways[0].State!.Value, twin.Gateways[0].BootId!.Value));
    }

    [Fact]
    public void ApplyGatewayStatus_Online_RecordsBootAndVersion()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        sut.ApplyGatewayStatus(twin, GatewayId, Online(Boot1), Start);

        var gateway = twin.Gateways[0];
        Assert.Equal((OnlineState.Online, Start, Boot1, "1.0.0", Start), (gateway.State!.Value, gateway.StateSince!.Value, gateway.BootId!.Value, gateway.Version, gateway.LastSeenAt!.Value));
    }

    [Fact]
    public void Apply_ApplianceOfflineAndStillSoAtTheNextEnvelope_RaisesOfflineForTheAppliance()
    {
        _time.SetUtcNow(Start.AddMinutes(8));
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Status(Start, OnlineState.Online)));

        var raised = sut.Apply(twin, Envelope(Status(Start.AddMinutes(5), OnlineState.Offline)));

        var offline = Assert.Single(raised);
        Assert.Equal(("appliances/fridge-1", Start.AddMinutes(5)), (offline.Subject, offline.Time));
        var data = offline.Data.Deserialize(ContractsJsonContext.Default.OfflineData)!;
        Assert.Equal((GatewayId, ApplianceId), (data.GatewayId, data.Appliance));
    }

    [Fact]
    public void Apply_ApplianceOfflineReportedTwice_RaisesOnce()
    {
        _time.SetUtcNow(Start.AddMinutes(10));
        var sut = Engine(_time);
        var twin = NewTwin();

        var first = sut.Apply(twin, Envelope(Status(Start, OnlineState.Offline)));
        var again = sut.Apply(twin, Envelope(Status(Start.AddMinutes(1), OnlineState.Offline)));

        Assert.Single(first);
        Assert.Empty(again);
    }

    [Fact]
    public void Apply_ApplianceOfflineOnlineBlip_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        _time.SetUtcNow(Start.AddSeconds(2));

        var blip = sut.Apply(twin, Envelope(
            Status(Start, OnlineState.Online),
            Status(Start.AddSeconds(1), OnlineState.Offline),
            Status(Start.AddSeconds(1.5), OnlineState.Online)));

        Assert.Empty(blip);
        Assert.Empty(sut.Evaluate(twin, Start.AddHours(1)));
    }

    private static GatewayStatus Online(Guid boot) => new() { State = OnlineState.Online, BootId = boot, Version = "1.0.0" };

    private static GatewayStatus Offline(Guid boot) => new() { State = OnlineState.Offline, BootId = boot };
}
