using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookUrlPolicyTests
{
    private static WebhookUrlPolicy Policy(bool allowPrivate, IHostAddressResolver? resolver = null) =>
        new(new StaticOptionsMonitor<DeliveryOptions>(new DeliveryOptions { AllowPrivateNetworks = allowPrivate }), resolver ?? new DnsHostAddressResolver());

    [Theory]
    [InlineData("http://partner.example/hook", "https")]
    [InlineData("ftp://partner.example/hook", "https")]
    [InlineData("https://user:pw@partner.example/hook", "credentials")]
    [InlineData("https://127.0.0.1/hook", "non-public")]
    [InlineData("https://[::1]/hook", "non-public")]
    [InlineData("https://169.254.169.254/latest/meta-data", "non-public")]
    [InlineData("https://10.0.0.5:8443/hook", "non-public")]
    public void Validate_UnsafeUrl_ReturnsReason(string url, string expectedWord)
    {
        var reason = Policy(allowPrivate: false).Validate(new Uri(url));

        Assert.NotNull(reason);
        Assert.Contains(expectedWord, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://2130706433/hook")]               // 127.0.0.1 as one decimal number
    [InlineData("https://017700000001/hook")]             // ... as one octal number
    [InlineData("https://0x7f000001/hook")]               // ... as one hex number
    [InlineData("https://0177.0.0.1/hook")]               // octal first part
    [InlineData("https://0x7f.1/hook")]                   // hex, short form
    [InlineData("https://127.1/hook")]                    // short form
    [InlineData("https://127.0.0.1./hook")]               // trailing dot: a fully qualified "name"
    [InlineData("https://0/hook")]                        // 0.0.0.0
    [InlineData("https://0xa9fea9fe/latest/meta-data")]   // the metadata service, 169.254.169.254
    [InlineData("https://[::ffff:7f00:1]/hook")]          // IPv4-mapped IPv6, hex
    [InlineData("https://[::ffff:169.254.169.254]/hook")] // IPv4-mapped IPv6, dotted
    [InlineData("https://[0:0:0:0:0:ffff:a00:1]/hook")]   // IPv4-mapped 10.0.0.1, written out
    [InlineData("https://[fe80::1%25eth0]/hook")]         // link-local with a zone id
    [InlineData("https://[fd00::1]/hook")]                // unique local
    [InlineData("https://[::]/hook")]                     // the unspecified address
    public void Validate_AddressLiteralInDisguise_IsRefusedAsNonPublic(string url)
    {
        var reason = Policy(allowPrivate: false, new FakeHostAddressResolver()).Validate(new Uri(url));

        Assert.NotNull(reason);
        Assert.Contains("non-public", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://partner.example@127.0.0.1/hook")]
    [InlineData("https://127.0.0.1@partner.example/hook")]
    [InlineData("https://:@partner.example/hook")]
    [InlineData("https://user@partner.example/hook")]
    public void Validate_UserInfo_IsRefused(string url)
    {
        var reason = Policy(allowPrivate: false, new FakeHostAddressResolver()).Validate(new Uri(url));

        Assert.Equal("the webhook URL must not carry credentials", reason);
    }

    [Theory]
    [InlineData("https://partner.example./hook", "partner.example")]
    [InlineData("https://PARTNER.example/hook", "partner.example")]
    public async Task ValidateResolvedAsync_NameSpelledDifferently_ResolvesTheSameName(string url, string name)
    {
        var dns = new FakeHostAddressResolver();
        dns.Answer(name, "10.0.0.7");

        var reason = await Policy(allowPrivate: false, dns).ValidateResolvedAsync(new Uri(url), CancellationToken.None);

        Assert.Equal($"the webhook host '{new Uri(url).IdnHost}' resolves to a non-public address (10.0.0.7)", reason);
    }

    [Fact]
    public async Task ValidateResolvedAsync_OneOfSeveralAddressesPrivate_IsRefused()
    {
        var dns = new FakeHostAddressResolver();
        dns.Answer("partner.example", "93.184.216.34", "::ffff:192.168.0.1");

        var reason = await Policy(allowPrivate: false, dns).ValidateResolvedAsync(new Uri("https://partner.example/hook"), CancellationToken.None);

        Assert.Contains("non-public address (::ffff:192.168.0.1)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateResolvedAsync_PublicName_Accepts()
    {
        var dns = new FakeHostAddressResolver();
        dns.Answer("partner.example", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");

        Assert.Null(await Policy(allowPrivate: false, dns).ValidateResolvedAsync(new Uri("https://partner.example/hook"), CancellationToken.None));
    }

    [Fact]
    public void Validate_PublicHttpsUrl_Accepts()
    {
        Assert.Null(Policy(allowPrivate: false).Validate(new Uri("https://93.184.216.34/hooks/shg")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://192.168.1.10/hook")]
    public void Validate_PrivateUrlWhenAllowed_Accepts(string url)
    {
        Assert.Null(Policy(allowPrivate: true).Validate(new Uri(url)));
    }

    [Fact]
    public async Task ValidateResolvedAsync_NameResolvingToLoopback_ReturnsReason()
    {
        var reason = await Policy(allowPrivate: false).ValidateResolvedAsync(new Uri("https://localhost/hook"), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.Contains("non-public", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateResolvedAsync_UnresolvableName_ReturnsReason()
    {
        var reason = await Policy(allowPrivate: false).ValidateResolvedAsync(new Uri("https://no-such-host.invalid/hook"), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.Contains("does not resolve", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateResolvedAsync_HostLongerThanDnsAllows_SaysItDoesNotResolve()
    {
        var label = new string('a', 63);
        var host = string.Join('.', Enumerable.Repeat(label, 5)) + ".example";

        var reason = await Policy(allowPrivate: false).ValidateResolvedAsync(new Uri($"https://{host}/hook"), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.Contains("does not resolve", reason, StringComparison.Ordinal);
    }
}
