using System.Net;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class ExperimentEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_experiment_endpoint_answers_the_same_json_as_the_cli()
    {
        // Given an experiment of the generated scenario asked with a typed metric, a segment and a range,
        var body = await server.Client().GetStringAsync("/api/v1/experiments/onboarding_checklist?metric=conversion:create_page:within=7d&metric=count:edit_page&segment=platform&from=2025-02-01&cuped=true");
        var cli = server.Cli("experiment", "onboarding_checklist", "--metric", "conversion:create_page:within=7d", "--metric", "count:edit_page", "--segment", "platform", "--from", "2025-02-01", "--cuped", "--json");

        // then the body is the CLI's JSON byte for byte, with both arms exposed.
        Assert.Equal(0, cli.Code);
        Assert.Equal(cli.Out.TrimEnd(), body.TrimEnd());
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("onboarding_checklist", root.GetProperty("experiment").GetString());
        Assert.Equal(2, root.GetProperty("metrics").GetArrayLength());
        Assert.All(root.GetProperty("arms").EnumerateArray(), arm => Assert.True(arm.GetProperty("users").GetInt64() > 0));
    }

    [Fact]
    public async Task The_experiment_metrics_of_sextant_yaml_apply_when_none_is_given()
    {
        var body = await server.Client().GetStringAsync("/api/v1/experiments/onboarding_checklist");
        var cli = server.Cli("experiment", "onboarding_checklist", "--json");

        Assert.Equal(0, cli.Code);
        Assert.Equal(cli.Out.TrimEnd(), body.TrimEnd());
        Assert.Equal("conversion:edit_page:within=7d", JsonDocument.Parse(body).RootElement.GetProperty("metrics")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_query_document_runs_the_same_experiment_as_the_get()
    {
        var client = server.Client();
        var get = await client.GetStringAsync("/api/v1/experiments/onboarding_checklist?metric=count:create_page&alternative=greater&limit=3&breakdown=plan");
        var post = await client.PostAsync("/api/v1/analysis/run",
            new StringContent("""{"analysis": "experiment", "name": "onboarding_checklist", "metric": ["count:create_page"], "alternative": "greater", "limit": 3, "breakdown": "plan"}"""));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(get, await post.Content.ReadAsStringAsync());
    }

    [Theory]
    // editor_redesign is in the scenario's sextant.yaml but has no assignments.
    [InlineData("/api/v1/experiments/nope", "name", "no experiment named 'nope' in the assignments (experiments: onboarding_checklist)")]
    [InlineData("/api/v1/experiments/editor_redesign", "name", "no experiment named 'editor_redesign'")]
    [InlineData("/api/v1/experiments/onboarding_checklist?metric=conversion:create_pag", "metric", "unknown event 'create_pag'")]
    [InlineData("/api/v1/experiments/onboarding_checklist?metric=bogus:x", "metric", "bogus")]
    [InlineData("/api/v1/experiments/onboarding_checklist?segment=no_such_trait", "segment", "no_such_trait")]
    [InlineData("/api/v1/experiments/onboarding_checklist?alternative=sideways", "alternative", "alternative 'sideways' is not one of: two-sided, greater, less")]
    [InlineData("/api/v1/experiments/onboarding_checklist?window=7x", "window", "window '7x'")]
    [InlineData("/api/v1/experiments/onboarding_checklist?cuped=maybe", "cuped", "cuped 'maybe' is not true or false")]
    [InlineData("/api/v1/experiments/onboarding_checklist?bayesian=true", "bayesian", "experiment takes no bayesian")]
    public async Task A_bad_experiment_query_is_a_400_problem_naming_the_field(string url, string field, string detail)
    {
        await ProblemAssert.BadRequest(await server.Client().GetAsync(url), field, detail);
    }

    [Fact]
    public void The_cli_names_an_unknown_experiment_in_one_line_as_the_api_does()
    {
        var cli = server.Cli("experiment", "nope");

        Assert.Equal(2, cli.Code);
        Assert.Equal("sextant: no experiment named 'nope' in the assignments (experiments: onboarding_checklist)", cli.Error.Trim());
    }
}
