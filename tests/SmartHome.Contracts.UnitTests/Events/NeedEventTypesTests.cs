using System.Text.RegularExpressions;
using SmartHome.Contracts.Events;

namespace SmartHome.Contracts.UnitTests.Events;

public sealed partial class NeedEventTypesTests
{
    [Fact]
    public void All_TheEightContractTypes_AreDistinctAndVersioned()
    {
        Assert.Equal(8, NeedEventTypes.All.Distinct().Count());
        Assert.All(NeedEventTypes.All, type => Assert.Matches(VersionedType(), type));
    }

    [Theory]
    [InlineData(NeedEventTypes.FoodExpiring, true)]
    [InlineData(NeedEventTypes.ApplianceOffline, true)]
    [InlineData(NeedEventTypes.StockLow, false)]
    [InlineData(NeedEventTypes.DietWeeklySummary, false)]
    public void IsHouseholdFacing_PartnerOnlyTypes_AreNot(string type, bool expected) => Assert.Equal(expected, NeedEventTypes.IsHouseholdFacing(type));

    // The same pattern as docs/schemas/common.json#/definitions/needEventType.
    [GeneratedRegex(@"^shg\.[a-z0-9-]+\.[a-z0-9-]+\.v[0-9]+$")]
    private static partial Regex VersionedType();
}
