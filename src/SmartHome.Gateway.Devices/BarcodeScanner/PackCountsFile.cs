using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>
/// The scanner's pack counts on disk (a JSON object from item id to count), so that an add after a restart reports
/// the right number. Written whole to a temporary file that then replaces the old one: a power cut leaves the old or
/// the new counts, never half of them. Scans come at human pace, so a write per scan costs the SD card nothing.
/// </summary>
public static class PackCountsFile
{
    /// <summary>The counts in <paramref name="path"/>; none when it does not exist. Throws <see cref="InvalidDataException"/> when it is not a counts file.</summary>
    public static Dictionary<string, int> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            using var file = File.OpenRead(path);
            var counts = JsonSerializer.Deserialize(file, PackCountsJsonContext.Default.DictionaryStringInt32);
            return new(counts?.Where(c => c.Value > 0) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"pack counts file {path} is not valid: {ex.Message}", ex);
        }
    }

    public static void Save(string path, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(counts);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, counts.Where(c => c.Value > 0).ToDictionary(), PackCountsJsonContext.Default.DictionaryStringInt32);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class PackCountsJsonContext : JsonSerializerContext;
