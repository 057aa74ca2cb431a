namespace SmartHome.Cloud.Core.ShelfLife.FoodKeeper;

/// <summary>Why the importer left a figure (or a whole product) out.</summary>
public enum FoodKeeperSkip
{
    /// <summary>"Not Recommended": FoodKeeper advises against keeping it there; no figure rather than a guess.</summary>
    NotRecommended,

    /// <summary>"Package use-by date": the label decides, which the item's own best-before already carries.</summary>
    PackageUseByDate,

    /// <summary>"When Ripe": a state, not a duration.</summary>
    WhenRipe,

    /// <summary>"Indefinitely": no date to estimate.</summary>
    Indefinitely,

    /// <summary>A metric this importer does not know.</summary>
    UnknownMetric,

    /// <summary>A duration without a number, or text where a number belongs.</summary>
    UnreadableFigure,

    /// <summary>A product row without a name.</summary>
    ProductWithoutName,

    /// <summary>A product none of whose figures is a duration.</summary>
    ProductWithoutFigures,
}
