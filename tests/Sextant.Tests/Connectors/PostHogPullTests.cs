using System.Text.Json.Nodes;
using Sextant.Connectors.Mock;

namespace Sextant.Tests.Connectors;

/// <summary>PostHog's events API as the transport sees it: pages followed, items counted.</summary>
public sealed class PostHogPullTests : IDisposable
{
    private static readonly DateOnly March1 = new(2024, 3, 1);

    private readonly PullHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject Event(string uuid, string time) => new()
    {
        ["id"] = uuid,
        ["uuid"] = uuid,
        ["event"] = "$pageview",
        ["distinct_id"] = "d1",
        ["properties"] = new JsonObject { ["$device_id"] = "d1" },
        ["timestamp"] = time,
    };

    /// <summary>Three pages of 2, 2 and 1 events, linked by next; page 1 is asked for without an offset.</summary>
    private static LoopbackResponse Page(LoopbackRequest request, string? nextHost = null)
    {
        var page = request.Parameter("offset") switch
        {
            null => 1,
            "2" => 2,
            "4" => 3,
            var other => throw new InvalidOperationException($"unexpected offset {other}"),
        };
        var events = page switch
        {
            1 => new[] { Event("e5", "2024-03-01T20:00:00Z"), Event("e4", "2024-03-01T16:00:00Z") },
            2 => [Event("e3", "2024-03-01T12:00:00Z"), Event("e2", "2024-03-01T08:00:00Z")],
            _ => [Event("e1", "2024-03-01T00:00:00Z")],
        };
        string? next = page < 3 ? $"{nextHost}/api/projects/7/events/?after=x&before=y&offset={page * 2}" : null;
        var body = new JsonObject { ["next"] = next, ["results"] = new JsonArray([.. events]) };
        return LoopbackResponse.Text(200, body.ToJsonString(), "application/json");
    }

    [Fact]
    public void Pages_are_followed_by_their_next_links_with_the_bearer_key()
    {
        var requests = new List<LoopbackRequest>();
        using var server = new LoopbackHttpServer(request =>
        {
            lock (requests) requests.Add(request);
            return Page(request);
        });

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, "phx_personal", project: "7"), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Days[0].Read);
        Assert.Equal(3, requests.Count);
        var first = requests[0];
        Assert.Equal("/api/projects/7/events/", first.Path);
        Assert.Equal("2024-02-29T23:59:59.999999Z", first.Parameter("after"));
        Assert.Equal("2024-03-02T00:00:00.000000Z", first.Parameter("before"));
        Assert.Equal("1000", first.Parameter("limit"));
        Assert.All(requests, r => Assert.Equal("Bearer phx_personal", r.Header("Authorization")));
    }

    [Fact]
    public void Absolute_next_links_to_the_same_host_are_followed()
    {
        LoopbackHttpServer? self = null;
        using var server = new LoopbackHttpServer(request => Page(request, self!.BaseUrl));
        self = server;

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.Equal(5, result.Days[0].Read);
    }

    [Fact]
    public void A_next_link_to_another_host_is_refused_so_the_key_stays_home()
    {
        using var server = new LoopbackHttpServer(request => Page(request, "http://elsewhere.example"));

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.StartsWith("posthog: the next page is on another host (http://elsewhere.example, not http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void A_429_on_a_later_page_retries_that_page_only()
    {
        var calls = 0;
        using var server = new LoopbackHttpServer(request =>
            request.Parameter("offset") == "2" && Interlocked.Increment(ref calls) == 1
                ? new LoopbackResponse(429, [], new Dictionary<string, string> { ["Retry-After"] = "3" })
                : Page(request));

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Days[0].Read);
        Assert.Equal(1, result.Days[0].Retries);
        Assert.Equal(4, server.Requests);
        Assert.Equal([TimeSpan.FromSeconds(3)], _harness.RetryDelays);
    }

    [Fact]
    public void A_page_cut_short_pulls_the_day_again()
    {
        var calls = 0;
        using var server = new LoopbackHttpServer(request =>
        {
            var page = Page(request);
            return request.Parameter("offset") == "4" && Interlocked.Increment(ref calls) == 1 ? page with { SendBytes = page.Body.Length - 5, SendLength = false } : page;
        });

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(1, result.Days[0].Retries);
        Assert.Equal(5, result.Days[0].Read);
        // Three pages, then the day again from page one.
        Assert.Equal(6, server.Requests);
    }

    [Fact]
    public void Pages_gzipped_for_the_transfer_are_unpacked()
    {
        using var server = new LoopbackHttpServer(request =>
        {
            var page = Page(request);
            return new LoopbackResponse(200, MockVendorServer.Gzip(page.Body), new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });
        });

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Days[0].Read);
    }

    [Fact]
    public void A_page_without_results_is_an_error_quoting_what_was_expected()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(200, "{\"detail\": \"ok\"}", "application/json"));

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, project: "7"), March1, March1);

        Assert.Equal("posthog: page 1 of " + server.BaseUrl + "/api/projects/7/events/ has no \"results\" array (expected {\"results\": [...], \"next\": ...})", result.Error);
    }

    [Fact]
    public void The_mock_pages_through_every_generated_event_of_the_day()
    {
        var journeys = new MockJourneys(7);
        var mock = new MockVendorServer(journeys, Sextant.Connectors.ConnectorSettings.Bearer("key"), postHogPageSize: 10);
        using var server = new LoopbackHttpServer(mock.Answer);

        var result = _harness.Count(PullHarness.Settings("posthog", server.BaseUrl, "key", project: MockVendorServer.ProjectId), March1, March1);

        var expected = journeys.EventsOn(March1).Count;
        Assert.Equal(expected, result.Days[0].Read);
        Assert.Equal((expected + 9) / 10, server.Requests);
    }
}
