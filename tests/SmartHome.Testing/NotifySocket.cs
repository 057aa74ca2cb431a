using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace SmartHome.Testing;

/// <summary>
/// Plays systemd's side of sd_notify(3): a Unix datagram socket whose path goes into <c>NOTIFY_SOCKET</c>, collecting
/// every assignment (<c>READY=1</c>, <c>WATCHDOG=1</c>, …) the service sends.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly string _directory;
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly Task _receiving;

    public NotifySocket()
    {
        _directory = Directory.CreateTempSubdirectory("shg-notify-").FullName;
        Path = System.IO.Path.Combine(_directory, "notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _receiving = ReceiveAsync();
    }

    public string Path { get; }

    public int Count(string assignment) => _received.Count(line => line == assignment);

    public void Dispose()
    {
        _closing.Cancel();
        _socket.Dispose();
        _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        _closing.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        while (!_closing.IsCancellationRequested)
        {
            var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _closing.Token);
            foreach (var line in Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _received.Enqueue(line);
            }
        }
    }
}
