using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.Notifications;

/// <summary>Counts the open notification streams per household, so a buggy tab opening stream after stream cannot exhaust the server.</summary>
internal sealed class NotificationStreamSlots(IOptions<NotificationStreamOptions> options)
{
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>A slot for one more stream of the household, given back when disposed; null when it has all it may have.</summary>
    public IDisposable? TryTake(string householdId)
    {
        lock (open)
        {
            var count = open.GetValueOrDefault(householdId);
            if (count >= options.Value.MaxPerHousehold)
            {
                return null;
            }

            open[householdId] = count + 1;
        }

        return new Slot(this, householdId);
    }

    private void Release(string householdId)
    {
        lock (open)
        {
            if (--open[householdId] == 0)
            {
                open.Remove(householdId);
            }
        }
    }

    private sealed class Slot(NotificationStreamSlots slots, string householdId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slots.Release(householdId);
            }
        }
    }
}
