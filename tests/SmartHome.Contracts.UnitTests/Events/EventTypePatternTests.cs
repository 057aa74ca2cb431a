using SmartHome.Contracts.Events;

namespace SmartHome.Contracts.UnitTests.Events;

public sealed class EventTypePatternTests
{
    [Theory]
    [InlineData("shg.food.expiring.v1")]
    [InlineData("shg.food.*")]
    [InlineData("shg.*")]
    [InlineData("*")]
    [InlineData("shg.appliance.door-left-open.v1")]
    public void IsValid_ExactTypeOrTrailingWildcard_IsTrue(string pattern) => Assert.True(EventTypePattern.IsValid(pattern));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("*.food")]
    [InlineData("shg.*.v1")]
    [InlineData("shg.**")]
    [InlineData("shg.food expiring")]
    [InlineData("shg/food")]
    public void IsValid_AnythingElse_IsFalse(string pattern) => Assert.False(EventTypePattern.IsValid(pattern));

    [Fact]
    public void IsValid_LongerThan128_IsFalse() => Assert.False(EventTypePattern.IsValid("shg." + new string('a', 125)));

    [Theory]
    [InlineData("shg.food.expiring.v1", "shg.food.expiring.v1", true)]
    [InlineData("shg.food.expiring.v1", "shg.food.expired.v1", false)]
    [InlineData("shg.food.*", "shg.food.unsafe.v1", true)]
    [InlineData("shg.food.*", "shg.stock.low.v1", false)]
    [InlineData("*", "shg.diet.weekly-summary.v1", true)]
    [InlineData("SHG.food.*", "shg.food.expiring.v1", false)]
    public void Matches_PatternAndType_MatchesExactlyOrByPrefix(string pattern, string type, bool expected) =>
        Assert.Equal(expected, EventTypePattern.Matches(pattern, type));

    [Fact]
    public void MatchesAny_OneOfThePatternsMatches_IsTrue()
    {
        Assert.True(EventTypePattern.MatchesAny(["shg.stock.*", "shg.food.expiring.v1"], NeedEventTypes.FoodExpiring));
        Assert.False(EventTypePattern.MatchesAny(["shg.stock.*"], NeedEventTypes.FoodExpiring));
        Assert.False(EventTypePattern.MatchesAny([], NeedEventTypes.FoodExpiring));
    }
}
