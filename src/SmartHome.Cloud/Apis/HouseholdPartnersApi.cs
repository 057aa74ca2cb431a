using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Apis;

/// <summary>Householder: the partners the household may consent to, with what it lets each receive now.</summary>
public static class HouseholdPartnersApi
{
    public static IEndpointRouteBuilder MapHouseholdPartnersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/v1/household/partners").RequireAuthorization(CloudPolicies.Householder).WithTags("Householder")
            .MapGet("/", ListAsync)
            .WithName("ListHouseholdPartners")
            .WithSummary("Every partner the household can consent to, with the types it consents to")
            .WithDescription("consentTypes is empty for a partner without consent. Grant and revoke with PUT and DELETE /api/v1/household/consents/{partnerId}.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<HouseholdPartner>>> ListAsync(ClaimsPrincipal user, PartnerStore partners, ConsentStore consents, CancellationToken ct)
    {
        var consented = (await consents.ListAsync(user.HouseholdId(), ct)).ToDictionary(c => c.PartnerId, c => c.Types, StringComparer.Ordinal);
        IReadOnlyList<HouseholdPartner> list = [.. (await partners.ListAsync(ct)).Select(p =>
            new HouseholdPartner(p.Id, p.Name, p.Kind, consented.GetValueOrDefault(p.Id) ?? []))];
        return TypedResults.Ok(list);
    }
}

/// <summary>A partner as a householder sees it: no keys, and the event types the household lets it receive.</summary>
public sealed record HouseholdPartner(string Id, string Name, string Kind, IReadOnlyList<string> ConsentTypes);
