using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.Json;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Health;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.Apis;

internal static class ApiExtensions
{
    /// <summary>Bearer authentication, one policy per role, RFC 9457 problems, JSON settings and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddCloudApis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Contract payloads (notifications, event data) answer exactly as they travel over MQTT: enums as the contract's strings.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        // The core of authentication only: the full AddAuthentication also brings Data Protection, which bearer
        // tokens do not use and which would write a key ring to the user profile at every start.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o => o.AddScheme<BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null));
        services.TryAddTransient<BearerAuthenticationHandler>();
        services.AddOptions<AuthenticationOptions>().Configure(o => o.DefaultScheme = BearerAuthenticationHandler.SchemeName);
        services.AddAuthorizationBuilder()
            .AddPolicy(CloudPolicies.Admin, p => p.RequireRole(CloudRoles.Admin))
            .AddPolicy(CloudPolicies.Partner, p => p.RequireRole(CloudRoles.Partner).RequireClaim(CloudClaims.PartnerId))
            .AddPolicy(CloudPolicies.Householder, p => p.RequireRole(CloudRoles.Householder).RequireClaim(CloudClaims.HouseholdId));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCloudApis(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapPartnersApi();
        app.MapHouseholdTokensApi();
        app.MapSubscriptionsApi();
        app.MapDeliveriesApi();
        app.MapPartnerNoticesApi();
        app.MapHouseholdApi();
        app.MapNotificationsApi();
        app.MapConsentsApi();
        app.MapHouseholdViewsApi();
        app.MapHouseholdPartnersApi();
        app.MapHouseholdWebhookApi();
        return app;
    }
}
