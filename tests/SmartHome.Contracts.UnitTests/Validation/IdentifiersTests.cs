using SmartHome.Contracts.Validation;

namespace SmartHome.Contracts.UnitTests.Validation;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("demo-fridge")]
    [InlineData("milk-1")]
    [InlineData("Probe_01.a")]
    [InlineData("x")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void IsValid_LettersDigitsDotsUnderscoresDashes_IsTrue(string value) => Assert.True(Identifiers.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("demo fridge")]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("#")]
    [InlineData("crème")]
    [InlineData("ｆｕｌｌｗｉｄｔｈ")]
    public void IsValid_AnythingElse_IsFalse(string? value) => Assert.False(Identifiers.IsValid(value));
}
