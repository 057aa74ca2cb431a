using SmartHome.Contracts.ApplianceLink;
using SmartHome.FirmwareSim.Simulation;

namespace SmartHome.FirmwareSim.Household;

/// <summary>
/// A household living by a <see cref="HouseholdProfile"/>: meals take portions (opening sealed packs first), dinner
/// may leave leftovers that are eaten later unless forgotten, shopping trips restock what ran low and buy extras,
/// and a clear-out before each trip throws away what is well past its best-before.
/// </summary>
internal sealed class RoutineHousehold : IHousehold
{
    private const double ChanceOfEatingLeftovers = 0.7;
    private const double ChanceOfASnackFromTheFridge = 0.6;
    private const int ClearOutDaysPastBestBefore = 2;
    private static readonly TimeSpan FirstUseAfterOpening = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LatestCatchUp = TimeSpan.FromMinutes(10);

    private readonly HouseholdStock _stock;
    private readonly Random _random;
    private readonly HouseholdProfile _profile;
    private readonly DayPlanner _planner;
    private readonly Queue<PlannedOpening> _plan = new();
    private readonly List<Product> _shoppingBag = [];
    private readonly List<StockItem> _candidates = [];
    private DateOnly _plannedDay;
    private PlannedOpening _current;

    public RoutineHousehold(HouseholdStock stock, Random random, HouseholdProfile profile, DateTimeOffset start)
    {
        _stock = stock;
        _random = random;
        _profile = profile;
        _planner = new DayPlanner(profile, random);
        _plannedDay = LocalDay(start).AddDays(-1);
    }

    public DateTimeOffset NextOpeningAt(DateTimeOffset notBefore)
    {
        // An opening a little late (the door was in use) comes as soon as it is free; one long missed is skipped.
        while (_plan.Count == 0 || _plan.Peek().At < notBefore - LatestCatchUp)
        {
            if (_plan.Count == 0)
            {
                PlanNextDay(notBefore);
            }
            else
            {
                _plan.Dequeue();
            }
        }

        var at = _plan.Peek().At;
        return at >= notBefore ? at : notBefore;
    }

    public FridgeVisit Open(DateTimeOffset now)
    {
        _current = _plan.Dequeue();
        var (shortest, longest, changesStock) = _current.Errand switch
        {
            Errand.TakeOut => (15, 45, true),
            Errand.TakeMore => (6, 20, true),
            Errand.PutBack => (8, 25, _current.Meal == Meal.Dinner),
            Errand.Snack => (6, 25, _random.NextChance(ChanceOfASnackFromTheFridge)),
            Errand.ClearOutAndUnpack => (45, 100, true),
            _ => (30, 70, true),
        };
        var openFor = _random.NextBetween(TimeSpan.FromSeconds(shortest), TimeSpan.FromSeconds(longest));
        return new(openFor, changesStock ? _random.NextBetween(FirstUseAfterOpening, openFor - TimeSpan.FromSeconds(1)) : null);
    }

    public void Use(DateTimeOffset now, List<InventoryChange> changes)
    {
        var today = LocalDay(now);
        switch (_current.Errand)
        {
            case Errand.TakeOut:
                Eat(_current.Meal, today, dishes: _current.Meal == Meal.Dinner ? 3 : 2, changes);
                break;
            case Errand.TakeMore:
            case Errand.Snack:
                Eat(_current.Meal, today, dishes: 1, changes);
                break;
            case Errand.PutBack:
                PutLeftoversAway(today, changes);
                break;
            case Errand.ClearOutAndUnpack:
                ClearOut(today, changes);
                FillShoppingBag(_current.Trip!);
                Unpack(_current.Trip!.Big ? (_shoppingBag.Count + 1) / 2 : _shoppingBag.Count, today, changes);
                break;
            default:
                Unpack(_shoppingBag.Count, today, changes);
                break;
        }
    }

    private void PlanNextDay(DateTimeOffset notBefore)
    {
        _plannedDay = _plannedDay.AddDays(1);
        foreach (var opening in _planner.Plan(_plannedDay))
        {
            if (opening.At >= notBefore)
            {
                _plan.Enqueue(opening);
            }
        }
    }

