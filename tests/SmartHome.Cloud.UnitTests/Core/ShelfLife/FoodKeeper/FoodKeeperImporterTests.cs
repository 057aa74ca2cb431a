using System.Text;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

namespace SmartHome.Cloud.UnitTests.Core.ShelfLife.FoodKeeper;

public class FoodKeeperImporterTests
{
    private static readonly Lazy<FoodKeeperImport> RealFile = new(() =>
    {
        using var stream = File.OpenRead(RepositoryFiles.FoodKeeper);
        return FoodKeeperImporter.Read(stream, RepositoryFiles.FoodKeeper);
    });

    [Fact]
    public void Read_RealFile_ImportsEveryProductWithADuration()
    {
        var sut = RealFile.Value;

        Assert.Equal(661, sut.ProductRows);
        Assert.Equal(647, sut.Entries.Count);
        Assert.Equal(14, sut.SkippedCount(FoodKeeperSkip.ProductWithoutFigures));
    }

    [Fact]
    public void Read_RealFile_CountsTheFiguresItLeftOutByReason()
    {
        var sut = RealFile.Value;

        Assert.Equal(66, sut.SkippedCount(FoodKeeperSkip.NotRecommended));
        Assert.Equal(34, sut.SkippedCount(FoodKeeperSkip.PackageUseByDate));
        Assert.Equal(13, sut.SkippedCount(FoodKeeperSkip.Indefinitely));
        Assert.Equal(12, sut.SkippedCount(FoodKeeperSkip.WhenRipe));
        Assert.Equal(3, sut.SkippedCount(FoodKeeperSkip.UnreadableFigure)); // tips typed into Refrigerate_After_Thawing_Min
        Assert.Equal(0, sut.SkippedCount(FoodKeeperSkip.UnknownMetric));
    }

    [Fact]
    public void Read_RealFile_Butter_TakesTheDateOfPurchaseColumnsAndTheLowEnd()
    {
        // ID 1: DOP_Refrigerate 1-2 Months, DOP_Freeze 6-9 Months, the plain columns empty.
        var butter = Product("Butter");

        Assert.Equal((null, 30, 180), (butter.PantryDays, butter.FridgeDays, butter.FreezerDays));
    }

    [Fact]
    public void Read_RealFile_Milk_LeavesOutThePackageDateAndKeepsTheFreezer()
    {
        // ID 27: Refrigerate "Package use-by date", DOP_Freeze 3 Months.
        var milk = Product("Milk (plain or flavored)");

        Assert.Equal((null, 90), (milk.FridgeDays, milk.FreezerDays));
    }

    [Fact]
    public void Read_RealFile_Chicken_HasFridgeAndFreezerDays()
    {
        // ID 117: DOP_Refrigerate 1-2 Days, DOP_Freeze 9 Months.
        var chicken = Product("Chicken parts (breast halves, boneless)");

        Assert.Equal((1, 270), (chicken.FridgeDays, chicken.FreezerDays));
    }

    [Fact]
    public void Read_RealFile_HardCheese_HasAfterOpeningDays()
    {
        // ID 3: DOP_Refrigerate 6 Months, Refrigerate_After_Opening 3-4 Weeks, DOP_Freeze 6 Months.
        var cheese = Product("Cheese (hard such as cheddar, swiss, block parmesan)");

        Assert.Equal((180, 21, 180), (cheese.FridgeDays, cheese.FridgeAfterOpeningDays, cheese.FreezerDays));
    }

    [Fact]
    public void Read_RealFile_FrozenEdamame_HasAfterThawingDays()
    {
        // ID 641: Refrigerate_After_Thawing 1 Weeks, DOP_Freeze 2 Years.
        var edamame = Product("Edamame (frozen)");

        Assert.Equal((7, 730), (edamame.FridgeAfterThawingDays, edamame.FreezerDays));
    }

    [Theory]
    [InlineData("Hours", 36, 1)]
    [InlineData("Hours", 2, 0)]
    [InlineData("Days", 3, 3)]
    [InlineData("Weeks", 2, 14)]
    [InlineData("Months", 2, 60)]
    [InlineData("Years", 2, 730)]
    [InlineData("Year", 1, 365)]
    [InlineData(" months ", 1, 30)]
    public void Read_DurationMetric_ConvertsTheLowEndToWholeDays(string metric, int low, int expectedDays)
    {
        var sut = ReadOne($$"""{"Refrigerate_Min": {{low}}}, {"Refrigerate_Max": {{low + 5}}}, {"Refrigerate_Metric": "{{metric}}"}""");

        Assert.Equal(expectedDays, Assert.Single(sut.Entries).Figures.FridgeDays);
    }

