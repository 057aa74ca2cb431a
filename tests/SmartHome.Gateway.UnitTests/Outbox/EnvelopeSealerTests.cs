using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class EnvelopeSealerTests
{
    [Fact]
    public void Seal_BatchWithinTheLimit_IsOneValidEnvelope()
    {
        var records = Enumerable.Range(0, 3).Select(i => TestData.Temperature(i)).ToList();

        var sut = EnvelopeSealer.Seal(records, TestData.Identity, 7, TestData.Start, clockSynced: true);

        var envelope = Assert.Single(sut);
        Assert.Equal(7, envelope.Seq);
        var topic = SmartHome.Contracts.Topics.Telemetry(TestData.Identity.HouseholdId, TestData.Identity.GatewayId);
        var read = TelemetryEnvelopeValidator.Read(topic, envelope.Json);
        Assert.Null(read.Rejection);
        Assert.Equal(3, read.Envelope!.Records.Count);
    }

    [Fact]
    public void Seal_BatchOverTheCloudsSizeLimit_IsSplitIntoConsecutiveEnvelopesUnderIt()
    {
        // Non-ASCII names are escaped to six bytes a character, so 500 such records exceed 1 MiB.
        var name = new string('é', RecordValidator.MaxTextLength);
        var records = Enumerable.Range(0, 500)
            .Select(i => TelemetryRecord.From("fridge-1", new InventoryChange { Op = InventoryOp.Added, ItemId = $"item-{i}", Name = name, Category = name, Unit = name }, TestData.Start))
            .ToList();

        var sut = EnvelopeSealer.Seal(records, TestData.Identity, 1, TestData.Start, clockSynced: true);

        Assert.True(sut.Count > 1);
        Assert.Equal(Enumerable.Range(1, sut.Count).Select(seq => (long)seq), sut.Select(envelope => envelope.Seq));
        Assert.All(sut, envelope => Assert.True(envelope.Json.Length <= TelemetryEnvelopeValidator.MaxPayloadBytes));
        Assert.Equal(500, sut.Sum(envelope => envelope.RecordCount));
        var itemIds = sut.SelectMany(envelope => JsonSerializer.Deserialize(envelope.Json, ContractsJsonContext.Default.TelemetryEnvelope)!.Records)
            .Select(record => record.ItemId);
        Assert.Equal(records.Select(record => record.ItemId), itemIds);
    }
}
