using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Delivery;

namespace SmartHome.Cloud.Options;

[OptionsValidator]
internal sealed partial class CloudOptionsValidator : IValidateOptions<CloudOptions>;

[OptionsValidator]
internal sealed partial class BrokerOptionsValidator : IValidateOptions<BrokerOptions>;

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

[OptionsValidator]
internal sealed partial class RulesOptionsValidator : IValidateOptions<RulesOptions>;

[OptionsValidator]
internal sealed partial class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>;

[OptionsValidator]
internal sealed partial class DeliveryWorkerOptionsValidator : IValidateOptions<DeliveryWorkerOptions>;

[OptionsValidator]
internal sealed partial class NotificationOptionsValidator : IValidateOptions<NotificationOptions>;

[OptionsValidator]
internal sealed partial class NotificationWebhookOptionsValidator : IValidateOptions<NotificationWebhookOptions>;

[OptionsValidator]
internal sealed partial class CoreOptionsValidator : IValidateOptions<CoreOptions>;

[OptionsValidator]
internal sealed partial class NotificationStreamOptionsValidator : IValidateOptions<NotificationStreamOptions>;
