using System.Text.Json;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Hosting;

internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Polls until the probe finds the JSON it looks for.</summary>
    public static async Task<JsonElement> ForJsonAsync(Func<Task<JsonElement?>> probe, string what) =>
        (JsonElement)await Eventually.GetAsync<object>(async () => await probe() is { } found ? found : null, Timeout, what);
}
