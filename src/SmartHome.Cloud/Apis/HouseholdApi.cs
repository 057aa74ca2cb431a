using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the household's twin as the cloud sees it.</summary>
public static class HouseholdApi
{
    public static IEndpointRouteBuilder MapHouseholdApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/", GetAsync)
            .WithName("GetHousehold")
            .WithSummary("The household's twin")
            .WithDescription("Gateways, appliances, compartments with their latest temperatures, and the inventory with (estimated) best-before dates; an empty twin until the first telemetry.")
            .Produces<HouseholdTwin>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    private static async Task<ContentHttpResult> GetAsync(ClaimsPrincipal user, HouseholdStore households, CancellationToken ct)
    {
        var householdId = user.HouseholdId();
        var twin = await households.FindTwinAsync(householdId, ct) ?? new HouseholdTwin { HouseholdId = householdId };
        return TypedResults.Text(TwinSerializer.Serialize(twin), "application/json");
    }
}
