using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Sextant.Server.Access;

namespace Sextant.Tests.Server;

/// <summary>One endpoint the server maps: its method, route pattern and the role it needs (null when open).</summary>
internal sealed record MappedEndpoint(string Method, string Pattern, ApiRole? Role)
{
    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>The path with every route parameter filled in with <paramref name="value"/>.</summary>
    public string Path(string value = "x") => Regex.Replace(Pattern, @"\{[^}]*\}", _ => Uri.EscapeDataString(value));

    /// <summary>The smallest request that looks valid: no query string, and an empty JSON object as a body.</summary>
    public HttpRequestMessage MinimalRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path());
        if (Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }
}

/// <summary>The endpoints of a running server, read from routing, so endpoints added later are covered by the tests that use them.</summary>
internal static class EndpointCatalog
{
    public static IReadOnlyList<MappedEndpoint> Of(IEnumerable<RouteEndpoint> endpoints) =>
    [
        .. endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new MappedEndpoint(method, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e.Metadata.GetMetadata<RequiredRole>()?.Role)))
            .Where(e => e.Method is not "HEAD" and not "OPTIONS")
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
    ];
}
