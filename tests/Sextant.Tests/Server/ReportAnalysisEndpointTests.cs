using System.Globalization;
using System.Net;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// The metrics, North Star, retention, growth, revenue, cohorts and info endpoints: each answers
/// the CLI's <c>--json</c> for the same question, byte for byte, the same as a query document, and a
/// bad field is a 400 naming it.
/// </summary>
public sealed class ReportAnalysisEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string[], string> SameQuestions => new()
    {
        {
            "/api/v1/metrics/engagement?period=day&breakdown=segment&from=2025-02-01&to=2025-05-31",
            ["metrics", "--period", "day", "--breakdown", "segment", "--from", "2025-02-01", "--to", "2025-05-31"], "lifecycle"
        },
        { "/api/v1/metrics/engagement?period=month&cohort=teams&as-of=2025-04-30", ["metrics", "--period", "month", "--cohort", "teams", "--as-of", "2025-04-30"], "dau" },
        { "/api/v1/metrics/north-star?from=2025-02-01&to=2025-05-31", ["metrics", "--north-star", "--from", "2025-02-01", "--to", "2025-05-31"], "weeks" },
        {
            "/api/v1/cohorts/retention?period=month&mode=on&breakdown=channel&from=2025-01-01&to=2025-05-31",
            ["retention", "--period", "month", "--mode", "on", "--breakdown", "channel", "--from", "2025-01-01", "--to", "2025-05-31"], "cohorts"
        },
        { "/api/v1/cohorts/retention?period=week&mode=on_or_after&cohort=creators", ["retention", "--period", "week", "--mode", "on_or_after", "--cohort", "creators"], "average" },
        { "/api/v1/growth/levers?draws=1000&seed=3&from=2025-02-01", ["growth", "--draws", "1000", "--seed", "3", "--from", "2025-02-01"], "levers" },
        { "/api/v1/revenue?as-of=2025-05-31&breakdown=segment", ["revenue", "--as-of", "2025-05-31", "--breakdown", "segment"], "months" },
        { "/api/v1/cohorts?cohort=creators&from=2025-03-01", ["cohorts", "--cohort", "creators", "--from", "2025-03-01"], "cohorts" },
        { "/api/v1/info?top=5", ["info", "--top", "5"], "top_events" },
    };

    [Theory]
    [MemberData(nameof(SameQuestions))]
    public async Task An_endpoint_answers_the_same_json_as_the_cli(string url, string[] cli, string field)
    {
        // Given the same question asked over HTTP and on the command line,
        var body = await server.Client().GetStringAsync(url);
        var command = server.Cli([.. cli, "--json"]);

        // then the bodies are the same JSON, byte for byte, and not an empty answer.
        Assert.Equal(0, command.Code);
        Assert.Equal(command.Out.TrimEnd(), body.TrimEnd());
        var part = JsonDocument.Parse(body).RootElement.GetProperty(field);
        Assert.True(part.ValueKind == JsonValueKind.Object || part.GetArrayLength() > 0, $"{field} is empty");
    }

    [Fact]
    public async Task The_north_star_is_the_north_star_part_of_the_metrics()
    {
        var client = server.Client();
        var star = await client.GetStringAsync("/api/v1/metrics/north-star?to=2025-05-31");
        var metrics = await client.GetStringAsync("/api/v1/metrics/engagement?to=2025-05-31");

        var expected = JsonDocument.Parse(metrics).RootElement.GetProperty("north_star");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(JsonDocument.Parse(star).RootElement));
        Assert.True(expected.GetProperty("weeks").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_cli_north_star_prints_the_headline_week_the_endpoint_answers()
    {
        var star = JsonDocument.Parse(await server.Client().GetStringAsync("/api/v1/metrics/north-star?to=2025-05-31")).RootElement;
        var headline = star.GetProperty("headline");

        var terminal = server.Cli("metrics", "--north-star", "--to", "2025-05-31");

        Assert.Equal(0, terminal.Code);
        Assert.Contains($"week of {headline.GetProperty("period").GetString()}: {headline.GetProperty("users").GetInt64().ToString("#,0", CultureInfo.InvariantCulture)}", terminal.Out, StringComparison.Ordinal);
        Assert.Contains("North Star per week", terminal.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> SameDocuments => new()
    {
        { "/api/v1/metrics/engagement?period=day&breakdown=segment&breakdown=channel&limit=3", """{"analysis": "metrics", "period": "day", "breakdown": ["segment", "channel"], "limit": 3}""" },
        { "/api/v1/metrics/north-star?cohort=teams", """{"analysis": "metrics", "north-star": true, "cohort": "teams"}""" },
        { "/api/v1/cohorts/retention?period=month&mode=on&to=2025-05-31", """{"analysis": "retention", "period": "month", "mode": "on", "to": "2025-05-31"}""" },
        { "/api/v1/growth/levers?draws=500&seed=9", """{"analysis": "growth", "draws": 500, "seed": 9}""" },
        { "/api/v1/revenue?from=2025-02-01&breakdown=channel", """{"analysis": "revenue", "from": "2025-02-01", "breakdown": "channel"}""" },
        { "/api/v1/cohorts?to=2025-04-30", """{"analysis": "cohorts", "to": "2025-04-30"}""" },
        { "/api/v1/info?top=3", """{"analysis": "info", "top": 3}""" },
    };

    [Theory]
    [MemberData(nameof(SameDocuments))]
    public async Task A_query_document_gives_the_same_body_as_the_get(string url, string document)
    {
        var client = server.Client();
        var get = await client.GetStringAsync(url);
        var post = await client.PostAsync("/api/v1/analysis/run", new StringContent(document));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(get, await post.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/metrics/engagement?period=year", "period", "period 'year' is not one of: day, week, month")]
    [InlineData("/api/v1/metrics/engagement?breakdown=chanel", "breakdown", "unknown breakdown 'chanel' (did you mean 'channel'?)")]
    [InlineData("/api/v1/metrics/north-star?as-of=soon", "as-of", "as-of 'soon' is not a date")]
    [InlineData("/api/v1/metrics/engagement?steps=signup", "steps", "metrics takes no steps")]
    [InlineData("/api/v1/cohorts/retention?start-event=sign_up", "start-event", "unknown start event 'sign_up' (did you mean 'signup'?)")]
    [InlineData("/api/v1/cohorts/retention?return-event=edit", "return-event", "unknown return event 'edit' (did you mean 'edit_page'?)")]
    [InlineData("/api/v1/cohorts/retention?mode=after", "mode", "mode 'after' is not one of: on, on_or_after")]
    [InlineData("/api/v1/growth/levers?draws=5", "draws", "draws 5 must be between 100 and 10,000,000")]
    [InlineData("/api/v1/growth/levers?breakdown=segment", "breakdown", "growth takes no breakdown")]
    [InlineData("/api/v1/revenue?as-of=2025-05-31&to=2025-05-31", "as-of", "as-of '2025-05-31' and to both end the data")]
    [InlineData("/api/v1/cohorts?cohort=creatorz", "cohort", "unknown cohort 'creatorz'")]
    [InlineData("/api/v1/info?top=many", "top", "top 'many' is not a whole number")]
    public async Task A_bad_field_is_a_400_problem_naming_it(string url, string field, string detail)
    {
        await ProblemAssert.BadRequest(await server.Client().GetAsync(url), field, detail);
    }

    [Fact]
    public async Task Info_names_the_served_store()
    {
        var info = JsonDocument.Parse(await server.Client().GetStringAsync("/api/v1/info")).RootElement;

        Assert.Equal(server.StorePath, info.GetProperty("store").GetString());
        Assert.Equal(10, info.GetProperty("top_events").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var document = JsonDocument.Parse(await server.Client().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/metrics/engagement", "/api/v1/metrics/north-star", "/api/v1/cohorts/retention", "/api/v1/growth/levers", "/api/v1/revenue", "/api/v1/cohorts", "/api/v1/info" })
            Assert.True(document.TryGetProperty(path, out _), path);
    }
}
