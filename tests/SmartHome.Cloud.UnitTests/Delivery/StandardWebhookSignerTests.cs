using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class StandardWebhookSignerTests
{
    // The test vector published with the Standard Webhooks specification.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = "{\"test\": 2432232314}";
    private const string ExpectedSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_SpecTestVector_MatchesPublishedSignature()
    {
        Assert.Equal(ExpectedSignature, StandardWebhookSigner.Sign(Secret, MessageId, Timestamp, Body));
    }

    [Fact]
    public void Verify_SpecTestVector_Accepts()
    {
        Assert.True(StandardWebhookSigner.Verify(Secret, MessageId, Timestamp, Body, ExpectedSignature));
    }

    [Theory]
    [InlineData("msg_other", Timestamp, Body)]
    [InlineData(MessageId, Timestamp + 1, Body)]
    [InlineData(MessageId, Timestamp, "{\"test\":2432232314}")]
    public void Verify_AnyPartChanged_Rejects(string id, long timestamp, string body)
    {
        Assert.False(StandardWebhookSigner.Verify(Secret, id, timestamp, body, ExpectedSignature));
    }

    [Fact]
    public void Verify_SeveralSignaturesDuringRotation_AcceptsWhenOneMatches()
    {
        var other = StandardWebhookSigner.Sign(StandardWebhookSigner.NewSecret(), MessageId, Timestamp, Body);

        Assert.True(StandardWebhookSigner.Verify(Secret, MessageId, Timestamp, Body, $"{other} {ExpectedSignature}"));
    }

    [Fact]
    public void Sign_TwoSecrets_OneSpaceSeparatedEntryPerSecretEachVerifying()
    {
        var newSecret = StandardWebhookSigner.NewSecret();

        var sut = StandardWebhookSigner.Sign([newSecret, Secret], MessageId, Timestamp, Body);

        Assert.Equal($"{StandardWebhookSigner.Sign(newSecret, MessageId, Timestamp, Body)} {ExpectedSignature}", sut);
        Assert.True(StandardWebhookSigner.Verify(newSecret, MessageId, Timestamp, Body, sut));
        Assert.True(StandardWebhookSigner.Verify(Secret, MessageId, Timestamp, Body, sut));
        Assert.False(StandardWebhookSigner.Verify(StandardWebhookSigner.NewSecret(), MessageId, Timestamp, Body, sut));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not-base64!")]
    [InlineData("v1,AAAA")]
    public void Verify_MalformedHeader_Rejects(string header)
    {
        Assert.False(StandardWebhookSigner.Verify(Secret, MessageId, Timestamp, Body, header));
    }

    [Fact]
    public void NewSecret_Always_IsPrefixedBase64OfThirtyTwoBytesAndUnique()
    {
        var sut = StandardWebhookSigner.NewSecret();

        Assert.StartsWith("whsec_", sut, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(sut["whsec_".Length..]).Length);
        Assert.NotEqual(sut, StandardWebhookSigner.NewSecret());
    }
}
