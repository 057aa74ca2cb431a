using SmartHome.Gateway.Devices.BarcodeScanner;

namespace SmartHome.Gateway.Devices.UnitTests.BarcodeScanner;

public sealed class GtinTests
{
    [Theory]
    [InlineData("4006381333931", "4006381333931")]
    [InlineData("036000291452", "0036000291452")]
    [InlineData("96385074", "96385074")]
    [InlineData("5000112548167", "5000112548167")]
    public void TryNormalize_ValidCheckDigit_ReturnsTheCodeUpcAAsEan13(string code, string expected)
    {
        Assert.True(Gtin.TryNormalize(code, out var gtin));

        Assert.Equal(expected, gtin);
    }

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("036000291453")]
    [InlineData("96385075")]
    [InlineData("400638133393")]
    [InlineData("40063813339310")]
    [InlineData("40063813339a1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_WrongCheckDigitLengthOrCharacters_Fails(string? code) =>
        Assert.False(Gtin.TryNormalize(code, out _));
}
