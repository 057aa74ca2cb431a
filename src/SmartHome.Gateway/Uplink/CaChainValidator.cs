using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmartHome.Gateway.Uplink;

/// <summary>Trusts a broker certificate only when its chain ends at the configured CA, not at the system's roots.</summary>
internal static class CaChainValidator
{
    public static bool IsTrusted(X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        // A name mismatch or a missing certificate is never acceptable; chain errors are expected, since the
        // system does not know the CA, and are decided below.
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
