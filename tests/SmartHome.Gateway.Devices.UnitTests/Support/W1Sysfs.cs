namespace SmartHome.Gateway.Devices.UnitTests.Support;

/// <summary>Writes w1_slave files the way the kernel's w1_therm driver lays them out.</summary>
internal static class W1Sysfs
{
    public static string Slave(string crcLineEnd, string temperature) =>
        $"3c 01 4b 46 7f ff 04 10 f1 : crc=f1 {crcLineEnd}\n3c 01 4b 46 7f ff 04 10 f1 t={temperature}\n";

    public static void Write(string root, string deviceId, string contents)
    {
        var folder = Path.Combine(root, deviceId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "w1_slave"), contents);
    }
}
