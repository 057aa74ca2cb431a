using System.Diagnostics;
using SmartHome.Testing;

namespace SmartHome.IntegrationTests;

/// <summary>
/// deploy/broker's Mosquitto configuration and ACL in a real Mosquitto, with only the listener's port and the file
/// paths changed and the TLS listener left out. Each account's password is <see cref="PasswordOf"/> its name.
/// </summary>
internal static class DeployedBroker
{
    /// <param name="extraAcl">Lines appended to the ACL, as an operator adds a block per provisioned account.</param>
    /// <param name="accounts">The usernames to provision in the password file.</param>
    public static Task<MosquittoBroker> StartAsync(string extraAcl, params string[] accounts) =>
        MosquittoBroker.StartWithConfigAsync((port, directory) =>
        {
            WritePasswords(directory, accounts);
            File.WriteAllText(Path.Combine(directory, "acl"), File.ReadAllText(DeployFile("acl")) + "\n" + extraAcl);
            return File.ReadAllText(DeployFile("mosquitto.conf"))
                .Replace("/etc/mosquitto/shg/passwd", Path.Combine(directory, "passwd"), StringComparison.Ordinal)
                .Replace("/etc/mosquitto/shg/acl", Path.Combine(directory, "acl"), StringComparison.Ordinal)
                .Replace("persistence_location /var/lib/mosquitto/", $"persistence_location {directory}/", StringComparison.Ordinal)
                .Replace("listener 1883 127.0.0.1", $"listener {port} 127.0.0.1", StringComparison.Ordinal)
                .Replace("include_dir /etc/mosquitto/shg/listeners", string.Empty, StringComparison.Ordinal);
        });

    public static string DeployFile(string name) => Path.Combine(RepositoryPaths.Root, "deploy", "broker", name);

    public static string PasswordOf(string username) => "pw-" + username;

    private static void WritePasswords(string directory, string[] accounts)
    {
        var file = Path.Combine(directory, "passwd");
        File.WriteAllText(file, string.Empty);
        foreach (var username in accounts)
        {
            // As an operator provisions an account (README.md): mosquitto_passwd hashes the password into the file.
            using var process = Process.Start("mosquitto_passwd", ["-b", file, username, PasswordOf(username)]);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }
    }
}
