using System.Text;
using Sextant.Connectors;
using Sextant.Connectors.Mock;

namespace Sextant.Tests.Connectors;

public sealed class MixpanelPullTests : IDisposable
{
    private static readonly DateOnly March1 = new(2024, 3, 1);
    private static readonly DateOnly March2 = new(2024, 3, 2);

    // 2024-03-01T00:00:00Z is 1709251200; the four events of March 1 are at 11:00, 11:01, 11:02 and 11:03.
    private const string March1Lines =
        """
        {"event":"Page Viewed","properties":{"time":1709290800,"distinct_id":"$device:d1","$device_id":"d1","$insert_id":"a1"}}
        {"event":"Signed Up","properties":{"time":1709290860,"distinct_id":"u1","$device_id":"d1","$user_id":"u1","$insert_id":"a2"}}
        {"event":"Project Created","properties":{"time":1709290920,"distinct_id":"u1","$user_id":"u1","$insert_id":"a3"}}
        {"event":"Purchase","properties":{"time":1709290980,"distinct_id":"u1","$user_id":"u1","$insert_id":"a4","$revenue":29}}

        """;

    // 2024-03-02T09:00:00Z.
    private const string March2Lines =
        """
        {"event":"Session Started","properties":{"time":1709370000,"distinct_id":"u1","$user_id":"u1","$insert_id":"b1"}}

        """;

    private readonly PullHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static LoopbackResponse Lines(string text) => LoopbackResponse.Text(200, text);

    private static LoopbackResponse ByDay(LoopbackRequest request) =>
        Lines(request.Parameter("from_date") == "2024-03-01" ? March1Lines : request.Parameter("from_date") == "2024-03-02" ? March2Lines : "");

