using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Core.Views;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the twin as the dashboard shows it, the food eat-first and the compartments' temperatures.</summary>
public static class HouseholdViewsApi
{
    public const int DefaultHours = 24;
    public const int MaxHours = 168;

    public static IEndpointRouteBuilder MapHouseholdViewsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/inventory", GetInventoryAsync)
            .WithName("GetInventory")
            .WithSummary("The household's food, what to eat first first")
            .WithDescription("Each item with its state (unsafe, expired, expiring, fresh) in the household's time zone, its label and " +
                "estimated best-before, and why it is unsafe or its date moved; sorted by state in that order, then by estimated best-before (unknown last), then by name.");
        group.MapGet("/temperatures", GetTemperaturesAsync)
            .WithName("GetTemperatures")
            .WithSummary("Each compartment's temperature now and over the last hours, with its safe band")
            .WithDescription($"hours: 1-{MaxHours}, default {DefaultHours}. The history slots (start, minimum, maximum) within the window, oldest first.");
        return app;
    }

    private static async Task<Ok<InventoryView>> GetInventoryAsync(ClaimsPrincipal user, HouseholdStore households, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(InventoryView.Of(await TwinOfAsync(user, households, ct), time.GetUtcNow()));

    private static async Task<Results<Ok<TemperaturesView>, ValidationProblem>> GetTemperaturesAsync(
        ClaimsPrincipal user, HouseholdStore households, TimeProvider time, CancellationToken ct, int hours = DefaultHours)
    {
        if (hours is < 1 or > MaxHours)
        {
            var errors = new ValidationErrors();
            errors.Add("hours", $"hours must be between 1 and {MaxHours}");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(TemperaturesView.Of(await TwinOfAsync(user, households, ct), time.GetUtcNow(), TimeSpan.FromHours(hours)));
    }

    private static async Task<HouseholdTwin> TwinOfAsync(ClaimsPrincipal user, HouseholdStore households, CancellationToken ct)
    {
        var householdId = user.HouseholdId();
        return await households.FindTwinAsync(householdId, ct) ?? new HouseholdTwin { HouseholdId = householdId };
    }
}
