using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartHome.Cloud.Auth;

namespace SmartHome.Cloud.Apis;

/// <summary>Describes the bearer tokens in the OpenAPI document and requires them document-wide.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator's admin key, a partner API key (shp_...) or a householder token (shh_...). /healthz and this document need none.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerAuthenticationHandler.SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
