using System.Globalization;
using System.Net.Http.Headers;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// The built cloud (<c>SmartHome.Cloud.dll</c>) as its own process on a free HTTP port, with an external broker and
/// a SQLite file the caller names: a test can SIGKILL it and start another on the same store and broker session.
/// </summary>
internal sealed class CloudProcess : IAsyncDisposable
{
    public const string AdminKey = "kill-test-admin-key-0123456789";
    private readonly DotnetProcess _process;

    private CloudProcess(DotnetProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => _process.Output;

    /// <summary>Starts the cloud and returns once its <c>/healthz</c> says healthy (store open, broker connected).</summary>
    /// <param name="settings">Configuration beyond the admin key and the HTTP port: the broker, the store, the worker.</param>
    /// <param name="patience">How long to wait for it to become healthy.</param>
    public static async Task<CloudProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan patience)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var process = DotnetProcess.Start(DotnetProcess.BuiltAssembly("SmartHome.Cloud"), settings.Concat(
        [
            new("urls", address.ToString()),
            new("SmartHome:Cloud:AdminKey", AdminKey),
        ]));
        var cloud = new CloudProcess(process, address);
        using var http = new HttpClient { BaseAddress = address };
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the cloud exited at start:\n{process.Output}");
                }

                try
                {
                    using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                    return health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, patience, "the cloud process to report healthy");
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }

        return cloud;
    }

    public HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>): no shutdown code runs.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
