using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Notifications;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary>A cloud on a fake clock, a local endpoint, and a householder of <see cref="HouseholdWebhookSteps.HouseholdId"/> whose webhook points at it.</summary>
internal sealed class HouseholdWebhookRig : IAsyncDisposable
{
    private HouseholdWebhookRig(FakeTimeProvider time, WebhookReceiver receiver, CloudTestHost cloud, HttpClient householder)
    {
        (Time, Receiver, Cloud, Householder) = (time, receiver, cloud, householder);
    }

    public FakeTimeProvider Time { get; }

    public WebhookReceiver Receiver { get; }

    public CloudTestHost Cloud { get; }

    public HttpClient Householder { get; }

    /// <summary>What the webhook's PUT answered; default when none was made.</summary>
    public JsonElement Webhook { get; private set; }

    /// <param name="webhook">The PUT body for the receiver's URL; none when null (the test sets it up itself).</param>
    /// <param name="answer">How the endpoint answers; 204 by default.</param>
    public static async Task<HouseholdWebhookRig> StartAsync(Func<Uri, object>? webhook, Func<WebhookAnswer>? answer = null)
    {
        var time = HouseholdWebhookSteps.NewClock();
        var receiver = await WebhookReceiver.StartAsync(answer ?? (() => new WebhookAnswer(204)));
        var cloud = await HouseholdWebhookSteps.StartAsync(time);
        var rig = new HouseholdWebhookRig(time, receiver, cloud, await HouseholdWebhookSteps.HouseholderAsync(cloud));
        // The clock starts at the real time of day: without quiet hours, whether a notification is held depends only
        // on the release_at a test gives it.
        using (var settings = await rig.Householder.PutAsJsonAsync("/api/v1/household/settings", new { notifications = new { quietHours = (object?)null } }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        if (webhook is not null)
        {
            rig.Webhook = await HouseholdWebhookSteps.PutWebhookAsync(rig.Householder, webhook(receiver.Url));
        }

        return rig;
    }

    public static Task<HouseholdWebhookRig> StartJsonAsync(Func<WebhookAnswer>? answer = null) =>
        StartAsync(url => new { url, format = "json" }, answer);

    /// <summary>Stores the notification, lets the dispatcher do what is due, and answers the JSON stored and the one request the endpoint got.</summary>
    public async Task<(string Stored, ReceivedWebhook Received)> SendOneAsync(HouseholdNotification notification)
    {
        var stored = await HouseholdWebhookSteps.StoreAsync(Cloud, notification);
        await HouseholdWebhookSteps.SettleAsync(Cloud);
        return (stored, Assert.Single(Receiver.Received));
    }

    public async ValueTask DisposeAsync()
    {
        Householder.Dispose();
        await Cloud.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
