using System.Text.Json;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Contracts.UnitTests.Notifications;

public sealed class NotificationSeverityNamesTests
{
    [Fact]
    public void Name_EverySeverity_IsItsNameInTheNotificationsJson()
    {
        foreach (var severity in Enum.GetValues<NotificationSeverity>())
        {
            var json = JsonSerializer.Serialize(severity, ContractsJsonContext.Default.NotificationSeverity);

            Assert.Equal(json, $"\"{severity.Name()}\"");
        }
    }
}
