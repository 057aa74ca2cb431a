using System.Text;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Faults;

namespace SmartHome.FirmwareSim.UnitTests.Faults;

/// <summary>Each broken message the simulator can send is one the gateway's own reader refuses, for the reason expected.</summary>
public sealed class MalformedMessagesTests
{
    private const string ApplianceId = "fault-fridge";
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MalformedKind.NotJson, RejectionCodes.MalformedJson)]
    [InlineData(MalformedKind.TruncatedJson, RejectionCodes.MalformedJson)]
    [InlineData(MalformedKind.WrongType, RejectionCodes.MalformedJson)]
    [InlineData(MalformedKind.MissingField, RejectionCodes.MalformedJson)]
    [InlineData(MalformedKind.UnknownEnumValue, RejectionCodes.MalformedJson)]
    [InlineData(MalformedKind.TooLarge, RejectionCodes.TooLarge)]
    [InlineData(MalformedKind.UnknownChannel, RejectionCodes.BadTopic)]
    public void Create_EachKind_IsRejectedByTheContractsReaderWithItsCode(MalformedKind kind, string code)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var message = MalformedMessages.Create(ApplianceId, kind, At, new Random(seed));

            var result = Read(message);

            Assert.Null(result.Record);
            Assert.Equal(code, result.Rejection?.Code);
        }
    }

    [Fact]
    public void Create_EveryKind_IsCoveredByTheReaderTest()
    {
        var tested = typeof(MalformedMessagesTests).GetMethod(nameof(Create_EachKind_IsRejectedByTheContractsReaderWithItsCode))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (MalformedKind)a.GetData(null!).Single()[0]);

        Assert.Equal(Enum.GetValues<MalformedKind>().Order(), tested.Order());
    }

    [Fact]
    public void PowerOnResetReading_ReadByTheContractsReader_IsKeptAsSuspect()
    {
        var result = Read(ApplianceMessages.Temperature(ApplianceId, "fridge", FaultInjector.PowerOnResetCelsius, At));

        Assert.Null(result.Rejection);
        Assert.Equal(RecordQuality.Suspect, result.Record!.Quality);
    }

    [Fact]
    public void DisconnectedReading_ReadByTheContractsReader_IsRejectedAsInvalidField()
    {
        var result = Read(ApplianceMessages.Temperature(ApplianceId, "fridge", FaultInjector.DisconnectedCelsius, At));

        Assert.Equal(RejectionCodes.InvalidField, result.Rejection?.Code);
    }

    private static ApplianceReadResult Read(SimulatedMessage message) =>
        ApplianceMessageReader.Read(message.Topic, Encoding.UTF8.GetBytes(message.Payload), At);
}
