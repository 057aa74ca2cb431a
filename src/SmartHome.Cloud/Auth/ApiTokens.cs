using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SmartHome.Cloud.Auth;

/// <summary>
/// Partner API keys (<c>shp_</c>) and householder tokens (<c>shh_</c>): 32 random bytes, base64url, behind a prefix
/// that tells them apart (and lets secret scanners find them). Only their SHA-256 is stored: random keys of this
/// length need no salt or slow hash.
/// </summary>
public static class ApiTokens
{
    public const string PartnerPrefix = "shp_";
    public const string HouseholderPrefix = "shh_";
    private const int RandomBytes = 32;

    public static string NewPartnerKey() => PartnerPrefix + NewRandom();

    public static string NewHouseholderToken() => HouseholderPrefix + NewRandom();

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static string NewRandom() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));
}
