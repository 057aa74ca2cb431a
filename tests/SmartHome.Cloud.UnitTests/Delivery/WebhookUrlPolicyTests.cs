using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class WebhookUrlPolicyTests
{
    private static WebhookUrlPolicy Policy(bool allowPrivate) =>
        new(new StaticOptionsMonitor<DeliveryOptions>(new DeliveryOptions { AllowPrivateNetworks = allowPrivate }));

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