    [Fact]
    public void Each_day_is_asked_for_with_basic_auth_and_its_events_are_stored()
    {
        var requests = new List<LoopbackRequest>();
        using var server = new LoopbackHttpServer(request =>
        {
            lock (requests) requests.Add(request);
            return ByDay(request);
        });

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl, "svc.user", "s3cret", project: "42"), March1, March2);

        Assert.Null(result.Error);
        Assert.Equal([4L, 1L], result.Days.Select(d => d.Inserted));
        Assert.Equal(["saved", "saved"], result.Days.Select(d => d.Checkpoint));
        Assert.Equal(5, _harness.StoredEvents());
        var first = requests[0];
        Assert.Equal("/api/2.0/export", first.Path);
        Assert.Equal("2024-03-01", first.Parameter("from_date"));
        Assert.Equal("2024-03-01", first.Parameter("to_date"));
        Assert.Equal("42", first.Parameter("project_id"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc.user:s3cret")), first.Header("Authorization"));
        Assert.Contains("gzip", first.Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_answer_is_read_whole()
    {
        using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, MockVendorServer.Gzip(Encoding.UTF8.GetBytes(March1Lines)),
            new Dictionary<string, string> { ["Content-Encoding"] = "gzip" }));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Equal(4, result.Days[0].Read);
        Assert.Equal(4, result.Days[0].Inserted);
    }

    [Fact]
    public void An_empty_day_reads_nothing_and_is_done()
    {
        using var server = new LoopbackHttpServer(_ => Lines(""));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(0, result.Days[0].Read);
        Assert.Equal("saved", result.Days[0].Checkpoint);
    }

    [Fact]
    public void A_body_cut_short_is_pulled_again_and_stored_once()
    {
        // Cut in the middle of the second line, after the headers promised the whole body.
        var cut = Encoding.UTF8.GetByteCount(March1Lines.Split('\n')[0]) + 1 + 40;
        var calls = 0;
        using var server = new LoopbackHttpServer(request =>
            Interlocked.Increment(ref calls) == 1 ? Lines(March1Lines) with { SendBytes = cut } : Lines(March1Lines));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        var day = result.Days[0];
        Assert.Equal(1, day.Retries);
        Assert.Equal(4, day.Read);
        Assert.Equal(4, day.Inserted + day.Duplicates);
        Assert.Equal(4, _harness.StoredEvents());
        Assert.Equal(0, _harness.RepeatedEventIds());
    }

    [Fact]
    public void A_gzip_body_that_ends_early_fails_the_attempt_instead_of_losing_its_end()
    {
        var gzip = MockVendorServer.Gzip(Encoding.UTF8.GetBytes(March1Lines));
        var calls = 0;
        // No Content-Length: only the gzip trailer can tell that the body is incomplete.
        var headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" };
        using var server = new LoopbackHttpServer(_ =>
        {
            var body = Interlocked.Increment(ref calls) == 1 ? gzip[..(gzip.Length - 12)] : gzip;
            return new LoopbackResponse(200, body, headers) { SendLength = false };
        });

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(1, result.Days[0].Retries);
        Assert.Equal(4, _harness.StoredEvents());
    }

    [Fact]
    public void A_day_interrupted_in_one_run_is_completed_by_the_next_without_duplicates()
    {
        // 6,000 events (about 700 KB): records reach the store in parts of 2,048, so whole parts commit before the cut.
        _harness.IngestOptions = new Sextant.Ingest.IngestOptions { BatchSize = 100 };
        _harness.Options = _harness.Options with { Retry = _harness.Options.Retry with { MaxRetries = 1 } };
        var lines = string.Concat(Enumerable.Range(0, 6000).Select(i =>
            $"{{\"event\":\"Page Viewed\",\"properties\":{{\"time\":{1709290800 + i},\"distinct_id\":\"$device:d{i % 50}\",\"$insert_id\":\"id-{i:00000}\",\"path\":\"/docs/page/{i}\"}}}}\n"));
        var body = Encoding.UTF8.GetBytes(lines);
        PullResult first;
        using (var broken = new LoopbackHttpServer(_ => LoopbackResponse.Text(200, lines) with { SendBytes = body.Length * 3 / 4 }))
            first = _harness.Pull(PullHarness.Settings("mixpanel", broken.BaseUrl), March1, March1);
        Assert.Contains("mixpanel 2024-03-01: the answer broke off, after 2 attempts (", first.Error, StringComparison.Ordinal);
        Assert.Equal("failed", first.Days[0].Checkpoint);
        var storedBefore = _harness.StoredEvents();
        Assert.InRange(storedBefore, 1, 4499);

        PullResult second;
        using (var healed = new LoopbackHttpServer(_ => LoopbackResponse.Text(200, lines)))
            second = _harness.Pull(PullHarness.Settings("mixpanel", healed.BaseUrl), March1, March1);

        Assert.Null(second.Error);
        Assert.Equal("saved", second.Days[0].Checkpoint);
        Assert.Equal(storedBefore, second.Days[0].Duplicates);
        Assert.Equal(6000 - storedBefore, second.Days[0].Inserted);
        Assert.Equal(6000, _harness.StoredEvents());
        Assert.Equal(0, _harness.RepeatedEventIds());
    }

    [Fact]
    public void A_429_waits_the_seconds_retry_after_asks()
    {
        var calls = 0;
        using var server = new LoopbackHttpServer(request => Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(429, [], new Dictionary<string, string> { ["Retry-After"] = "7" })
            : ByDay(request));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(1, result.Days[0].Retries);
        Assert.Equal([TimeSpan.FromSeconds(7)], _harness.RetryDelays);
        Assert.Equal(4, result.Days[0].Inserted);
    }

    [Fact]
    public void A_429_with_an_http_date_waits_until_that_date()
    {
        var calls = 0;
        // The clock says 2024-03-10 12:00:00 UTC; the server asks to come back 90 seconds later.
        using var server = new LoopbackHttpServer(request => Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(429, [], new Dictionary<string, string> { ["Retry-After"] = "Sun, 10 Mar 2024 12:01:30 GMT" })
            : ByDay(request));

        _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Equal([TimeSpan.FromSeconds(90)], _harness.RetryDelays);
    }

    [Fact]
    public void A_retry_after_longer_than_an_hour_is_cut_to_an_hour()
    {
        var calls = 0;
        using var server = new LoopbackHttpServer(request => Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(429, [], new Dictionary<string, string> { ["Retry-After"] = "86400" })
            : ByDay(request));

        _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Equal([TimeSpan.FromHours(1)], _harness.RetryDelays);
    }

    [Fact]
    public void A_checkpoint_file_that_is_not_json_is_an_error_saying_what_to_do()
    {
        File.WriteAllText(_harness.CheckpointPath, "{ not json");
        using var server = new LoopbackHttpServer(ByDay);

        var error = Assert.Throws<SextantException>(() => _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1));

        Assert.StartsWith($"'{_harness.CheckpointPath}' line 1: not JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); remove it to pull every day again", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void Server_errors_are_retried_until_an_answer_comes()
    {
        var calls = 0;
        using var server = new LoopbackHttpServer(request => Interlocked.Increment(ref calls) switch
        {
            1 => LoopbackResponse.Text(503, "busy"),
            2 => LoopbackResponse.Text(500, "oops"),
            _ => ByDay(request),
        });

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Days[0].Retries);
        Assert.Equal(4, result.Days[0].Inserted);
        Assert.Equal(2, _harness.RetryDelays.Count);
    }

    [Fact]
    public void Server_errors_that_never_end_stop_after_the_last_attempt()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(502, "bad gateway"));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March2);

        // MaxRetries 3: four requests, then the run stops at the first day.
        Assert.Equal(4, server.Requests);
        Assert.Single(result.Days);
        Assert.Equal("failed", result.Days[0].Checkpoint);
        Assert.StartsWith("mixpanel: HTTP 502 from ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("after 4 attempts; run the same command later to resume", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_harness.CheckpointPath));
    }

    [Fact]
    public void With_no_retries_a_server_error_stops_after_one_request()
    {
        _harness.Options = _harness.Options with { Retry = _harness.Options.Retry with { MaxRetries = 0 } };
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(503, "busy"));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Equal(1, server.Requests);
        Assert.EndsWith("after 1 attempt; run the same command later to resume", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_client_error_stops_with_the_start_of_the_answer()
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(400, "{\"error\": \"to_date cannot be later than today\"}"));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl), March1, March1);

        Assert.Equal(1, server.Requests);
        Assert.Equal($"mixpanel: HTTP 400 from {server.BaseUrl}/api/2.0/export: {{\"error\": \"to_date cannot be later than today\"}}", result.Error);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void Refused_credentials_stop_at_once_with_one_line(int status)
    {
        using var server = new LoopbackHttpServer(_ => LoopbackResponse.Text(status, "{\"error\": \"bad key\"}"));

        var result = _harness.Pull(PullHarness.Settings("mixpanel", server.BaseUrl, "user", "do-not-print"), March1, March1);

        Assert.Equal(1, server.Requests);
        Assert.Equal($"mixpanel: the credentials were refused (HTTP {status}); check the mixpanel test variables", result.Error);
        Assert.DoesNotContain("do-not-print", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_day_is_skipped_next_time_and_pulled_again_with_refresh()
    {
        using var server = new LoopbackHttpServer(ByDay);
        var settings = PullHarness.Settings("mixpanel", server.BaseUrl);
        _harness.Pull(settings, March1, March2);

        var again = _harness.Pull(settings, March1, March2);
        Assert.Equal(2, server.Requests);
        Assert.Equal(["skipped", "skipped"], again.Days.Select(d => d.Checkpoint));

        _harness.Options = _harness.Options with { Refresh = true };
        var refreshed = _harness.Pull(settings, March1, March2);
        Assert.Equal(4, server.Requests);
        Assert.Equal([4L, 1L], refreshed.Days.Select(d => d.Duplicates));
        Assert.Equal(5, _harness.StoredEvents());
    }

    [Fact]
    public void The_day_not_yet_over_is_pulled_but_never_checkpointed()
    {
        // 2024-03-02 ends at midnight UTC and settles 14 hours later, at 14:00 on March 3.
        _harness.Clock = new InstantClock(new DateTimeOffset(2024, 3, 3, 13, 59, 0, TimeSpan.Zero));
        using var server = new LoopbackHttpServer(ByDay);
        var settings = PullHarness.Settings("mixpanel", server.BaseUrl);

        var result = _harness.Pull(settings, March1, March2);
        Assert.Equal(["saved", "open"], result.Days.Select(d => d.Checkpoint));

        var again = _harness.Pull(settings, March1, March2);
        Assert.Equal(["skipped", "open"], again.Days.Select(d => d.Checkpoint));
        Assert.Equal(1, again.Days[1].Duplicates);
        Assert.Equal(3, server.Requests);
    }
}
