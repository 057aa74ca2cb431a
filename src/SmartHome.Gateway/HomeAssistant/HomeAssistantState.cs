using System.Globalization;
using System.Threading.Channels;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.ApplianceLink;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.HomeAssistant;

/// <summary>
/// What Home Assistant is shown of every appliance the gateway has seen: the latest temperature of each compartment,
/// the latest state of each door, the items in stock with their best-before, and the firmware; and the household's
/// last notification. Safe for concurrent use.
/// </summary>
internal sealed class HomeAssistantState(HomeAssistantTopics topics, DiscoveryConfigs configs, HomeAssistantOptions options) : IAcceptedRecordObserver
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, ApplianceView> _appliances = new(StringComparer.Ordinal);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _lastNotification;

    /// <summary>Signalled after every change; several changes before a read make one signal.</summary>
    public ChannelReader<bool> Changed => _changed.Reader;

    public void Accepted(TelemetryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!options.Enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (!_appliances.TryGetValue(record.Appliance, out var appliance))
            {
                appliance = new();
                _appliances.Add(record.Appliance, appliance);
            }

            appliance.Apply(record);
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Makes <paramref name="notification"/> the state of the "last notification" sensor.</summary>
    public void NotificationPublished(HouseholdNotification notification)
    {
        var payload = NotificationEvent.Payload(notification);
        lock (_gate)
        {
            _lastNotification = payload;
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Signals a change without a record, so that everything is looked at again.</summary>
    public void Touch() => _changed.Writer.TryWrite(true);

    /// <summary>The gateway's notification entities, then every discovery config and state, as of <paramref name="now"/> (local time: best-before dates are the household's).</summary>
    public IReadOnlyList<HomeAssistantMessage> Messages(DateTimeOffset now)
    {
        var expiringBy = DateOnly.FromDateTime((now + options.ExpiringWithin).DateTime);
        var messages = new List<HomeAssistantMessage>();
        if (options.Enabled)
        {
            messages.Add(configs.Notifications());
            messages.Add(configs.LastNotification());
        }

        lock (_gate)
        {
            if (_lastNotification is not null)
            {
                messages.Add(new(topics.LastNotificationState, _lastNotification));
            }

            foreach (var (id, appliance) in _appliances)
            {
                foreach (var (sensor, celsius) in appliance.Temperatures)
                {
                    messages.Add(configs.Temperature(id, sensor, appliance.Firmware));
                    messages.Add(new(topics.TemperatureState(id, sensor), celsius.ToString(CultureInfo.InvariantCulture)));
                }

                foreach (var (door, state) in appliance.Doors)
                {
                    messages.Add(configs.Door(id, door, appliance.Firmware));
                    messages.Add(new(topics.DoorState(id, door), state == DoorState.Open ? DiscoveryConfigs.DoorOpen : DiscoveryConfigs.DoorClosed));
                }

                messages.Add(configs.ItemsExpiring(id, appliance.Firmware));
                messages.Add(new(topics.ExpiringState(id), appliance.CountExpiringBy(expiringBy).ToString(CultureInfo.InvariantCulture)));
            }
        }

        return messages;
    }

    private sealed class ApplianceView
    {
        private readonly Dictionary<string, StockItem> _items = new(StringComparer.Ordinal);

        public SortedDictionary<string, double> Temperatures { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, DoorState> Doors { get; } = new(StringComparer.Ordinal);

        public string? Firmware { get; private set; }

        public void Apply(TelemetryRecord record)
        {
            switch (record.Kind)
            {
                case RecordKind.Temperature when record is { Sensor: { } sensor, Celsius: { } celsius }:
                    Temperatures[sensor] = celsius;
                    break;
                case RecordKind.Door when record is { Door: { } door, State: { } state }:
                    Doors[door] = state;
                    break;
                case RecordKind.Inventory when record is { ItemId: { } itemId, Op: { } op }:
                    ApplyInventory(itemId, op, record);
                    break;
                case RecordKind.Status when record.Firmware is { } firmware:
                    Firmware = firmware;
                    break;
            }
        }

        public int CountExpiringBy(DateOnly date) => _items.Values.Count(item => item.BestBefore <= date);

        private void ApplyInventory(string itemId, InventoryOp op, TelemetryRecord record)
        {
            _items.TryGetValue(itemId, out var item);
            switch (op)
            {
                case InventoryOp.Added:
                    _items[itemId] = new(record.Quantity ?? 1, record.BestBefore);
                    break;
                case InventoryOp.Removed:
                case InventoryOp.Consumed when record.Quantity is null || item is null || item.Quantity <= record.Quantity:
                    _items.Remove(itemId);
                    break;
                case InventoryOp.Consumed when item is not null:
                    _items[itemId] = item with { Quantity = item.Quantity - record.Quantity!.Value };
                    break;
                case InventoryOp.Opened or InventoryOp.Moved when item is not null && record.BestBefore is not null:
                    _items[itemId] = item with { BestBefore = record.BestBefore };
                    break;
            }
        }
    }

    private sealed record StockItem(double Quantity, DateOnly? BestBefore);
}
