using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Household;

namespace SmartHome.FirmwareSim.UnitTests.Household;

/// <summary>Three simulated weeks of a household living by its profile, seen through the fridge's messages.</summary>
public sealed class HouseholdRoutineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Offset = TimeSpan.FromHours(1);
    private static readonly TimeSpan ThreeWeeks = TimeSpan.FromDays(21);

    private static readonly HouseholdProfile NoSnacks = new() { UtcOffset = Offset, SnackOpeningsPerWakingHour = 0 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ShoppingTrips_OnShoppingDays_AddItemsWithBestBeforeWithinTheirProductsRange(int seed)
    {
        var inventory = Inventory(Run(seed, new HouseholdProfile { UtcOffset = Offset }));

        var bought = inventory.Where(c => c.Op == InventoryOp.Added && c.Barcode is not null && c.At > Start).ToList();

        Assert.True(bought.Count >= 20, $"only {bought.Count} packs bought in three weeks");
        Assert.All(bought, change =>
        {
            var day = LocalDay(change.At!.Value);
            Assert.Contains(day.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Wednesday });
            var range = ProductOf(change.ItemId).BestBeforeDays;
            Assert.InRange(change.BestBefore!.Value, day.AddDays(range.Min), day.AddDays(range.Max));
        });
        Assert.Equal(3, bought.Where(c => LocalDay(c.At!.Value).DayOfWeek == DayOfWeek.Saturday).Select(c => LocalDay(c.At!.Value)).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void DoorOpenings_WithoutSnacks_MostlyFallInMealWindowsAndNeverAtNight(int seed)
    {
        var opens = Doors(Run(seed, NoSnacks)).Where(d => d.State == DoorState.Open).Select(d => LocalTime(d.At!.Value)).ToList();

        Assert.True(opens.Count >= 21 * 5, $"only {opens.Count} openings in three weeks");
        var inMeals = opens.Count(t => new[] { NoSnacks.Breakfast, NoSnacks.Lunch, NoSnacks.Dinner }.Any(w => t >= w.Start && t <= w.End));
        Assert.True(inMeals >= opens.Count * 0.8, $"{inMeals} of {opens.Count} openings in meal windows");
        Assert.DoesNotContain(opens, IsNight);
    }

    [Fact]
    public void DoorOpenings_WithSnacks_ComeWhileAwakeOnly()
    {
        var opens = Doors(Run(4, new HouseholdProfile { UtcOffset = Offset, SnackOpeningsPerWakingHour = 2 })).Where(d => d.State == DoorState.Open).Select(d => LocalTime(d.At!.Value)).ToList();

        Assert.True(opens.Count >= 21 * 25, $"only {opens.Count} openings in three weeks with two snacks an hour");
        Assert.DoesNotContain(opens, IsNight);
    }

    [Fact]
    public void Meals_OpenSealedPacksAndConsumeItemsTheyAreEatenAt()
    {
        var messages = Run(5, NoSnacks);
        var inventory = Inventory(messages);

        var breakfast = inventory.Where(c => c.At > Start && InWindow(c.At!.Value, NoSnacks.Breakfast)).ToList();
        var dinner = inventory.Where(c => c.At > Start && InWindow(c.At!.Value, NoSnacks.Dinner)).ToList();
        Assert.Contains(breakfast, c => c.Op == InventoryOp.Opened);
        Assert.Contains(dinner, c => c.Op == InventoryOp.Opened);
        Assert.True(breakfast.Count(c => c.Op == InventoryOp.Consumed) >= 21, "at least one thing eaten at each breakfast");
        Assert.All(breakfast.Where(c => c.Op == InventoryOp.Consumed), c => Assert.Contains(Meal.Breakfast, ProductOf(c.ItemId).Meals));
        Assert.All(dinner.Where(c => c.Op == InventoryOp.Consumed), c => Assert.True(ProductOf(c.ItemId).EatenAt(Meal.Dinner) || ProductOf(c.ItemId).MadeAtHome, c.ItemId));

        // A sealed pack is opened before anything is taken from it.
        var opened = new HashSet<string>();
        foreach (var change in inventory)
        {
            if (change.Op == InventoryOp.Opened)
            {
                opened.Add(change.ItemId);
            }
            else if (change.Op == InventoryOp.Consumed && ProductOf(change.ItemId).Sealed)
            {
                Assert.Contains(change.ItemId, opened);
            }
        }
    }

    [Fact]
    public void Leftovers_SomeEatenOnLaterDays_OthersForgottenPastTheirBestBeforeAndThrownOutAtAClearOut()
    {
        var inventory = Inventory(Run(6, NoSnacks with { LeftoversChance = 1, ForgottenLeftoversChance = 0.4 }));

        var made = inventory.Where(c => c.Op == InventoryOp.Added && c.Category == "leftovers" && c.At > Start).ToList();
        Assert.All(made, c =>
        {
            Assert.Null(c.Barcode);
            Assert.True(InWindow(c.At!.Value, NoSnacks.Dinner), $"{c.ItemId} put away at {LocalTime(c.At!.Value)}");
            Assert.InRange(c.BestBefore!.Value, LocalDay(c.At!.Value).AddDays(3), LocalDay(c.At!.Value).AddDays(4));
        });

        var eatenLater = made.Where(m => inventory.Any(c => c.ItemId == m.ItemId && c.Op == InventoryOp.Consumed && LocalDay(c.At!.Value) > LocalDay(m.At!.Value)));
        Assert.NotEmpty(eatenLater);

        var forgotten = made.Where(m => !inventory.Any(c => c.ItemId == m.ItemId && c.Op == InventoryOp.Consumed)).ToList();
        Assert.NotEmpty(forgotten);
        var thrownOut = forgotten.Select(m => (Made: m, Removed: inventory.SingleOrDefault(c => c.ItemId == m.ItemId && c.Op == InventoryOp.Removed))).Where(p => p.Removed is not null).ToList();
        Assert.True(thrownOut.Count >= 2, $"{thrownOut.Count} forgotten leftovers thrown out");
        Assert.All(thrownOut, p => Assert.True(LocalDay(p.Removed!.At!.Value) > p.Made.BestBefore!.Value, $"{p.Made.ItemId} thrown out on {LocalDay(p.Removed!.At!.Value)}, best before {p.Made.BestBefore}"));
    }

    [Theory]
    [InlineData(7, 0.4)]
    [InlineData(8, 2)]
    public void Inventory_OverThreeWeeks_EveryChangeFollowsAnAddAndNoQuantityGoesNegative(int seed, double snacks)
    {
        var inventory = Inventory(Run(seed, new HouseholdProfile { UtcOffset = Offset, SnackOpeningsPerWakingHour = snacks, People = 3 }));

        var quantities = new Dictionary<string, double>();
        var removed = new HashSet<string>();
        foreach (var change in inventory)
        {
            if (change.Op == InventoryOp.Added)
            {
                Assert.True(quantities.TryAdd(change.ItemId, change.Quantity!.Value), $"{change.ItemId} added twice");
                Assert.DoesNotContain(change.ItemId, removed);
                continue;
            }

            Assert.True(quantities.ContainsKey(change.ItemId), $"{change.Op} of {change.ItemId} before it was added");
            Assert.DoesNotContain(change.ItemId, removed);
            if (change.Op == InventoryOp.Consumed)
            {
                Assert.True(change.Quantity > 0, $"{change.ItemId} consumed {change.Quantity}");
                quantities[change.ItemId] = Math.Round(quantities[change.ItemId] - change.Quantity!.Value, 3);
                Assert.True(quantities[change.ItemId] >= 0, $"{change.ItemId} went to {quantities[change.ItemId]}");
            }
            else if (change.Op == InventoryOp.Removed)
            {
                removed.Add(change.ItemId);
            }
        }

        Assert.True(removed.Count >= 20, $"only {removed.Count} items finished or thrown out");
    }

    [Fact]
    public void Advance_WithAProfileAndControls_GivesTheSameMessagesHoweverTimeIsSliced()
    {
        var cut = Start + TimeSpan.FromHours(31.25);
        var back = Start + TimeSpan.FromHours(35);
        var doorLeftOpen = Start + TimeSpan.FromHours(50.5);
        var end = Start + TimeSpan.FromDays(4);

        List<SimulatedMessage> Run(TimeSpan step)
        {
            var sut = new FridgeSimulator(new FridgeSimulatorOptions { Seed = 9, TemperatureInterval = TimeSpan.FromMinutes(1) }, new HouseholdProfile { UtcOffset = Offset }, Start);
            var messages = new List<SimulatedMessage>();
            var now = Start;
            foreach (var (until, control) in new (DateTimeOffset, Action<FridgeSimulator>)[]
            {
                (cut, s => s.SetPowered(false, cut)),
                (back, s => s.SetPowered(true, back)),
                (doorLeftOpen, s => s.LeaveDoorOpen(doorLeftOpen, TimeSpan.FromMinutes(20))),
                (end, _ => { }),
            })
            {
                for (; now < until; now += step)
                {
                    messages.AddRange(sut.Advance(now));
                }

                now = until;
                messages.AddRange(sut.Advance(until));
                control(sut);
            }

            return messages;
        }

        var inBigSteps = Run(TimeSpan.FromHours(5));
        Assert.Equal(inBigSteps, Run(TimeSpan.FromSeconds(13.7)));
        Assert.True(inBigSteps.Zip(inBigSteps.Skip(1)).All(pair => pair.First.At <= pair.Second.At), "messages in time order");
        Assert.Contains(inBigSteps, m => m.Channel == ApplianceChannels.Door && m.At == doorLeftOpen);
    }

    private static List<SimulatedMessage> Run(int seed, HouseholdProfile profile)
    {
        var sut = new FridgeSimulator(new FridgeSimulatorOptions { Seed = seed, TemperatureInterval = TimeSpan.FromMinutes(10) }, profile, Start);
        return [.. sut.Advance(Start + ThreeWeeks)];
    }

    private static List<InventoryChange> Inventory(List<SimulatedMessage> messages) =>
        [.. messages.Where(m => m.Channel == ApplianceChannels.Inventory).Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.InventoryChange)!)];

    private static List<DoorEvent> Doors(List<SimulatedMessage> messages) =>
        [.. messages.Where(m => m.Channel == ApplianceChannels.Door).Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.DoorEvent)!)];

    private static Product ProductOf(string itemId) => ProductCatalog.Get(itemId[..itemId.LastIndexOf('-')]);

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    private static TimeOnly LocalTime(DateTimeOffset at) => TimeOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    private static bool InWindow(DateTimeOffset at, MealWindow window) => LocalTime(at) >= window.Start && LocalTime(at) <= window.End;

    /// <summary>From bedtime (23:00) to breakfast (06:30), local.</summary>
    private static bool IsNight(TimeOnly time) => time >= new TimeOnly(23, 0) || time < new TimeOnly(6, 30);
}
