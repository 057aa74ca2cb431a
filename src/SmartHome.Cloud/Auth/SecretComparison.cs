using System.Security.Cryptography;
using System.Text;

namespace SmartHome.Cloud.Auth;

internal static class SecretComparison
{
    /// <summary>Compares two secrets in constant time: hashing first makes the time independent of both lengths.</summary>
    public static bool AreEqual(string? expected, string? presented) =>
        expected is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
