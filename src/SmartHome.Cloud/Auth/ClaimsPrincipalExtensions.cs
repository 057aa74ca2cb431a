using System.Security.Claims;

namespace SmartHome.Cloud.Auth;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated partner's id; only call behind the partner policy.</summary>
    public static string PartnerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(CloudClaims.PartnerId) ?? throw new InvalidOperationException("not a partner principal");

    /// <summary>The authenticated householder's household; only call behind the householder policy.</summary>
    public static string HouseholdId(this ClaimsPrincipal user) =>
        user.FindFirstValue(CloudClaims.HouseholdId) ?? throw new InvalidOperationException("not a householder principal");
}
