using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Serialization;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Ingest;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the household's twin as the cloud sees it, and the household's settings.</summary>
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
        group.MapGet("/settings", GetSettingsAsync)
            .WithName("GetHouseholdSettings")
            .WithSummary("The household's settings")
            .WithDescription("Warning window, time zone, safe temperature ranges and minimum stock; the defaults until changed.");
        group.MapPut("/settings", PutSettingsAsync)
            .WithName("PutHouseholdSettings")
            .WithSummary("Replace the household's settings")
            .WithDescription("A field left out takes its default. The rules run at once with the new settings, so a minimum the stock is already below raises shg.stock.low.v1 now.");
        return app;
    }

    private static async Task<ContentHttpResult> GetAsync(ClaimsPrincipal user, HouseholdStore households, CancellationToken ct)
    {
        var householdId = user.HouseholdId();
        var twin = await households.FindTwinAsync(householdId, ct) ?? new HouseholdTwin { HouseholdId = householdId };
        return TypedResults.Text(TwinSerializer.Serialize(twin), "application/json");
    }

    private static async Task<Ok<HouseholdSettingsBody>> GetSettingsAsync(ClaimsPrincipal user, HouseholdStore households, CancellationToken ct)
    {
        var twin = await households.FindTwinAsync(user.HouseholdId(), ct);
        return TypedResults.Ok(HouseholdSettingsBody.From(twin?.Settings ?? new HouseholdSettings()));
    }

    private static async Task<Results<Ok<HouseholdSettingsBody>, ValidationProblem>> PutSettingsAsync(
        HouseholdSettingsBody body, ClaimsPrincipal user, HouseholdUpdater updater, HouseholdEngine engine, TimeProvider time, CancellationToken ct)
    {
        var errors = body.Validate();
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var settings = body.ToSettings();
        await updater.ChangeAsync(user.HouseholdId(), null, twin =>
        {
            twin.Settings = settings;
            return engine.Evaluate(twin, time.GetUtcNow());
        }, ct);
        return TypedResults.Ok(HouseholdSettingsBody.From(settings));
    }
}
