using SmartHome.Cloud.Core;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.UnitTests.Core;

public class UnsafeOptionsTests
{
    [Fact]
    public void Validate_UnsafeThresholdsOutOfRange_NameTheirFullKeys()
    {
        var sut = new FullKeyValidator<CoreOptions>(new CoreOptionsValidator(), "SmartHome:Cloud:Core");

        var result = sut.Validate(null, new CoreOptions { UnsafeAboveCelsius = 20, UnsafeAfter = TimeSpan.FromMinutes(1) });

        Assert.Equal(2, result.Failures!.Count(f => f.StartsWith("SmartHome:Cloud:Core:Unsafe", StringComparison.Ordinal)));
        Assert.True(sut.Validate(null, new CoreOptions()).Succeeded);
    }
}
