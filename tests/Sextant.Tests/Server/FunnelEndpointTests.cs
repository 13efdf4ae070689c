using System.Net;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class FunnelEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_funnel_endpoint_answers_the_same_json_as_the_cli()
    {
        // Given the same funnel asked over HTTP and on the command line,
        var body = await server.Client().GetStringAsync("/api/v1/funnel?steps=signup,create_page,edit_page&window=7d&breakdown=segment&from=2025-02-01&to=2025-05-31");
        var cli = server.Cli("funnel", "--steps", "signup,create_page,edit_page", "--window", "7d", "--breakdown", "segment", "--from", "2025-02-01", "--to", "2025-05-31", "--json");

        // then the bodies are the same JSON, byte for byte.
        Assert.Equal(0, cli.Code);
        Assert.Equal(cli.Out.TrimEnd(), body.TrimEnd());
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("steps")[0].GetProperty("users").GetInt64() > 0);
    }

    [Fact]
    public async Task A_query_document_runs_the_same_funnel_as_the_query_string()
    {
        var client = server.Client();
        var get = await client.GetStringAsync("/api/v1/funnel?steps=signup,create_page&breakdown=segment&breakdown=platform&limit=3");
        var post = await client.PostAsync("/api/v1/analysis/run",
            new StringContent("""{"analysis": "funnel", "steps": "signup,create_page", "breakdown": ["segment", "platform"], "limit": 3}"""));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(get, await post.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/funnel?steps=signup,create_pag", "steps", "unknown event 'create_pag' (did you mean 'create_page'?)")]
    [InlineData("/api/v1/funnel?steps=signup&windw=3d", "windw", "funnel takes no windw")]
    [InlineData("/api/v1/funnel?steps=signup&window=3x", "window", "window '3x'")]
    [InlineData("/api/v1/funnel?steps=signup&from=2025-13-01", "from", "from '2025-13-01' is not a date")]
    [InlineData("/api/v1/funnel?steps=signup&to=soon", "to", "to 'soon' is not a date")]
    [InlineData("/api/v1/funnel?steps=signup&from=2025-03-01&to=2025-02-01", "from", "from '2025-03-01' is not before to '2025-02-01': the range is empty")]
    [InlineData("/api/v1/funnel?steps=signup&limit=0", "limit", "limit must be 1 or more")]
    [InlineData("/api/v1/funnel", "steps", "give either steps or name")]
    public async Task A_bad_query_is_a_400_problem_naming_the_field(string url, string field, string detail)
    {
        await ProblemAssert.BadRequest(await server.Client().GetAsync(url), field, detail);
    }

    [Fact]
    public async Task Range_errors_over_http_name_the_fields_as_fields_and_the_cli_names_them_as_options()
    {
        var response = await server.Client().GetAsync("/api/v1/funnel?steps=signup&from=2025-03-01&to=2025-02-01");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        var cli = server.Cli("funnel", "--steps", "signup", "--from", "2025-03-01", "--to", "2025-02-01");

        Assert.Equal("from '2025-03-01' is not before to '2025-02-01': the range is empty", detail);
        Assert.Equal(2, cli.Code);
        Assert.Contains("--from '2025-03-01' is not before --to '2025-02-01': the range is empty", cli.Error, StringComparison.Ordinal);
    }
}
