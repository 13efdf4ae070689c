using System.Net;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>The paths, impact, health, attribution and power endpoints against the CLI on the same store.</summary>
public sealed class JourneyImpactEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string[], string> SameQueries() => new()
    {
        {
            "/api/v1/paths?start=signup&steps=4&top=5&converted=use_template&breakdown=segment&limit=2&session-gap=1h",
            ["paths", "--start", "signup", "--steps", "4", "--top", "5", "--converted", "use_template", "--breakdown", "segment", "--limit", "2", "--session-gap", "1h"],
            """{"analysis": "paths", "start": "signup", "steps": 4, "top": 5, "converted": "use_template", "breakdown": "segment", "limit": 2, "session-gap": "1h"}"""
        },
        {
            "/api/v1/paths?clean=^(create|edit)_page$=page&from=2025-03-01&to=2025-04-30",
            ["paths", "--clean", "^(create|edit)_page$=page", "--from", "2025-03-01", "--to", "2025-04-30"],
            """{"analysis": "paths", "clean": ["^(create|edit)_page$=page"], "from": "2025-03-01", "to": "2025-04-30"}"""
        },
        {
            "/api/v1/impact/use_template?outcome=retention&adoption-days=14&breakdown=plan",
            ["impact", "use_template", "--outcome", "retention", "--adoption-days", "14", "--breakdown", "plan"],
            """{"analysis": "impact", "feature": "use_template", "outcome": "retention", "adoption-days": 14, "breakdown": "plan"}"""
        },
        {
            "/api/v1/health?breakdown=plan&from=2025-02-01",
            ["health", "--breakdown", "plan", "--from", "2025-02-01"],
            """{"analysis": "health", "breakdown": ["plan"], "from": "2025-02-01"}"""
        },
        {
            "/api/v1/attribution?half-life=3d",
            ["attribution", "--half-life", "3d"],
            """{"analysis": "attribution", "half-life": "3d"}"""
        },
        {
            "/api/v1/attribution?breakdown=segment&touch-property=utm_source",
            ["attribution", "--breakdown", "segment", "--touch-property", "utm_source"],
            """{"analysis": "attribution", "breakdown": "segment", "touch-property": "utm_source"}"""
        },
        {
            "/api/v1/power?baseline=0.1&mde=0.2&relative=true&alpha=0.1",
            ["power", "--baseline", "0.1", "--mde", "0.2", "--relative", "--alpha", "0.1"],
            """{"analysis": "power", "baseline": 0.1, "mde": 0.2, "relative": true, "alpha": 0.1}"""
        },
        {
            "/api/v1/power?sd=2&users=500",
            ["power", "--sd", "2", "--users", "500"],
            """{"analysis": "power", "sd": 2, "users": 500}"""
        },
    };

    [Theory]
    [MemberData(nameof(SameQueries))]
    public async Task The_endpoint_answers_the_same_json_as_the_cli_and_the_query_document(string url, string[] args, string document)
    {
        // Given one question asked as a GET, on the command line and as a query document,
        var client = server.Client();
        var get = await client.GetAsync(url);
        var cli = server.Cli([.. args, "--json"]);
        var post = await client.PostAsync("/api/v1/analysis/run", new StringContent(document));

        // then the three answers are the same JSON, byte for byte, and not empty.
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(0, cli.Code);
        var body = await get.Content.ReadAsStringAsync();
        Assert.Equal(cli.Out.TrimEnd(), body.TrimEnd());
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(body, await post.Content.ReadAsStringAsync());
        Assert.True(body.Length > 40, body);
    }

    [Fact]
    public async Task Power_over_http_gives_the_hand_computed_sample_size()
    {
        // Fleiss without continuity correction: p1 = 0.1, p2 = 0.12, α = 0.05 two-sided, power 0.8:
        // n = (1.95996·√(2·0.11·0.89) + 0.84162·√(0.1·0.9 + 0.12·0.88))² / 0.02² ≈ 3,840.8 → 3,841.
        var body = await server.Client().GetStringAsync("/api/v1/power?baseline=0.1&mde=0.02");

        Assert.Equal(3841, JsonDocument.Parse(body).RootElement.GetProperty("users_per_arm").GetInt64());
    }

    [Theory]
    [InlineData("/api/v1/paths?converted=use_templat", "converted", "unknown conversion event 'use_templat'")]
    [InlineData("/api/v1/paths?steps=0", "steps", "steps must be 1 or more")]
    [InlineData("/api/v1/paths?top=x", "top", "top 'x' is not a whole number")]
    [InlineData("/api/v1/paths?clean=nothing", "clean", "expected REGEX=REPLACEMENT")]
    [InlineData("/api/v1/paths?start=signup&end=edit_page", "end", "a start event or an end event, not both")]
    [InlineData("/api/v1/paths?session-gap=soon", "session-gap", "session-gap 'soon'")]
    [InlineData("/api/v1/impact/use_templat", "feature", "unknown feature event 'use_templat'")]
    [InlineData("/api/v1/impact/use_template?outcome=joy", "outcome", "outcome 'joy' is not one of")]
    [InlineData("/api/v1/impact/use_template?adoption-days=400", "adoption-days", "adoption-days must be from 1 to 365")]
    [InlineData("/api/v1/health?breakdown=cohort.no_such_cohort", "breakdown", "no_such_cohort")]
    [InlineData("/api/v1/health?top=3", "top", "health takes no top")]
    [InlineData("/api/v1/attribution?half-life=week", "half-life", "half-life 'week'")]
    [InlineData("/api/v1/power?baseline=0.1", "mde", "give either mde (to get users per arm) or users")]
    [InlineData("/api/v1/power?baseline=1.5&mde=0.1", "baseline", "must be between 0 and 1")]
    [InlineData("/api/v1/power?baseline=0.5&mde=0.6", "mde", "effect 0.6 moves the rate 0.5 to 1.1, outside (0, 1)")]
    [InlineData("/api/v1/power?sd=-1&mde=1", "sd", "sd must be positive")]
    [InlineData("/api/v1/power?sd=1&users=0", "users", "users per arm 0 must be at least 1")]
    [InlineData("/api/v1/power?baseline=ten&mde=0.1", "baseline", "baseline 'ten' is not a number")]
    public async Task A_bad_query_is_a_400_problem_naming_the_field(string url, string field, string detail)
    {
        await ProblemAssert.BadRequest(await server.Client().GetAsync(url), field, detail);
    }

    [Fact]
    public async Task The_openapi_document_lists_each_endpoint_with_its_path_field()
    {
        var document = JsonDocument.Parse(await server.Client().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/experiments/{name}", "/api/v1/paths", "/api/v1/impact/{feature}", "/api/v1/health", "/api/v1/attribution", "/api/v1/power" })
            Assert.True(document.TryGetProperty(path, out var item) && item.TryGetProperty("get", out _), path);
        var parameter = document.GetProperty("/api/v1/experiments/{name}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal("name", parameter.GetProperty("name").GetString());
        Assert.Equal("path", parameter.GetProperty("in").GetString());
    }

    [Fact]
    public void The_cli_reports_an_impossible_effect_as_a_user_error()
    {
        var cli = server.Cli("power", "--baseline", "0.5", "--mde", "0.6");

        Assert.Equal(2, cli.Code);
        Assert.Equal("sextant: effect 0.6 moves the rate 0.5 to 1.1, outside (0, 1)", cli.Error.Trim());
    }
}
