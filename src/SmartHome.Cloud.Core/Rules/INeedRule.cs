using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>
/// One need-event type's rule. A rule reacts to what records changed, to the passing of time, or both, and keeps
/// what it already raised in the twin so it raises each situation once.
/// </summary>
internal interface INeedRule
{
    void OnChange(RuleContext context, TwinChange change)
    {
    }

    void Evaluate(RuleContext context, DateTimeOffset now)
    {
    }
}
