using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Security;

public class OpenApiCoverageTests
{
    [Fact]
    public async Task OpenApiDocument_EveryMappedEndpoint_IsDescribedWithItsNameAndSummary()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var client = sut.Client();
        var endpoints = sut.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            var path = endpoint.RoutePattern.RawText!.TrimEnd('/');
            var method = Assert.Single(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods).ToLowerInvariant();
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
            Assert.Equal(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, operation.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
        });
        Assert.Equal(endpoints.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count(o => o.Name is "get" or "post" or "put" or "delete" or "patch")));
    }
}
