using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Gateway.Mqtt;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.Uplink;

/// <summary>Builds the MQTT 5 connection to the cloud broker from <see cref="UplinkOptions"/>, last will and TLS included.</summary>
internal static class UplinkClientOptions
{
    public const string JsonContentType = "application/json";

    /// <summary>
    /// How long the broker keeps the gateway's session (its subscription to the household's notifications and what
    /// arrives for it) while the gateway is away: a restart, a power cut or a night without internet.
    /// </summary>
    public static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(1);

    /// <summary>Loads the certificate files, so a bad file fails here, at start-up, rather than at every connect.</summary>
    public static MqttClientOptions Create(UplinkOptions uplink, GatewayIdentity identity, MqttConnectionTimings timings)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(timings);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(uplink.Host, uplink.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(MqttClientIds.Uplink(identity))
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(timings.KeepAlive)
            .WithTimeout(timings.ConnectTimeout)
            .WithWillTopic(GatewayStatusMessages.Topic(identity))
            .WithWillPayload(GatewayStatusMessages.Payload(identity, OnlineState.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(JsonContentType);
        if (!string.IsNullOrEmpty(uplink.Username))
        {
            builder.WithCredentials(uplink.Username, uplink.Password);
        }

        if (uplink.UseTls)
        {
            var tls = new MqttClientTlsOptionsBuilder().UseTls(true);
            if (!string.IsNullOrEmpty(uplink.CaFile))
            {
                var ca = X509CertificateLoader.LoadCertificateFromFile(uplink.CaFile);
                tls.WithCertificateValidationHandler(args => CaChainValidator.IsTrusted(args.Certificate, args.Chain, args.SslPolicyErrors, ca));
            }

            if (!string.IsNullOrEmpty(uplink.ClientCertFile))
            {
                tls.WithClientCertificates(new X509Certificate2Collection(LoadClientCertificate(uplink.ClientCertFile, uplink.ClientKeyFile)));
            }

            builder.WithTlsOptions(tls.Build());
        }

        return builder.Build();
    }

    private static X509Certificate2 LoadClientCertificate(string certificateFile, string? keyFile)
    {
        if (string.IsNullOrEmpty(keyFile))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password: null);
        }

        // A PEM key stays ephemeral, which TLS client authentication does not accept on every platform; a
        // round-trip through PKCS#12 gives the certificate a key it can use everywhere.
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
