using System.Text;
using SmartHome.Gateway.Devices.BarcodeScanner;
using SmartHome.Gateway.Devices.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.BarcodeScanner;

public sealed class ScanInputTests
{
    [Fact]
    public async Task ReadCodesAsync_EvdevKeyEvents_YieldsTheKeysDownBeforeEachEnter()
    {
        using var stream = new MemoryStream(KeyEvents.Typing("4006381333931\nREMOVE\n\n96385074\n"));

        var codes = await ReadAllAsync(stream, ScanInputFormat.Evdev);

        Assert.Equal(["4006381333931", "REMOVE", "96385074"], codes);
    }

    [Fact]
    public async Task ReadCodesAsync_KeypadDigitsAndKeypadEnter_AreReadLikeTheMainKeys()
    {
        ushort[] keypad = [82, 79, 80, 81, 75, 76, 77, 71, 72, 73];
        var bytes = keypad.SelectMany(k => KeyEvents.Event(1, k, 1)).Concat(KeyEvents.Event(1, 96, 1)).ToArray();
        using var stream = new MemoryStream(bytes);

        var codes = await ReadAllAsync(stream, ScanInputFormat.Evdev);

        Assert.Equal(["0123456789"], codes);
    }

    [Fact]
    public async Task ReadCodesAsync_KeyRepeatAndUnknownKeys_AreIgnored()
    {
        var bytes = KeyEvents.Event(1, 2, 1).Concat(KeyEvents.Event(1, 2, 2)).Concat(KeyEvents.Event(1, 42, 1)).Concat(KeyEvents.Event(1, 3, 1))
            .Concat(KeyEvents.Event(1, 28, 1)).ToArray();
        using var stream = new MemoryStream(bytes);

        var codes = await ReadAllAsync(stream, ScanInputFormat.Evdev);

        Assert.Equal(["12"], codes);
    }

    [Fact]
    public async Task ReadCodesAsync_EvdevEndsMidEventOrMidCode_YieldsOnlyTheFinishedCodes()
    {
        var bytes = KeyEvents.Typing("123\n45").Concat(new byte[10]).ToArray();
        using var stream = new MemoryStream(bytes);

        var codes = await ReadAllAsync(stream, ScanInputFormat.Evdev);

        Assert.Equal(["123"], codes);
    }

    [Fact]
    public async Task ReadCodesAsync_Text_YieldsTrimmedNonEmptyLines()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("4006381333931\r\n\n  REMOVE \n96385074"));

        var codes = await ReadAllAsync(stream, ScanInputFormat.Text);

        Assert.Equal(["4006381333931", "REMOVE", "96385074"], codes);
    }

    private static async Task<List<string>> ReadAllAsync(Stream stream, ScanInputFormat format)
    {
        var codes = new List<string>();
        await foreach (var code in ScanInput.ReadCodesAsync(stream, format, CancellationToken.None))
        {
            codes.Add(code);
        }

        return codes;
    }
}
