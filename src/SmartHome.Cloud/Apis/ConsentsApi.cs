using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: which partners may receive which of the household's events (checked at delivery time).</summary>
public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/household/consents").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder");
        group.MapGet("/", ListAsync)
            .WithName("ListConsents")
            .WithSummary("The household's consents, per partner");
        group.MapPut("/{partnerId}", PutAsync)
            .WithName("PutConsent")
            .WithSummary("Let a partner receive the household's events of these types")
            .WithDescription("Replaces the partner's consent. Types take a trailing '*' wildcard, e.g. \"shg.food.*\". " +
                "Deliveries to the partner not made yet whose type the new consent does not cover are cancelled at once.");
        group.MapDelete("/{partnerId}", RevokeAsync)
            .WithName("RevokeConsent")
            .WithSummary("Revoke a partner's consent")
            .WithDescription("The partner's deliveries of the household's events not made yet (pending, retrying or held) are cancelled at once.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ConsentRecord>>> ListAsync(ClaimsPrincipal user, ConsentStore consents, CancellationToken ct) =>
        TypedResults.Ok(await consents.ListAsync(user.HouseholdId(), ct));

    private static async Task<Results<Ok<ConsentView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string partnerId, PutConsentRequest request, ClaimsPrincipal user, PartnerStore partners, ConsentStore consents, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.CheckTypes(request.Types);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await partners.FindAsync(partnerId, ct) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such partner");
        }

        var types = request.Types!.Distinct(StringComparer.Ordinal).ToArray();
        await consents.PutAsync(user.HouseholdId(), partnerId, types, ct);
        return TypedResults.Ok(new ConsentView(partnerId, types));
    }

    private static async Task<NoContent> RevokeAsync(string partnerId, ClaimsPrincipal user, ConsentStore consents, CancellationToken ct)
    {
        await consents.RevokeAsync(user.HouseholdId(), partnerId, ct);
        return TypedResults.NoContent();
    }
}

public sealed record PutConsentRequest(IReadOnlyList<string>? Types);

public sealed record ConsentView(string PartnerId, IReadOnlyList<string> Types);
