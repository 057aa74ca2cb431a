using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class SeenNotificationsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string FilePath => Path.Combine(_directory.Path, SeenNotifications.FileName);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TryAdd_AfterARestart_RemembersTheIdsPassedOnBefore()
    {
        var id = Guid.NewGuid();
        Assert.True(new SeenNotifications(FilePath).TryAdd(id));

        var sut = new SeenNotifications(FilePath);

        Assert.False(sut.TryAdd(id));
        Assert.True(sut.TryAdd(Guid.NewGuid()));
    }

    [Fact]
    public void TryAdd_BeyondCapacity_ForgetsTheOldestOnly()
    {
        var sut = new SeenNotifications(FilePath);
        var ids = Enumerable.Range(0, SeenNotifications.Capacity + 1).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            Assert.True(sut.TryAdd(id));
        }

        var reloaded = new SeenNotifications(FilePath);

        Assert.False(reloaded.TryAdd(ids[^1]));
        Assert.False(reloaded.TryAdd(ids[1]));
        Assert.True(reloaded.TryAdd(ids[0]));
    }
}
