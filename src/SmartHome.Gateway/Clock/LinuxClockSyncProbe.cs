using System.Runtime.InteropServices;

namespace SmartHome.Gateway.Clock;

/// <summary>
/// The kernel's view through <c>adjtimex(2)</c> (TIME_ERROR while STA_UNSYNC is set), or systemd-timesyncd's marker
/// file, which it creates once it synchronised. Elsewhere than on Linux the clock is taken as synchronised.
/// </summary>
internal sealed partial class LinuxClockSyncProbe : IClockSyncProbe
{
    public const string TimesyncdMarker = "/run/systemd/timesync/synchronized";

    private const int TimeError = 5;

    // struct timex is 208 bytes on 64-bit Linux; zeroed, its modes field asks for a read only.
    private const int TimexBytes = 512;

    public bool IsSynchronized()
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var timex = new byte[TimexBytes];
        return Adjtimex(ref timex[0]) is >= 0 and not TimeError || File.Exists(TimesyncdMarker);
    }

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static partial int Adjtimex(ref byte timex);
}
