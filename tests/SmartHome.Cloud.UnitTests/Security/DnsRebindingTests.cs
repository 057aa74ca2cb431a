using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Delivery;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Delivery;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Outbox;

namespace SmartHome.Cloud.UnitTests.Security;

public class DnsRebindingTests
{
    [Fact]
    public async Task Delivery_NamePublicAtRegistrationLoopbackAtDelivery_AttemptFailsWithReasonAndNothingConnects()
    {
        using var loopback = new TcpListener(IPAddress.Loopback, 0);
        loopback.Start();
        var url = new Uri($"https://hooks.partner.example:{((IPEndPoint)loopback.LocalEndpoint).Port}/shg");
        var dns = new FakeHostAddressResolver();
        dns.Answer(url.Host, "93.184.216.34");
        await using var sut = await CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "false",
            services: services => services.AddSingleton<IHostAddressResolver>(dns));
        var (partnerId, apiKey) = await sut.CreatePartnerAsync();
        // Registration's address check passes; its handshake would need the real internet, so the subscription is stored directly.
        var atRegistration = await sut.Service<WebhookUrlPolicy>().ValidateResolvedAsync(url, CancellationToken.None);
        await sut.Service<SubscriptionStore>().AddAsync(
            new SubscriptionRecord("sub_rebind", partnerId, ["shg.stock.*"], url.AbsoluteUri, false, SubscriptionStatus.Active, DateTimeOffset.UtcNow),
            StandardWebhookSigner.NewSecret(), CancellationToken.None);
        await WebhookDeliveryTests.ConsentAsync(sut, partnerId, "shg.stock.*");
        dns.Answer(url.Host, "127.0.0.1");

        await WebhookDeliveryTests.RaiseAsync(sut, TestEvents.StockLow(WebhookDeliveryTests.HouseholdId));

        var failed = await WebhookDeliveryTests.AssertDeliveryAsync(sut, apiKey, "failed", attempts: 1);
        Assert.Null(atRegistration);
        Assert.StartsWith(
            "the endpoint could not be reached: refused to connect to 'hooks.partner.example': it resolves only to non-public addresses (127.0.0.1)",
            failed.GetProperty("lastError").GetString(),
            StringComparison.Ordinal);
        Assert.False(loopback.Pending());
    }
}
