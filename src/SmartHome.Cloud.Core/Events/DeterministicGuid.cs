using System.Security.Cryptography;
using System.Text;

namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 8, SHA-256 as in its appendix B.2): the same namespace and name always give
/// the same id, which is what makes re-raising an event or re-composing a notification idempotent downstream.
/// </summary>
internal static class DeterministicGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
