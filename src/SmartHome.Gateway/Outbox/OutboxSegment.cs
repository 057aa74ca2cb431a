using System.Globalization;

namespace SmartHome.Gateway.Outbox;

/// <summary>An append-only file of frames, named after the seq of its first frame so that names sort in log order.</summary>
internal sealed class OutboxSegment(long firstSeq, string path)
{
    public const string Extension = ".seg";

    public long FirstSeq { get; } = firstSeq;

    public string Path { get; } = path;

    public long Size { get; set; }

    public long LastSeq { get; set; }

    public static OutboxSegment Create(string directory, long firstSeq) =>
        new(firstSeq, System.IO.Path.Combine(directory, firstSeq.ToString("D20", CultureInfo.InvariantCulture) + Extension));

    public static bool TryParseFirstSeq(string path, out long firstSeq) =>
        long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out firstSeq);
}
