using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;
using SmartHome.Cloud.Options;

namespace SmartHome.Cloud.ShelfLife;

internal static class ShelfLifeExtensions
{
    /// <summary>The shelf-life catalog: the built-in table, with FoodKeeper imported at start when <c>SmartHome:Cloud:ShelfLife:FoodKeeperPath</c> is set.</summary>
    public static IHostApplicationBuilder AddCloudShelfLife(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IShelfLifeCatalog>(sp =>
        {
            var path = sp.GetRequiredService<IOptions<ShelfLifeOptions>>().Value.FullFoodKeeperPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            if (path is null)
            {
                return new BuiltInShelfLifeCatalog();
            }

            var import = FoodKeeperFile.Import(path);
            Log.FoodKeeperImported(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShelfLifeExtensions).FullName!), path, import);
            return new FoodKeeperShelfLifeCatalog(import);
        });
        return builder;
    }
}
