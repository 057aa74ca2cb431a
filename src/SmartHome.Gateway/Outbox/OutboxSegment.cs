using System.Globalization;

namespace SmartHome.Gateway.Outbox;

/// <summary>
/// An append-only file of frames, named after the seq of its first frame so that names sort in log order. Compaction
/// rewrites a closed segment into a new file of the next generation (<c>{firstSeq}_{generation}.seg</c>); the
/// original, generation 0, has no suffix.
/// </summary>
internal sealed class OutboxSegment(long firstSeq, int generation, string path)
{
    public const string Extension = ".seg";

    /// <summary>A compacted segment while it is written; renamed to <see cref="Extension"/> once it is complete and on disk.</summary>
    public const string CompactingExtension = ".compacting";

    public long FirstSeq { get; } = firstSeq;

    public int Generation { get; } = generation;

    public string Path { get; } = path;

    public long Size { get; set; }

    public long LastSeq { get; set; }

    /// <summary>How many temperature records the segment holds, acknowledged or not: eviction drops other classes only when none is left.</summary>
    public long TemperatureRecords { get; set; }

    /// <summary>Whether compaction has rolled up its temperature readings, so that the next pass need not read it for that again.</summary>
    public bool RolledUp { get; set; }

    public static OutboxSegment Create(string directory, long firstSeq, int generation = 0) =>
        new(firstSeq, generation, System.IO.Path.Combine(directory, FileName(firstSeq, generation) + Extension));

    public static bool TryParse(string path, out long firstSeq, out int generation)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path).Split('_');
        generation = 0;
        return long.TryParse(name[0], NumberStyles.None, CultureInfo.InvariantCulture, out firstSeq)
            && name.Length switch
            {
                1 => true,
                2 => int.TryParse(name[1], NumberStyles.None, CultureInfo.InvariantCulture, out generation),
                _ => false,
            };
    }

    /// <summary>The segment that compaction writes in place of this one.</summary>
    public OutboxSegment NextGeneration() => Create(System.IO.Path.GetDirectoryName(Path)!, FirstSeq, Generation + 1);

    private static string FileName(long firstSeq, int generation) =>
        generation == 0
            ? firstSeq.ToString("D20", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{firstSeq:D20}_{generation:D6}");
}
