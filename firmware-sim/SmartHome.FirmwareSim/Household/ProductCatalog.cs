using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.FirmwareSim.Household;

/// <summary>The products the simulated household knows: what a fridge's barcode scanner would recognise.</summary>
internal static class ProductCatalog
{
    public static Product Milk { get; } = new("milk", "Milk", "4006381333931", "dairy", "l", 1, 0.25, 7, StorageLocation.Fridge, Sealed: true);
    public static Product Yoghurt { get; } = new("yoghurt", "Natural yoghurt", "4005500012344", "dairy", "g", 500, 125, 14, StorageLocation.Fridge, Sealed: true);
    public static Product LeftoverLasagne { get; } = new("leftovers", "Leftover lasagne", null, "leftovers", "g", 600, 300, 2, StorageLocation.Fridge, Sealed: false);

    /// <summary>Everything with a barcode, in a fixed order so a seed always picks the same products.</summary>
    public static IReadOnlyList<Product> Packaged { get; } =
    [
        Milk,
        Yoghurt,
        new("butter", "Butter", "4012345000177", "dairy", "g", 250, 20, 60, StorageLocation.Fridge, Sealed: true),
        new("cheddar", "Cheddar cheese", "4025763002111", "dairy", "g", 200, 30, 28, StorageLocation.Fridge, Sealed: true),
        new("eggs", "Free-range eggs", "4004175003114", "eggs", "pcs", 10, 2, 28, StorageLocation.Fridge, Sealed: false),
        new("chicken", "Chicken breast fillets", "4041805001232", "meat", "g", 500, 250, 4, StorageLocation.Fridge, Sealed: true),
        new("ham", "Cooked ham slices", "4010567000890", "meat", "g", 150, 30, 7, StorageLocation.Fridge, Sealed: true),
        new("salmon", "Smoked salmon", "4031002003467", "fish", "g", 100, 50, 10, StorageLocation.Fridge, Sealed: true),
        new("hummus", "Hummus", "4008701005528", "deli", "g", 200, 50, 7, StorageLocation.Fridge, Sealed: true),
        new("lettuce", "Iceberg lettuce", "4056489007777", "vegetables", "pcs", 1, 0.5, 5, StorageLocation.Fridge, Sealed: false),
        new("carrots", "Carrots", "4000233001047", "vegetables", "g", 1000, 200, 21, StorageLocation.Fridge, Sealed: false),
        new("strawberries", "Strawberries", "4023001004682", "fruit", "g", 400, 150, 4, StorageLocation.Fridge, Sealed: false),
        new("orange-juice", "Orange juice", "4001100009159", "beverages", "l", 1, 0.2, 10, StorageLocation.Fridge, Sealed: true),
        new("peas", "Frozen garden peas", "4090504003214", "frozen", "g", 1000, 150, 270, StorageLocation.Freezer, Sealed: true),
        new("ice-cream", "Vanilla ice cream", "4006381001151", "frozen", "l", 1, 0.15, 365, StorageLocation.Freezer, Sealed: true),
        new("fish-fingers", "Fish fingers", "4001750002982", "frozen", "pcs", 15, 5, 300, StorageLocation.Freezer, Sealed: true),
    ];

    /// <summary>Packaged products and food made at home.</summary>
    public static IReadOnlyList<Product> All { get; } = [.. Packaged, LeftoverLasagne];
}
