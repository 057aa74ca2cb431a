using System.Net;
using MQTTnet.Server;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;
using SmartHome.Testing;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class UplinkTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _directory = new();
    private readonly int _port = FreePort.Next();
    private TestCertificates _trusted = null!;
    private MqttServer _broker = null!;
    private string? _clientCertificateSubject;

    public async Task InitializeAsync()
    {
        _trusted = new TestCertificates(_directory.Path, "trusted");
        var options = new MqttServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
            .WithEncryptedEndpointPort(_port)
            .WithEncryptionCertificate(_trusted.IssueServerCertificate())
            .WithClientCertificate((_, certificate, _, _) => certificate is not null, checkCertificateRevocation: false)
            .Build();
        _broker = new MqttServerFactory().CreateMqttServer(options);
        _broker.ValidatingConnectionAsync += args =>
        {
            _clientCertificateSubject = args.ClientCertificate?.Subject;
            return Task.CompletedTask;
        };
        await _broker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.StopAsync();
        _broker.Dispose();
        _trusted.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Connect_BrokerCertificateSignedByTheConfiguredCa_ConnectsWithTheClientCertificate()
    {
        var (certificateFile, keyFile) = _trusted.IssueClientCertificateFiles("gw-1");
        await using var sut = await UplinkHarness.StartAsync(_port, configure: uplink =>
        {
            uplink.UseTls = true;
            uplink.CaFile = _trusted.CaFile;
            uplink.ClientCertFile = certificateFile;
            uplink.ClientKeyFile = keyFile;
        });

        await Eventually.TrueAsync(() => sut.Connectivity.Current.State == UplinkState.Connected, Timeout, "the TLS uplink to connect");

        Assert.Equal("CN=gw-1", _clientCertificateSubject);
    }

    [Fact]
    public async Task Connect_BrokerCertificateFromAnotherCa_IsNotTrusted()
    {
        using var other = new TestCertificates(_directory.Path, "other");
        var (certificateFile, keyFile) = _trusted.IssueClientCertificateFiles("gw-1");
        await using var sut = await UplinkHarness.StartAsync(_port, configure: uplink =>
        {
            uplink.UseTls = true;
            uplink.CaFile = other.CaFile;
            uplink.ClientCertFile = certificateFile;
            uplink.ClientKeyFile = keyFile;
        });

        await Eventually.TrueAsync(() => sut.Metrics.Snapshot().Reconnects == 0 && sut.Connectivity.Current.LastError is not null, Timeout, "a refused attempt");

        Assert.NotEqual(UplinkState.Connected, sut.Connectivity.Current.State);
        Assert.Null(_clientCertificateSubject);
    }

    [Fact]
    public void IsTrusted_CertificateOfTheCaItself_IsAccepted()
    {
        Assert.True(CaChainValidator.IsTrusted(_trusted.Ca, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors, _trusted.Ca));
    }

    [Fact]
    public void IsTrusted_NameMismatch_IsRefusedEvenFromTheCa()
    {
        using var server = _trusted.IssueServerCertificate();

        Assert.False(CaChainValidator.IsTrusted(server, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch, _trusted.Ca));
    }

    [Fact]
    public void IsTrusted_CertificateFromAnotherCa_IsRefused()
    {
        using var other = new TestCertificates(_directory.Path, "other");
        using var server = other.IssueServerCertificate();

        Assert.False(CaChainValidator.IsTrusted(server, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors, _trusted.Ca));
    }
}
