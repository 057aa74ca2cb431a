using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Auth;

/// <summary>
/// <c>Authorization: Bearer …</c> for the three kinds of caller: the operator's admin key (compared in constant
/// time), a partner API key (<c>shp_…</c>) or a householder token (<c>shh_…</c>), the last two found by their hash.
/// Failures answer as RFC 9457 problems: 401 for a missing or unknown token, 403 for a token of the wrong role.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<CloudOptions> cloudOptions,
    PartnerStore partners,
    HouseholderTokenStore householderTokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.Fail("the Authorization header is not 'Bearer <token>'");
        }

        var token = header[Prefix.Length..].Trim();
        var ct = Context.RequestAborted;
        Claim[]? claims = token switch
        {
            _ when token.StartsWith(ApiTokens.PartnerPrefix, StringComparison.Ordinal) =>
                await partners.FindIdByApiKeyHashAsync(ApiTokens.Hash(token), ct) is { } partnerId
                    ? [new(ClaimTypes.Role, CloudRoles.Partner), new(CloudClaims.PartnerId, partnerId)]
                    : null,
            _ when token.StartsWith(ApiTokens.HouseholderPrefix, StringComparison.Ordinal) =>
                await householderTokens.FindHouseholdIdAsync(ApiTokens.Hash(token), ct) is { } householdId
                    ? [new(ClaimTypes.Role, CloudRoles.Householder), new(CloudClaims.HouseholdId, householdId)]
                    : null,
            _ => SecretComparison.AreEqual(cloudOptions.CurrentValue.AdminKey, token) ? [new(ClaimTypes.Role, CloudRoles.Admin)] : null,
        };

        if (claims is null)
        {
            Log.UnknownToken(Logger, Request.Path);
            return AuthenticateResult.Fail("unknown bearer token");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return WriteProblemAsync("Authentication required", "Send 'Authorization: Bearer <token>' with an admin key, a partner API key or a householder token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", "This token's role may not use this endpoint.");
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
