namespace SmartHome.Testing;

/// <summary>A TLS listener for <see cref="MosquittoBroker"/>: the CA it trusts for client certificates, and its own PEM certificate and key.</summary>
public sealed record MosquittoTls(string CaFile, string CertificateFile, string KeyFile)
{
    /// <summary>Mutual TLS: a client without a certificate signed by <see cref="CaFile"/> is refused during the handshake.</summary>
    public bool RequireCertificate { get; init; }

    /// <summary>The client certificate's CN becomes the MQTT username, which ACLs then apply to.</summary>
    public bool UseIdentityAsUsername { get; init; }

    internal string ListenerConfig(int port) => $"""
        listener {port} 127.0.0.1
        cafile {CaFile}
        certfile {CertificateFile}
        keyfile {KeyFile}
        require_certificate {(RequireCertificate ? "true" : "false")}
        use_identity_as_username {(UseIdentityAsUsername ? "true" : "false")}
        """;
}
