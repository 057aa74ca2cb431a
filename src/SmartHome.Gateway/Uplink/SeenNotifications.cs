using System.Globalization;
using System.Text;
using SmartHome.Gateway.Outbox;

namespace SmartHome.Gateway.Uplink;

/// <summary>
/// The ids of the last <see cref="Capacity"/> notifications passed on, so that a notification delivered again (QoS 1
/// redelivery, the cloud publishing again after a crash) is passed on once. Kept in a small file beside the outbox,
/// one id per line, so that a gateway restarting on a persistent session does not pass on again what the broker
/// redelivers. Safe for concurrent use.
/// </summary>
internal sealed class SeenNotifications
{
    public const string FileName = "notifications-seen.txt";
    public const int Capacity = 512;

    private readonly Lock _gate = new();
    private readonly string? _path;
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<Guid> _order = new();

    /// <summary>Remembers in memory only when <paramref name="path"/> is null.</summary>
    public SeenNotifications(string? path)
    {
        _path = path;
        if (path is not null && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (Guid.TryParseExact(line, "D", out var id))
                {
                    Remember(id);
                }
            }
        }
    }

    /// <summary>Remembers <paramref name="id"/>; false when it was remembered already.</summary>
    public bool TryAdd(Guid id)
    {
        lock (_gate)
        {
            if (_ids.Contains(id))
            {
                return false;
            }

            Remember(id);
            if (_path is not null)
            {
                var text = new StringBuilder(_order.Count * 37);
                foreach (var remembered in _order)
                {
                    text.Append(remembered.ToString("D", CultureInfo.InvariantCulture)).Append('\n');
                }

                AtomicFile.Replace(_path, stream => stream.Write(Encoding.ASCII.GetBytes(text.ToString())));
            }

            return true;
        }
    }

    private void Remember(Guid id)
    {
        if (!_ids.Add(id))
        {
            return;
        }

        _order.Enqueue(id);
        if (_order.Count > Capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }
}
