using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartHome.Testing;

/// <summary>A throwaway CA and certificates it signs, written as PEM files the way an operator would deploy them.</summary>
public sealed class TestCertificates : IDisposable
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificates(string directory, string name)
    {
        Directory = directory;
        var request = new CertificateRequest($"CN={name} test CA", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CaFile = Path.Combine(directory, $"{name}-ca.pem");
        File.WriteAllText(CaFile, Ca.ExportCertificatePem());
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public string CaFile { get; }

    /// <summary>A server certificate for 127.0.0.1 and localhost, with its private key, usable by an in-process TLS listener.</summary>
    public X509Certificate2 IssueServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Issue(ServerRequest(key), key);
    }

    /// <summary>A server certificate for 127.0.0.1 and localhost as PEM certificate and key files, for a broker such as Mosquitto.</summary>
    public (string CertificateFile, string KeyFile) IssueServerCertificateFiles(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return WritePemFiles(name, ServerRequest(key), key);
    }

    /// <summary>A client certificate with subject <c>CN={name}</c> written as PEM certificate and PEM key files; returns their paths.</summary>
    public (string CertificateFile, string KeyFile) IssueClientCertificateFiles(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthentication)], false));
        return WritePemFiles(name, request, key);
    }

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }

    private static CertificateRequest ServerRequest(ECDsa key)
    {
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        return request;
    }

    private (string CertificateFile, string KeyFile) WritePemFiles(string name, CertificateRequest request, ECDsa key)
    {
        using var certificate = Issue(request, key);
        var certificateFile = Path.Combine(Directory, $"{name}.crt.pem");
        var keyFile = Path.Combine(Directory, $"{name}.key.pem");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }

    private X509Certificate2 Issue(CertificateRequest request, ECDsa key)
    {
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }
}
