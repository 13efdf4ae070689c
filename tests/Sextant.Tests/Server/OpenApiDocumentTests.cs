using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class OpenApiDocumentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_every_api_route_with_its_methods()
    {
        // Given every route the server maps under /api/v1,
        var routes = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Path: e.RoutePattern.RawText!, Method: m.ToLowerInvariant())))
            .ToList();

        // when the OpenAPI document is fetched,
        using var document = JsonDocument.Parse(await server.Client().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        // then it is OpenAPI 3.x and describes each of them.
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(routes);
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task The_document_needs_no_key_and_names_the_problem_answers()
    {
        var body = await server.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"401\"", body, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", body, StringComparison.Ordinal);
    }
}
