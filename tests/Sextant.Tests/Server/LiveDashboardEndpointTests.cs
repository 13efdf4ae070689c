using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sextant.Analysis;
using Sextant.Application;
using Sextant.Configuration.Queries;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Dashboards.Live;
using Sextant.Server.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed partial class LiveDashboardEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_index_links_every_dashboard_page()
    {
        var response = await server.Client().GetAsync("/");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var links = HrefOf().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(LiveDashboards.Catalog.Select(c => "/dashboards/" + c.Slug), links);
        Assert.Equal(12, links.Count);
    }

    [Fact]
    public void The_catalog_lists_the_dashboards_the_report_builds_in_order()
    {
        var inputs = Project.Open(server.StorePath).Report();

        Assert.Equal(DashboardSet.Build(inputs).Select(d => (d.Slug, d.Title)), LiveDashboards.Catalog);
    }

    [Fact]
    public async Task A_page_carries_controls_and_no_data_or_inline_script()
    {
        var response = await server.Client().GetAsync("/dashboards/funnel");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("name=\"steps\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"window\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"period\"", html, StringComparison.Ordinal);
        // Every script is loaded by address; none is written into the page.
        Assert.Equal(3, Regex.Matches(html, "<script").Count);
        Assert.Equal(3, Regex.Matches(html, "<script src=\"/assets/[a-z.]+\"></script>").Count);
        Assert.Contains("name=\"period\"", await server.Client().GetStringAsync("/dashboards/retention"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dashboard_is_a_404_problem_that_does_not_echo_markup()
    {
        var page = await server.Client().GetAsync("/dashboards/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var content = await server.Client().GetAsync("/api/v1/dashboards/nope");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        Assert.Contains("no dashboard named 'nope'", await content.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_library_is_served_once_with_caching_headers()
    {
        var client = server.Client();
        var response = await client.GetAsync("/assets/echarts.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True((await response.Content.ReadAsStringAsync()).Length > 500_000);
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/echarts.min.js");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/secrets.json")).StatusCode);
    }

    [Fact]
    public async Task The_funnel_dashboards_product_funnel_is_the_funnel_endpoints_answer_for_the_same_view()
    {
        const string View = "steps=signup,create_page,edit_page&window=7d&breakdown=segment&from=2025-02-01&to=2025-05-31";
        var client = server.Client();

        var content = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboards/funnel?" + View)).RootElement;
        var funnel = JsonDocument.Parse(await client.GetStringAsync("/api/v1/funnel?" + View)).RootElement;

        var drawn = FunnelValues(content, "product_funnel");
        Assert.Equal(funnel.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64()), drawn);
        Assert.True(drawn[0] > 0);
        Assert.Equal("signup,create_page,edit_page", content.GetProperty("controls").GetProperty("steps").GetString());
        Assert.Equal("7d", content.GetProperty("controls").GetProperty("window").GetString());
    }

    [Fact]
    public async Task A_segment_filter_keeps_the_users_of_that_segment_only()
    {
        // Given the product funnel by segment for every user,
        var client = server.Client();
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/funnel?steps=signup,create_page&window=7d&breakdown=segment")).RootElement;
        var group = all.GetProperty("breakdown").EnumerateArray().First();
        var value = group.GetProperty("value").GetString()!;

        // when the dashboard is filtered to one segment,
        var content = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/dashboards/funnel?steps=signup,create_page&window=7d&filter=segment:{value}")).RootElement;

        // then its funnel counts exactly that segment's group.
        Assert.Equal(group.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64()), FunnelValues(content, "product_funnel"));
    }

    [Theory]
    [InlineData("window=3x", "window", "window '3x'")]
    [InlineData("steps=signup,create_pag", "steps", "unknown event 'create_pag'")]
    [InlineData("filter=segment", "filter", "is not ATTRIBUTE:VALUE")]
    [InlineData("filter=segmnt:smb", "filter", "segmnt")]
    [InlineData("period=year", "period", "period 'year' is not one of: day, week, month")]
    [InlineData("cohort=nobody", "cohort", "nobody")]
    [InlineData("from=2025-13-01", "from", "is not a date")]
    [InlineData("colour=red", "colour", "dashboards takes no colour")]
    public async Task A_bad_view_is_a_400_problem_naming_the_field(string query, string field, string detail)
    {
        var response = await server.Client().GetAsync("/api/v1/dashboards/funnel?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_narrows_the_report_analyses_as_the_same_query_run_alone()
    {
        // Given a week-by-week retention view over the spring, for one saved cohort,
        var project = Project.Open(server.StorePath);
        var range = project.Range("2025-03-01", "2025-05-31");
        var members = project.Cohort("creators");
        var scope = new DashboardScope(range, members, RetentionPeriod: CalendarPeriod.Week);

        // when the report analyses run for that view,
        var inputs = project.Report(scope: scope);

        // then retention is the query with that range, cohort and period, and it differs from the report's own.
        var alone = project.Run(RetentionQueries.FromConfig(project.Config) with { Period = CalendarPeriod.Week, Range = range, Cohort = members });
        Assert.Equal(alone.Average.Select(a => (a.Period, a.Eligible, a.Rate)), inputs.Retention.Average.Select(a => (a.Period, a.Eligible, a.Rate)));
        Assert.Equal(CalendarPeriod.Week, inputs.Retention.Period);
        var everyone = project.Report().Retention;
        Assert.True(inputs.Retention.Cohorts.Sum(c => c.Size) < everyone.Cohorts.Sum(c => c.Size));
        Assert.True(inputs.Retention.Cohorts.Sum(c => c.Size) > 0);
    }

    [Fact]
    public void Views_are_computed_once_per_snapshot_and_an_older_snapshots_views_are_dropped()
    {
        var views = new DashboardViews();
        var first = Project.Open(server.StorePath);
        var scope = new DashboardScope(RetentionPeriod: CalendarPeriod.Week);

        var once = views.Of(first, scope);
        Assert.Same(once, views.Of(first, scope with { }));
        Assert.NotSame(once, views.Of(first, DashboardScope.All));
        Assert.Equal(2, views.Count);

        var refreshed = Project.Open(server.StorePath);
        var again = views.Of(refreshed, scope);
        Assert.NotSame(once, again);
        Assert.Equal(1, views.Count);
    }

    private static List<long> FunnelValues(JsonElement content, string chart) =>
        [.. content.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == chart)
            .GetProperty("option").GetProperty("series").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "funnel")
            .GetProperty("data").EnumerateArray().Select(d => (long)d.GetProperty("value").GetDouble())];

    [GeneratedRegex("<a href=\"(/dashboards/[a-z_]+)\">")]
    private static partial Regex HrefOf();
}
