using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Sextant.Server;
using Sextant.Server.Audit;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class EventEndpointTests
{
    // Three users of a tiny store: a and b signed up, a also created a page.
    private const string Seed = """
        {"event_id": "s1", "user_id": "a", "event": "signup", "timestamp": "2025-03-01T10:00:00Z"}
        {"event_id": "s2", "user_id": "b", "event": "signup", "timestamp": "2025-03-01T11:00:00Z"}
        {"event_id": "s3", "user_id": "a", "event": "create_page", "timestamp": "2025-03-01T12:00:00Z"}
        """;

    // c signs up and creates a page (2 new), one row has no user (quarantined), one repeats s1 (duplicate).
    private static readonly string[] Batch =
    [
        """{"event_id": "n1", "user_id": "c", "event": "signup", "timestamp": "2025-03-02T10:00:00Z"}""",
        """{"event_id": "n2", "user_id": "c", "event": "create_page", "timestamp": "2025-03-02T10:05:00Z"}""",
        """{"event_id": "n3", "event": "signup", "timestamp": "2025-03-02T11:00:00Z"}""",
        """{"event_id": "s1", "user_id": "a", "event": "signup", "timestamp": "2025-03-01T10:00:00Z"}""",
    ];

    private static string ArrayBody(IEnumerable<string> rows) => "[\n  " + string.Join(",\n  ", rows) + "\n]";

    private static string NdjsonBody(IEnumerable<string> rows) => string.Join("\n", rows) + "\n";

    [Fact]
    public async Task A_batch_with_one_bad_row_counts_every_row_and_names_the_bad_one()
    {
        await using var server = await TinyServer.Start();

        var answer = await server.Post(ArrayBody(Batch), "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal((4, 2, 1, 1), answer.Counts);
        var error = Assert.Single(answer.Body.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("missing both user_id and anonymous_id", error.GetProperty("reason").GetString());
        Assert.Contains("\"n3\"", error.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, answer.Body.GetProperty("table_events").GetInt64());
    }

    [Fact]
    public async Task Posting_the_same_events_again_inserts_nothing_and_reports_duplicates()
    {
        await using var server = await TinyServer.Start();
        await server.Post(ArrayBody(Batch), "application/json");

        var again = await server.Post(ArrayBody(Batch), "application/json");

        Assert.Equal((4, 0, 3, 1), again.Counts);
        Assert.Equal(5, again.Body.GetProperty("table_events").GetInt64());
    }

    [Fact]
    public async Task Events_without_an_id_get_a_derived_one_so_a_repost_is_a_duplicate()
    {
        await using var server = await TinyServer.Start();
        const string row = """{"user_id": "d", "event": "signup", "timestamp": "2025-03-03T09:00:00Z"}""";

        var first = await server.Post(row, "application/x-ndjson");
        var second = await server.Post(row, "application/x-ndjson");

        Assert.Equal((1, 1, 0, 0), first.Counts);
        Assert.Equal((1, 0, 1, 0), second.Counts);
    }

    [Fact]
    public async Task Ndjson_and_a_json_array_of_the_same_events_give_the_same_answer()
    {
        await using var arrayServer = await TinyServer.Start();
        await using var ndjsonServer = await TinyServer.Start();

        var array = await arrayServer.Post(ArrayBody(Batch), "application/json");
        // Sniffed: no NDJSON content type, but the body does not start with '['; a blank line is no row.
        var ndjson = await ndjsonServer.Post(NdjsonBody(Batch).Replace("\n", "\n\n", StringComparison.Ordinal), "application/json");

        Assert.Equal(array.Counts, ndjson.Counts);
        Assert.Equal(array.Body.GetProperty("errors").GetRawText(), ndjson.Body.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task More_than_a_thousand_events_is_413_and_stores_nothing()
    {
        await using var server = await TinyServer.Start();
        var rows = Enumerable.Range(1, EventEndpointsLimits.MaxEvents + 1)
            .Select(i => $$"""{"event_id":"e{{i}}","user_id":"u{{i}}","event":"signup","timestamp":"2025-03-02T10:00:00Z"}""");

        var answer = await server.Post(NdjsonBody(rows), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("more than 1,000 events", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(new long[] { 2, 1 }, await server.FunnelSteps("signup,create_page"));
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_413_and_one_at_the_limit_is_read()
    {
        await using var server = await TinyServer.Start();
        var row = """{"event_id": "big", "user_id": "c", "event": "signup", "timestamp": "2025-03-02T10:00:00Z"}""";
        var atLimit = row + new string(' ', EventEndpointsLimits.MaxBodyBytes - row.Length);

        var over = await server.Post(atLimit + " ", "application/x-ndjson");
        var at = await server.Post(atLimit, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.Status);
        Assert.Equal(HttpStatusCode.OK, at.Status);
        Assert.Equal((1, 1, 0, 0), at.Counts);
    }

    [Fact]
    public async Task After_a_post_the_funnel_counts_the_new_users_at_once()
    {
        await using var server = await TinyServer.Start();
        var before = await server.FunnelSteps("signup,create_page");

        await server.Post(ArrayBody(Batch), "application/json");

        // c is a new step-1 and step-2 user: signup 2 → 3 users, then create_page 1 → 2.
        var after = await server.FunnelSteps("signup,create_page");
        Assert.Equal(new long[] { 2, 1 }, before);
        Assert.Equal(new long[] { 3, 2 }, after);
    }

    [Fact]
    public async Task After_a_post_the_table_snapshot_beside_the_store_is_current_for_the_command_line()
    {
        await using var server = await TinyServer.Start();

        await server.Post(ArrayBody(Batch), "application/json");

        // A stale snapshot would be reported and the table built from the store instead.
        var notices = new List<string>();
        var project = Sextant.Application.Project.Open(server.StorePath, notice: notices.Add);
        Assert.Equal(5, project.Table.EventCount);
        Assert.Empty(notices);
    }

    [Fact]
    public async Task The_audit_log_records_the_row_counts_and_the_store_quarantine_the_bad_row()
    {
        await using var server = await TinyServer.Start();

        await server.Post(ArrayBody(Batch), "application/json");

        var entry = Assert.Single(AuditLog.Read(server.StorePath));
        Assert.Equal(("POST", "/api/v1/events", "ok"), (entry.Method, entry.Route, entry.Outcome));
        Assert.Equal((4L, 2L, 1L, 1L), (entry.RowsReceived, entry.RowsInserted, entry.RowsDuplicate, entry.RowsQuarantined));
        var quarantined = JsonDocument.Parse(File.ReadAllLines(server.StorePath + ".quarantine.jsonl").Single()).RootElement;
        Assert.Equal("http:(none)", quarantined.GetProperty("file").GetString());
        Assert.Equal(3, quarantined.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("""[{"event_id": "x", """, "application/json", 400, "not a valid JSON array")]
    [InlineData("""[{"event_id": "x"}] trailing""", "application/json", 400, "not a valid JSON array")]
    [InlineData("event_id,user_id\nx,y\n", "text/csv", 415, "application/x-ndjson")]
    public async Task A_body_that_cannot_be_split_into_events_is_a_problem_not_a_500(string body, string contentType, int status, string detail)
    {
        await using var server = await TinyServer.Start();

        var answer = await server.Post(body, contentType);

        Assert.Equal(status, (int)answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains(detail, answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_that_are_not_event_objects_are_quarantined_each_with_its_row()
    {
        await using var server = await TinyServer.Start();

        var answer = await server.Post("""{"event_id": "ok1", "user_id": "c", "event": "signup", "timestamp": "2025-03-02T10:00:00Z"}""" + "\n{not json\n[1, 2]\n", "application/x-ndjson");

        Assert.Equal((3, 1, 0, 2), answer.Counts);
        Assert.Equal([2, 3], answer.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
    }

    /// <summary>A store of <see cref="Seed"/>'s three events served in process.</summary>
    private sealed class TinyServer : IAsyncDisposable
    {
        private readonly TempDirectory _directory = new();
        private WebApplication? _app;
        private HttpClient? _client;

        public string StorePath => _directory.File("sextant.db");

        public static async Task<TinyServer> Start()
        {
            var server = new TinyServer();
            var seed = server._directory.Write("seed.jsonl", Seed);
            var (code, _, error) = InProcessCli.Run("ingest", seed, "--store", server.StorePath);
            if (code != 0) throw new InvalidOperationException("ingest failed: " + error);
            server._app = SextantServer.Build(new ServerOptions(server.StorePath), builder => builder.WebHost.UseTestServer());
            await server._app.StartAsync();
            server._client = server._app.GetTestClient();
            return server;
        }

        public async Task<Answer> Post(string body, string contentType)
        {
            using var content = new StringContent(body, Encoding.UTF8, contentType);
            using var response = await _client!.PostAsync("/api/v1/events", content);
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
        }

        public async Task<long[]> FunnelSteps(string steps)
        {
            var body = await _client!.GetStringAsync($"/api/v1/funnel?steps={steps}");
            return [.. JsonDocument.Parse(body).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64())];
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_app is not null) await _app.DisposeAsync();
            _directory.Dispose();
        }
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, JsonElement Body)
    {
        public (long, long, long, long) Counts => (Body.GetProperty("received").GetInt64(), Body.GetProperty("inserted").GetInt64(),
            Body.GetProperty("duplicates").GetInt64(), Body.GetProperty("quarantined").GetInt64());
    }
}
