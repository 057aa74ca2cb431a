using System.Buffers.Binary;
using SmartHome.Gateway.Devices.BarcodeScanner;

namespace SmartHome.Gateway.Devices.UnitTests.Support;

/// <summary>Writes what a USB scanner's input event device delivers: 24-byte <c>struct input_event</c> records.</summary>
internal static class KeyEvents
{
    private const ushort EvSyn = 0;
    private const ushort EvKey = 1;
    private const ushort EvMsc = 4;

    private static readonly Dictionary<char, ushort> Codes = new()
    {
        ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10, ['0'] = 11,
        ['A'] = 30, ['D'] = 32, ['E'] = 18, ['M'] = 50, ['O'] = 24, ['R'] = 19, ['V'] = 47, ['\n'] = 28,
    };

    /// <summary>
    /// The events of typing <paramref name="text"/> as a scanner does: per key a scan-code event, key down, a sync,
    /// key up, a sync. <c>\n</c> is Enter.
    /// </summary>
    public static byte[] Typing(string text)
    {
        var events = new List<byte[]>();
        foreach (var c in text)
        {
            var key = Codes[c];
            events.Add(Event(EvMsc, 4, 0x70000 + key));
            events.Add(Event(EvKey, key, 1));
            events.Add(Event(EvSyn, 0, 0));
            events.Add(Event(EvKey, key, 0));
            events.Add(Event(EvSyn, 0, 0));
        }

        return [.. events.SelectMany(e => e)];
    }

    public static byte[] Event(ushort type, ushort code, int value)
    {
        var bytes = new byte[ScanInput.EventSize];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, 1_763_892_000);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), 123_456);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), code);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(20), value);
        return bytes;
    }
}
