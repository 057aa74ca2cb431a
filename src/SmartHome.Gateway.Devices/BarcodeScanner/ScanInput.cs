using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>
/// Reads scanned codes from a stream. A USB scanner is a keyboard: it types the code and Enter. Through a Linux input
/// event device each key is a <c>struct input_event</c>; on 64-bit Linux that is 24 bytes: a <c>timeval</c>
/// (16 bytes), <c>u16 type</c>, <c>u16 code</c>, <c>s32 value</c>, in the machine's (little-endian) byte order.
/// A code is the digits and letters of the key-down events (<c>EV_KEY</c>, value 1) before Enter.
/// </summary>
public static class ScanInput
{
    public const int EventSize = 24;

    private const ushort EvKey = 1;
    private const int KeyDown = 1;
    private const ushort KeyEnter = 28;
    private const ushort KeyKeypadEnter = 96;

    // Linux input-event-codes.h: the keys a barcode scanner types.
    private static readonly Dictionary<ushort, char> Keys = BuildKeyMap();

    /// <summary>The codes in <paramref name="stream"/>, until its end.</summary>
    public static IAsyncEnumerable<string> ReadCodesAsync(Stream stream, ScanInputFormat format, CancellationToken cancellationToken) =>
        format == ScanInputFormat.Evdev ? ReadEventsAsync(stream, cancellationToken) : ReadLinesAsync(stream, cancellationToken);

    private static async IAsyncEnumerable<string> ReadEventsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[EventSize];
        var code = new StringBuilder();
        while (await stream.ReadAtLeastAsync(buffer, EventSize, throwOnEndOfStream: false, cancellationToken) == EventSize)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(16));
            var key = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(18));
            var value = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(20));
            if (type != EvKey || value != KeyDown)
            {
                continue;
            }

            if (key is KeyEnter or KeyKeypadEnter)
            {
                if (code.Length > 0)
                {
                    yield return code.ToString();
                    code.Clear();
                }
            }
            else if (Keys.TryGetValue(key, out var character))
            {
                code.Append(character);
            }
        }
    }

    private static async IAsyncEnumerable<string> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Trim() is { Length: > 0 } code)
            {
                yield return code;
            }
        }
    }

    private static Dictionary<ushort, char> BuildKeyMap()
    {
        var keys = new Dictionary<ushort, char>();
        Add(2, "1234567890-");
        Add(16, "QWERTYUIOP");
        Add(30, "ASDFGHJKL");
        Add(44, "ZXCVBNM");
        Add(71, "789");
        Add(75, "456");
        Add(79, "1230");
        return keys;

        void Add(ushort first, string characters)
        {
            for (var i = 0; i < characters.Length; i++)
            {
                keys[(ushort)(first + i)] = characters[i];
            }
        }
    }
}
