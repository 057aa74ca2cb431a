namespace SmartHome.Cloud.Core.ShelfLife;

/// <summary>
/// Shelf-life figures for common household foods, from USDA FoodKeeper (v128, public domain): the low end of each
/// range, in days (a week is 7, a month 30), counted from purchase. Where FoodKeeper defers to the package date
/// (milk, sour cream) the figure of its closest product is used. After thawing in the fridge: FSIS "The Big Thaw"
/// (poultry, minced meat, fish and shellfish 1 day, other meat 3, cooked food 3) and FoodKeeper's frozen vegetables.
/// The entries with categories are the fallbacks for items whose name matches nothing.
/// </summary>
internal static class BuiltInShelfLifeTable
{
    public static IReadOnlyList<ShelfLifeCatalogEntry> Entries { get; } =
    [
        // Dairy and eggs
        Food("milk", ["milk", "oat drink", "soy drink"], ["dairy", "milk"], fridge: 7, freezer: 90, fridgeOpened: 7),
        Food("buttermilk", ["buttermilk"], fridge: 7, freezer: 90),
        Food("kefir", ["kefir"], fridge: 7, fridgeOpened: 1),
        Food("cream", ["cream", "whipping cream", "half and half"], fridge: 7, freezer: 90, fridgeOpened: 7),
        Food("sour cream", ["sour cream", "creme fraiche", "crème fraîche"], fridge: 14),
        Food("ice cream", ["ice cream", "gelato", "sorbet"], freezer: 180),
        Food("yogurt", ["yogurt", "yoghurt", "skyr"], ["yogurt", "yoghurt"], fridge: 7, freezer: 30),
        Food("butter", ["butter"], fridge: 30, freezer: 180),
        Food("hard cheese", ["cheese", "cheddar", "gouda", "emmental", "parmesan", "swiss cheese"], ["cheese"], fridge: 180, freezer: 180, fridgeOpened: 21),
        Food("soft cheese", ["brie", "camembert", "goat cheese", "feta", "mozzarella", "ricotta"], fridge: 7, freezer: 180),
        Food("cottage cheese", ["cottage cheese"], fridge: 14, fridgeOpened: 7),
        Food("cream cheese", ["cream cheese", "mascarpone"], fridge: 14),
        Food("quark", ["quark"], fridge: 7),
        Food("eggs", ["egg"], ["eggs", "egg"], fridge: 21),

        // Meat, poultry, fish
        Food("poultry", ["chicken", "turkey", "duck", "poultry"], ["poultry"], fridge: 1, freezer: 270, fridgeThawed: 1),
        Food("minced meat", ["ground beef", "ground pork", "ground meat", "minced meat", "mince", "burger patty"], fridge: 1, freezer: 90, fridgeThawed: 1),
        Food("fresh meat", ["beef", "pork", "lamb", "veal", "steak", "roast", "chop"], ["meat"], fridge: 3, freezer: 120, fridgeThawed: 3),
        Food("bacon", ["bacon"], fridge: 7, freezer: 30, fridgeOpened: 7),
        Food("sausages", ["sausage", "bratwurst", "chorizo"], fridge: 1, freezer: 30, fridgeThawed: 1),
        Food("hot dogs", ["hot dog", "frankfurter", "wiener"], fridge: 14, freezer: 30, fridgeOpened: 7),
        Food("cold cuts", ["ham", "salami", "cold cut", "luncheon meat", "deli meat", "sliced turkey", "sliced chicken"], ["deli", "cold cuts"], fridge: 14, freezer: 30, fridgeOpened: 3),
        Food("fish", ["fish", "salmon", "cod", "tuna steak", "trout", "haddock", "mackerel", "pollock"], ["fish", "seafood"], fridge: 1, freezer: 60, fridgeThawed: 1),
        Food("smoked fish", ["smoked salmon", "smoked fish", "smoked trout", "smoked mackerel"], fridge: 14, freezer: 180),
        Food("shellfish", ["shrimp", "prawn", "crab", "lobster", "mussel", "shellfish", "scallop"], fridge: 1, freezer: 180, fridgeThawed: 1),
        Food("tofu", ["tofu", "tempeh"], ["vegetarian protein"], fridge: 7, freezer: 150),

        // Prepared food
        Food("leftovers", ["leftover", "cooked", "roast chicken", "rotisserie chicken", "soup", "stew", "curry", "casserole"], ["leftovers", "prepared", "ready meal"], fridge: 3, freezer: 60, fridgeThawed: 3),
        Food("cooked rice", ["cooked rice"], fridge: 4, freezer: 180),
        Food("fresh pasta", ["fresh pasta", "gnocchi", "tortellini", "ravioli"], fridge: 1, freezer: 60),
        Food("prepared salad", ["potato salad", "pasta salad", "egg salad", "chicken salad", "tuna salad", "coleslaw"], fridge: 3),
        Food("hummus", ["hummus", "houmous"], ["dips"], fridge: 90, fridgeOpened: 7),
        Food("pizza", ["pizza"], fridge: 3, freezer: 365),

        // Bread and dry goods
        Food("bread", ["bread", "roll", "bun", "bagel", "baguette", "toast", "tortilla", "wrap"], ["bakery", "bread"], pantry: 14, fridge: 14, freezer: 90),
        Food("dry pasta", ["pasta", "spaghetti", "penne", "noodle", "macaroni"], ["pasta"], pantry: 730, pantryOpened: 365),
        Food("rice", ["rice"], ["grains", "rice"], pantry: 730, pantryOpened: 365),
        Food("canned food", ["canned", "tinned", "can of"], ["canned goods", "canned", "tins"], pantry: 365, fridgeOpened: 3),
        Food("peanut butter", ["peanut butter", "almond butter"], pantry: 180, pantryOpened: 60),
        Food("jam", ["jam", "jelly", "marmalade", "preserves"], pantry: 180, fridgeOpened: 180),

        // Condiments and drinks
        Food("ketchup", ["ketchup", "chili sauce", "cocktail sauce"], ["condiments", "sauces"], pantry: 365, fridgeOpened: 180),
        Food("mayonnaise", ["mayonnaise", "mayo"], pantry: 90, fridgeOpened: 60),
        Food("mustard", ["mustard"], pantry: 365, fridgeOpened: 365),
        Food("salad dressing", ["dressing", "vinaigrette"], pantry: 180, fridgeOpened: 21),
        Food("pasta sauce", ["tomato sauce", "pasta sauce"], fridgeOpened: 3),
        Food("pesto", ["pesto"], fridge: 180, freezer: 30, fridgeOpened: 3),
        Food("olives", ["olive"], pantry: 360, fridge: 14, fridgeOpened: 14),
        Food("pickles", ["pickle", "gherkin", "cornichon"], pantry: 365, fridgeOpened: 30),
        Food("juice", ["juice", "orange juice", "apple juice", "smoothie"], ["beverages", "drinks", "juice"], pantry: 21, fridge: 7, freezer: 240, pantryOpened: 7, fridgeOpened: 7),

        // Fruit
        Food("apples", ["apple", "pear"], pantry: 21, fridge: 28, freezer: 240),
        Food("bananas", ["banana"], fridge: 3, freezer: 60),
        Food("berries", ["strawberry", "strawberries", "raspberry", "raspberries", "blackberry", "blackberries", "berry", "berries"], fridge: 2, freezer: 240),
        Food("blueberries", ["blueberry", "blueberries", "cherry", "cherries"], fridge: 7, freezer: 240),
        Food("grapes", ["grape"], pantry: 1, fridge: 7, freezer: 30),
        Food("citrus fruit", ["orange", "lemon", "lime", "grapefruit", "mandarin", "clementine", "tangerine"], pantry: 10, fridge: 10),
        Food("avocados", ["avocado"], fridge: 3),
        Food("pineapple", ["pineapple", "mango", "melon"], fridge: 5, freezer: 300),
        Food("fruit", ["fruit"], ["fruit", "fruits"], fridge: 5, freezer: 240),

        // Vegetables
        Food("leafy greens", ["lettuce", "salad", "spinach", "rocket", "arugula", "greens", "kale"], fridge: 3, fridgeOpened: 2),
        Food("carrots", ["carrot", "parsnip", "celery"], fridge: 14, freezer: 300),
        Food("cucumbers", ["cucumber", "zucchini", "courgette"], fridge: 4),
        Food("peppers", ["pepper", "bell pepper", "chili"], fridge: 4, freezer: 180),
        Food("broccoli", ["broccoli", "cauliflower", "green bean", "beans", "peas", "asparagus"], fridge: 3, freezer: 240, fridgeThawed: 3),
        Food("mushrooms", ["mushroom"], fridge: 3, freezer: 300),
        Food("tomatoes", ["tomato", "tomatoes", "cherry tomato", "cherry tomatoes"], pantry: 10, fridge: 5, freezer: 60),
        Food("potatoes", ["potato", "potatoes", "sweet potato"], pantry: 30, fridge: 7, freezer: 300),
        Food("onions", ["onion", "garlic", "shallot"], pantry: 30, fridge: 60, freezer: 300),
        Food("vegetables", ["vegetable", "veggie"], ["produce", "vegetables", "vegetable", "veg"], fridge: 3, freezer: 240, fridgeThawed: 3),

        // Frozen products bought frozen
        Food("frozen food", ["frozen"], ["frozen", "frozen food"], freezer: 240, fridgeThawed: 1),
        Food("fish fingers", ["fish finger", "fish stick"], freezer: 540, fridgeThawed: 1),
    ];

    private static ShelfLifeCatalogEntry Food(
        string name,
        string[] keywords,
        string[]? categories = null,
        int? pantry = null,
        int? fridge = null,
        int? freezer = null,
        int? pantryOpened = null,
        int? fridgeOpened = null,
        int? fridgeThawed = null) => new()
        {
            Figures = new()
            {
                Name = name,
                PantryDays = pantry,
                FridgeDays = fridge,
                FreezerDays = freezer,
                PantryAfterOpeningDays = pantryOpened,
                FridgeAfterOpeningDays = fridgeOpened,
                FridgeAfterThawingDays = fridgeThawed,
            },
            Keywords = keywords,
            Categories = categories ?? [],
        };
}
