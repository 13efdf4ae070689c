using System.Net;
using Sextant.Server.Access;
using Sextant.Server.Audit;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_another_key_does_not()
    {
        // Given a server allowing 2 requests a second per key (bursts of 4) and two read keys,
        string first = "", second = "";
        await using var server = await StoreServer.Generated(keys =>
        {
            first = keys.Create(ApiRole.Read, "first").Text;
            second = keys.Create(ApiRole.Read, "second").Text;
        }, requestsPerSecond: 2);
        using var busy = server.Client(first);

        // when the first key sends requests back to back,
        var passed = 0;
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            var response = await busy.GetAsync("/api/v1/funnel?steps=signup,create_page");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                passed++;
                response.Dispose();
            }
        }

        // then after at least its burst it is turned away with a Retry-After of whole seconds,
        Assert.NotNull(limited);
        Assert.True(passed >= 4, $"only {passed} requests passed before the first 429");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();
        // while the second key is still answered,
        using var other = await server.Client(second).GetAsync("/api/v1/funnel?steps=signup,create_page");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        // and the refusal is in the audit log.
        Assert.Contains(AuditLog.Read(server.StorePath), e => e is { KeyName: "first", Status: 429, Outcome: "limited", Route: "/api/v1/funnel" });
    }
}