    [Theory]
    [InlineData("Not Recommended", FoodKeeperSkip.NotRecommended)]
    [InlineData("Package use-by date", FoodKeeperSkip.PackageUseByDate)]
    [InlineData("When Ripe", FoodKeeperSkip.WhenRipe)]
    [InlineData("Indefinitely", FoodKeeperSkip.Indefinitely)]
    [InlineData("Fortnights", FoodKeeperSkip.UnknownMetric)]
    public void Read_MetricThatIsNotADuration_LeavesTheFigureOutAndCountsIt(string metric, FoodKeeperSkip reason)
    {
        var sut = ReadOne($$"""{"Freeze_Metric": "{{metric}}"}, {"Refrigerate_Min": 4}, {"Refrigerate_Metric": "Days"}""");

        var figures = Assert.Single(sut.Entries).Figures;
        Assert.Equal((4, null), (figures.FridgeDays, figures.FreezerDays));
        Assert.Equal(1, sut.SkippedCount(reason));
    }

    [Fact]
    public void Read_OnlyTheMaxGiven_TakesTheMax()
    {
        var sut = ReadOne("""{"Pantry_Max": 18}, {"Pantry_Metric": "Months"}""");

        Assert.Equal(540, Assert.Single(sut.Entries).Figures.PantryDays);
    }

    [Fact]
    public void Read_PlainColumnHasADuration_IgnoresTheDateOfPurchaseColumn()
    {
        var sut = ReadOne("""{"Refrigerate_Min": 1}, {"Refrigerate_Metric": "Months"}, {"DOP_Refrigerate_Metric": "Package use-by date"}""");

        Assert.Equal(30, Assert.Single(sut.Entries).Figures.FridgeDays);
        Assert.Empty(sut.Skipped);
    }

    [Fact]
    public void Read_TextWhereANumberBelongs_CountsAnUnreadableFigure()
    {
        var sut = ReadOne("""{"Refrigerate_After_Thawing_Min": "Or until best-by date."}, {"Freeze_Min": 2}, {"Freeze_Metric": "Months"}""");

        Assert.Null(Assert.Single(sut.Entries).Figures.FridgeAfterThawingDays);
        Assert.Equal(1, sut.SkippedCount(FoodKeeperSkip.UnreadableFigure));
    }

    [Fact]
    public void Read_ProductWithoutNameOrFigures_IsSkippedAndCounted()
    {
        var sut = Read(
            """[{"ID": 1}, {"Name": "  "}, {"Freeze_Min": 2}, {"Freeze_Metric": "Months"}]""",
            """[{"ID": 2}, {"Name": "Lettuce"}, {"Freeze_Metric": "Not Recommended"}]""");

        Assert.Empty(sut.Entries);
        Assert.Equal((1, 1, 1), (sut.SkippedCount(FoodKeeperSkip.ProductWithoutName), sut.SkippedCount(FoodKeeperSkip.ProductWithoutFigures), sut.SkippedCount(FoodKeeperSkip.NotRecommended)));
    }

    [Fact]
    public void Read_Entry_IsFoundByTheProductNameAndShowsTheSubtitle()
    {
        var sut = ReadOne("""{"Name_subtitle": "hard"}, {"Keywords": "Cheese,whole"}, {"Refrigerate_Min": 1}, {"Refrigerate_Metric": "Days"}""");

        var catalog = new ShelfLifeCatalog(sut.Entries);
        Assert.Equal("Cheese (hard)", catalog.Find("Mature cheese", null)?.Name);
        Assert.Null(catalog.Find("Whole milk", null));
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("[]", "expected an object with a \"sheets\" list")]
    [InlineData("""{"sheets": [{"name": "Category", "data": []}]}""", "has no \"Product\" sheet")]
    [InlineData("""{"sheets": [{"name": "Product"}]}""", "\"Product\" sheet has no \"data\" list")]
    [InlineData("""{"sheets": [{"name": "Product", "data": [{"Name": "Milk"}]}]}""", "row 1 of the \"Product\" sheet is not a list of one-key objects")]
    [InlineData("""{"sheets": [{"name": "Product", "data": [[{"Name": "Milk", "ID": 1}]]}]}""", "row 1 of the \"Product\" sheet is not a list of one-key objects")]
    public void Read_MalformedFile_ThrowsOneErrorNamingTheFile(string json, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<FoodKeeperImportException>(() => FoodKeeperImporter.Read(stream, "/data/fk.json"));

        Assert.StartsWith("/data/fk.json ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ShelfLifeFigures Product(string name) =>
        Assert.Single(RealFile.Value.Entries, e => e.Figures.Name == name).Figures;

    private static FoodKeeperImport ReadOne(string columns) => Read($$"""[{"ID": 1}, {"Category_ID": 7}, {"Name": "Cheese"}, {{columns}}]""");

    private static FoodKeeperImport Read(params string[] rows)
    {
        var json = $$"""{"fileName": "test.xlsx", "sheets": [{"name": "Version", "data": []}, {"name": "Product", "data": [{{string.Join(", ", rows)}}]}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return FoodKeeperImporter.Read(stream, "test.json");
    }
}