    private void Eat(Meal meal, DateOnly today, int dishes, List<InventoryChange> changes)
    {
        if (dishes > 1 && meal != Meal.Breakfast && RememberedLeftovers(today) is { } leftovers && _random.NextChance(ChanceOfEatingLeftovers))
        {
            _stock.Use(leftovers, leftovers.Product.Portion * _profile.People, changes);
            dishes -= 2;
        }

        for (var i = 0; i < dishes; i++)
        {
            if (Pick(meal, today) is not { } item)
            {
                return;
            }

            _stock.Use(item, Math.Round(item.Product.Portion * _profile.People * _random.NextBetween(0.5, 1.0), 3), changes);
        }
    }

    private StockItem? RememberedLeftovers(DateOnly today)
    {
        foreach (var item in _stock.Items)
        {
            if (item.Product.MadeAtHome && !item.Forgotten && item.BestBefore >= today)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Something in date for the meal; of a product with an opened pack, that pack.</summary>
    private StockItem? Pick(Meal meal, DateOnly today)
    {
        _candidates.Clear();
        foreach (var item in _stock.Items)
        {
            if (!item.Product.MadeAtHome && item.BestBefore >= today && item.Product.EatenAt(meal))
            {
                _candidates.Add(item);
            }
        }

        if (_candidates.Count == 0)
        {
            return null;
        }

        var picked = _candidates[_random.Next(_candidates.Count)];
        foreach (var item in _candidates)
        {
            if (item.Product == picked.Product && item.Opened)
            {
                return item;
            }
        }

        return picked;
    }

    private void PutLeftoversAway(DateOnly today, List<InventoryChange> changes)
    {
        if (!_random.NextChance(_profile.LeftoversChance))
        {
            return;
        }

        var dish = ProductCatalog.Leftovers[_random.Next(ProductCatalog.Leftovers.Count)];
        var quantity = Math.Round(dish.PackQuantity * _random.NextBetween(0.4, 1.0), 3);
        var item = _stock.Add(dish, quantity, dish.BestBeforeFrom(today, _random));
        item.Forgotten = _random.NextChance(_profile.ForgottenLeftoversChance);
        changes.Add(InventoryChanges.Added(item));
    }

    private void ClearOut(DateOnly today, List<InventoryChange> changes)
    {
        var lastKept = today.AddDays(-ClearOutDaysPastBestBefore);
        for (var i = _stock.Items.Count - 1; i >= 0; i--)
        {
            if (_stock.Items[i].BestBefore <= lastKept)
            {
                _stock.Remove(_stock.Items[i], changes);
            }
        }
    }

    /// <summary>Staples that are out or low; on a big shop, a pack per two people and a few extras, on a top-up a fresh extra or two.</summary>
    private void FillShoppingBag(ShoppingTrip trip)
    {
        _shoppingBag.Clear();
        var packs = trip.Big ? Math.Max(1, (_profile.People + 1) / 2) : 1;
        foreach (var product in ProductCatalog.Packaged)
        {
            if (product.Staple && OnHand(product) < product.Portion * _profile.People * 2)
            {
                for (var i = 0; i < packs; i++)
                {
                    _shoppingBag.Add(product);
                }
            }
        }

        var extras = trip.Big ? _random.Next(4, 8) : _random.Next(0, 3);
        for (var i = 0; i < extras; i++)
        {
            var product = ProductCatalog.Packaged[_random.Next(ProductCatalog.Packaged.Count)];
            if (!product.Staple && !_shoppingBag.Contains(product))
            {
                _shoppingBag.Add(product);
            }
        }
    }

    private double OnHand(Product product)
    {
        var total = 0.0;
        foreach (var item in _stock.Items)
        {
            if (item.Product == product && !item.Forgotten)
            {
                total += item.Quantity;
            }
        }

        return total;
    }

    private void Unpack(int count, DateOnly today, List<InventoryChange> changes)
    {
        for (var i = 0; i < count; i++)
        {
            _stock.Buy(_shoppingBag[i], today, _random, changes);
        }

        _shoppingBag.RemoveRange(0, count);
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(_profile.UtcOffset).DateTime);
}
