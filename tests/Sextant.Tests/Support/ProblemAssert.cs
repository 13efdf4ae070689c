using System.Net;
using System.Text.Json;

namespace Sextant.Tests.Support;

/// <summary>Checks an HTTP answer is an RFC 9457 problem of the server (docs/SERVER.md, Errors).</summary>
public static class ProblemAssert
{
    /// <summary>400, <c>application/problem+json</c>, naming <paramref name="field"/> with a detail that contains <paramref name="detail"/>.</summary>
    public static async Task BadRequest(HttpResponseMessage response, string field, string detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
