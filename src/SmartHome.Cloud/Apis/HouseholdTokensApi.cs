using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts.Validation;

namespace SmartHome.Cloud.Apis;

/// <summary>Admin: issues householder tokens.</summary>
public static class HouseholdTokensApi
{
    public static IEndpointRouteBuilder MapHouseholdTokensApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/households/{householdId}/tokens").RequireAuthorization(CloudPolicies.Admin).WithTags("Admin");
        group.MapPost("/", CreateAsync)
            .WithName("CreateHouseholderToken")
            .WithSummary("Issue a householder token")
            .WithDescription("Returns a new bearer token for the household's members (shown once; only its hash is stored).");
        return app;
    }

    private static async Task<Results<Created<CreatedHouseholderToken>, ValidationProblem>> CreateAsync(
        string householdId, HouseholderTokenStore tokens, CancellationToken ct)
    {
        if (!Identifiers.IsValid(householdId))
        {
            var errors = new ValidationErrors();
            errors.Add("householdId", "a household id is 1-64 characters of letters, digits, '.', '_' or '-'");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var token = ApiTokens.NewHouseholderToken();
        await tokens.AddAsync(ApiTokens.Hash(token), householdId, ct);
        return TypedResults.Created((string?)null, new CreatedHouseholderToken(token));
    }
}

public sealed record CreatedHouseholderToken(string Token);
