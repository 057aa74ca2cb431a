using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Admin: registers partners and hands out their API keys.</summary>
public static class PartnersApi
{
    public const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/partners").RequireAuthorization(CloudPolicies.Admin).WithTags("Admin");
        group.MapPost("/", CreateAsync)
            .WithName("CreatePartner")
            .WithSummary("Register a partner")
            .WithDescription("Creates a partner and returns its API key (shown once; only its hash is stored).");
        return app;
    }

    private static async Task<Results<Created<CreatedPartner>, ValidationProblem>> CreateAsync(
        CreatePartnerRequest request, PartnerStore partners, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"give the partner's name (1-{MaxNameLength} characters)");
        }

        if (request.Kind is null || !PartnerKinds.All.Contains(request.Kind))
        {
            errors.Add("kind", $"kind must be one of {string.Join(", ", PartnerKinds.All)}");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var partner = new PartnerRecord(Guid.CreateVersion7().ToString("N"), request.Name!.Trim(), request.Kind!);
        var apiKey = ApiTokens.NewPartnerKey();
        await partners.AddAsync(partner, ApiTokens.Hash(apiKey), ct);
        return TypedResults.Created($"/api/v1/partners/{partner.Id}", new CreatedPartner(partner.Id, apiKey));
    }
}

public sealed record CreatePartnerRequest(string? Name, string? Kind);

public sealed record CreatedPartner(string Id, string ApiKey);

public static class PartnerKinds
{
    public const string Grocery = "grocery";
    public const string Recipe = "recipe";
    public const string Dietitian = "dietitian";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Grocery, Recipe, Dietitian, Other];
}
