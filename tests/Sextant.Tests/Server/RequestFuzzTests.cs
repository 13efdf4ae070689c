using System.Net;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// Query strings made of each endpoint's own fields with odd values (seeded, so a failure
/// repeats): every answer is 200 or a 400 problem, never a 500.
/// </summary>
public sealed class RequestFuzzTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Values =
    [
        "", "0", "-1", "1", "7", "0.5", "1.5", "NaN", "1e309", "99999999999999999999", "abc", "true", "false", "signup", "use_template",
        "2025-13-01", "2025-03-01", "2025-03-01T00:00:00Z", "cohort.nope", "event.platform", "plan", "segment", "conversion:", "sum:", "ratio:a/",
        "count:create_page", "conversion:edit_page:within=7d", "(((=x", "^x=y", "7d", "0d", "99999999999d", "greater", "retention", "%00", "[]",
    ];

    public static TheoryData<string, string[]> Endpoints() => new()
    {
        { "/api/v1/experiments/onboarding_checklist", ["metric", "control", "cuped", "sequential", "relative", "segment", "window", "variant-attribute", "alternative", "from", "to", "cohort", "breakdown", "limit"] },
        { "/api/v1/paths", ["start", "end", "steps", "session-gap", "clean", "top", "converted", "from", "to", "breakdown", "limit"] },
        { "/api/v1/impact/use_template", ["outcome", "adoption-days", "from", "to", "cohort", "breakdown", "limit"] },
        { "/api/v1/health", ["from", "to", "cohort", "breakdown", "limit"] },
        { "/api/v1/attribution", ["touch-property", "half-life", "from", "to", "breakdown", "limit"] },
        { "/api/v1/power", ["baseline", "sd", "mde", "relative", "users", "alpha", "power"] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Odd_query_strings_are_answered_or_refused_never_failed(string path, string[] fields)
    {
        var random = new Random(17);
        var client = server.Client();
        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 150; i++)
        {
            var query = string.Join('&', Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => $"{fields[random.Next(fields.Length)]}={Uri.EscapeDataString(Values[random.Next(Values.Length)])}"));
            var response = await client.GetAsync(path + "?" + query);
            // The server's per-key rate limit is not what this test is about: wait as told and ask again.
            while (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                response = await client.GetAsync(path + "?" + query);
            }

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            statuses.Add(response.StatusCode);
        }
        // The values are odd enough that some requests are refused.
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
    }
}
