using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// One envelope on disk: a 12-byte header (magic, body length, CRC-32 of the body), then the body: seq, the time it
/// was written (Unix ms), its record count, and the envelope's JSON exactly as it is published. All little-endian.
/// </summary>
internal static class OutboxFrame
{
    public const int HeaderSize = 12;
    private const uint Magic = 0x31474853; // "SHG1"
    private const int BodyPrefixSize = 20;
    private const int MaxBodySize = BodyPrefixSize + TelemetryEnvelopeValidator.MaxPayloadBytes;

    /// <summary>
    /// How many temperature records an envelope's JSON holds, without parsing it: the serializer writes no whitespace,
    /// and inside a string value the quotes of this text would be escaped.
    /// </summary>
    public static int CountTemperatureRecords(ReadOnlySpan<byte> json) => json.Count("\"kind\":\"temperature\""u8);

    public static int Write(IBufferWriter<byte> output, long seq, DateTimeOffset writtenAt, int recordCount, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bodyLength = BodyPrefixSize + json.Length;
        var frame = output.GetSpan(HeaderSize + bodyLength)[..(HeaderSize + bodyLength)];
        var body = frame[HeaderSize..];
        BinaryPrimitives.WriteInt64LittleEndian(body, seq);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], writtenAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32LittleEndian(body[16..], recordCount);
        json.CopyTo(body[BodyPrefixSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(frame[4..], bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[8..], Crc32.HashToUInt32(body));
        output.Advance(frame.Length);
        return frame.Length;
    }

    /// <summary>The length of the frame whose header starts <paramref name="data"/>, or null when it is not a plausible header.</summary>
    public static int? ReadFrameLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(data) != Magic)
        {
            return null;
        }

        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        return bodyLength is >= BodyPrefixSize and <= MaxBodySize ? HeaderSize + bodyLength : null;
    }

    /// <summary>Reads the frame at the start of <paramref name="data"/>; false when it is torn, corrupt or not a frame.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out FrameInfo info, out Range json)
    {
        info = default;
        json = default;
        if (ReadFrameLength(data) is not { } length || data.Length < length)
        {
            return false;
        }

        var body = data[HeaderSize..length];
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(data[8..]))
        {
            return false;
        }

        info = new(
            BinaryPrimitives.ReadInt64LittleEndian(body),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(body[8..])),
            BinaryPrimitives.ReadInt32LittleEndian(body[16..]),
            length);
        json = new(HeaderSize + BodyPrefixSize, length);
        return true;
    }
}

internal readonly record struct FrameInfo(long Seq, DateTimeOffset WrittenAt, int RecordCount, int Length);
