using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Broker;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Storage;

namespace SmartHome.Cloud.UnitTests.Ingest;

public sealed class IngestStoreFailureTests
{
    [Fact]
    public async Task Envelope_StoreFailsThenRecovers_LandsWithoutDisconnecting()
    {
        FlakyStoreProvider? store = null;
        await using var sut = await CloudTestHost.StartAsync(
            settings => settings["SmartHome:Cloud:Delivery:Worker:PollInterval"] = "00:01:00",
            services: services => services.AddSingleton<IStoreProvider>(sp =>
                store = new FlakyStoreProvider(new SqliteStoreProvider(sp.GetRequiredService<IOptions<StorageOptions>>()))));
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-flaky"));
        var states = new List<BrokerConnectionState>();
        sut.Service<BrokerConnectivity>().StateChanged += (_, state) => states.Add(state);
        store!.FailNextWrites(3);

        await sut.PublishAsync(TestEnvelopes.Envelope("home-flaky", 1, TestEnvelopes.Added("milk-1", "Milk")));

        await Wait.ForJsonAsync(
            async () =>
            {
                var twin = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household");
                return twin.GetProperty("inventory").EnumerateArray().Any(i => i.GetProperty("itemId").GetString() == "milk-1") ? twin : null;
            },
            "the envelope stored after the store recovered");
        Assert.Equal(3, store.FailuresThrown);
        Assert.Empty(states);
    }
}
