using System.Net;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.UnitTests.Delivery;

public class NetworkAddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("::127.0.0.1")]
    [InlineData("::10.0.0.1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("fec0::1")]
    [InlineData("feff::1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.1.2.3")]
    [InlineData("239.255.255.250")]
    [InlineData("ff02::1")]
    [InlineData("fe80::1%1")]
    [InlineData("fc00::1")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:172.16.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::ffff:224.0.0.1")]
    public void IsPublic_NonPublicAddress_IsFalse(string address)
    {
        Assert.False(NetworkAddressClassifier.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("::8.8.8.8")]
    [InlineData("2002:808:808::1")]
    public void IsPublic_PublicAddress_IsTrue(string address)
    {
        Assert.True(NetworkAddressClassifier.IsPublic(IPAddress.Parse(address)));
    }
}
