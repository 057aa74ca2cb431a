using System.Globalization;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Core.Rules;

/// <summary><c>shg.stock.low.v1</c>: an item was consumed down to nothing. Once per item (it leaves the inventory).</summary>
internal sealed class StockLowRule : INeedRule
{
    public void OnChange(RuleContext context, TwinChange change)
    {
        if (change is not ItemRanOut { Item: var item } ranOut)
        {
            return;
        }

        context.Raise(
            NeedEventTypes.StockLow,
            Subjects.Item(item.ItemId),
            item.AddedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ranOut.At,
            new StockLowData
            {
                Name = item.DisplayName,
                Category = item.Category,
                Barcode = item.Barcode,
                Quantity = 0,
                Unit = item.Unit,
            },
            ContractsJsonContext.Default.StockLowData);
    }
}
