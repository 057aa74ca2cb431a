using System.Diagnostics;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Security;

/// <summary>
/// The Standard Webhooks reference implementation (npm <c>standardwebhooks</c>) run by node on a request the cloud
/// sent: <c>tests/webhook-verifier/verify.mjs</c>, whose packages test.sh installs with <c>npm ci</c>.
/// </summary>
internal static class ReferenceVerifier
{
    private static readonly string Directory = Path.Combine(RepositoryPaths.Root, "tests", "webhook-verifier");

    /// <summary>What the verifier said: "verified", or its complaint.</summary>
    public static async Task<(bool Verified, string Output)> VerifyAsync(string secret, ReceivedWebhook request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "standardwebhooks")))
        {
            throw new InvalidOperationException($"the reference verifier is not installed: run 'npm ci' in {Directory} (test.sh does)");
        }

        var input = JsonSerializer.Serialize(new
        {
            secret,
            headers = new Dictionary<string, string>
            {
                ["webhook-id"] = request.Id,
                ["webhook-timestamp"] = request.Timestamp,
                ["webhook-signature"] = request.Signature,
            },
            body = request.Body,
        });
        using var node = Process.Start(new ProcessStartInfo("node", "verify.mjs")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode == 0, (output + errors).Trim());
    }
}
