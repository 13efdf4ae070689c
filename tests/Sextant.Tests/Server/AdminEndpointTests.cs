using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class AdminEndpointTests
{
    // alice: e1 (anonymous a1, linked to her by e2), e2 signup, e3 view; bob: signup then view; carol: a view only.
    private const string Events = """
        event_id,user_id,anonymous_id,event,timestamp
        e1,,a1,view,2026-01-01T09:00:00Z
        e2,alice,a1,signup,2026-01-01T10:00:00Z
        e3,alice,,view,2026-01-02T10:00:00Z
        e4,bob,,signup,2026-01-01T11:00:00Z
        e5,bob,,view,2026-01-02T12:00:00Z
        e7,carol,,view,2026-01-03T10:00:00Z

        """;

    [Fact]
    public async Task Forget_erases_a_person_and_later_answers_no_longer_count_them()
    {
        // Given a hand-made store where alice and bob sign up and then view,
        await using var server = await StoreServer.Over(Ingest);
        using var client = server.Client();
        Assert.Equal(new long[] { 2, 2 }, await FunnelUsers(client));

        // when alice is forgotten over the API,
        using var response = await client.PostAsync("/api/v1/forget", JsonContent.Create(new { user_ids = new[] { "alice" }, by = "ticket-42" }));

        // then her one user and three events (with her linked anonymous view) are erased,
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var erased = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("erased");
        Assert.Equal(1, erased.GetProperty("users").GetInt64());
        Assert.Equal(3, erased.GetProperty("events").GetInt64());
        Assert.Equal(1, erased.GetProperty("anonymous_ids").GetInt64());
        // the very next answer counts bob alone,
        Assert.Equal(new long[] { 1, 1 }, await FunnelUsers(client));
        // and forgetting her again is a 400 naming the field, changing nothing.
        using var again = await client.PostAsync("/api/v1/forget", JsonContent.Create(new { user_ids = new[] { "alice" } }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("user_ids", problem.GetProperty("field").GetString());
        Assert.Contains("unknown user id 'alice'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_while_events_arrive_loses_no_event_and_erases_exactly_the_person()
    {
        // Given the hand-made store (6 events, alice's 3 among them),
        await using var server = await StoreServer.Over(Ingest);
        using var client = server.Client();

        // when alice is forgotten while four posts of 25 new events each (dave's) arrive at once,
        var posts = Enumerable.Range(0, 4).Select(batch => client.PostAsync("/api/v1/events", new StringContent(string.Join('\n',
            Enumerable.Range(0, 25).Select(i => $$"""{"event_id": "d{{batch}}-{{i}}", "user_id": "dave", "event": "view", "timestamp": "2026-01-04T10:00:00Z"}""")),
            System.Text.Encoding.UTF8, "application/x-ndjson"))).ToList();
        var forget = client.PostAsync("/api/v1/forget", JsonContent.Create(new { user_ids = new[] { "alice" } }));
        var answers = await Task.WhenAll([.. posts, forget]);

        // then every request succeeded, the 100 events are stored once, alice's 3 are gone,
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var post in answers[..4])
            Assert.Equal(25, JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("inserted").GetInt64());
        var erased = JsonDocument.Parse(await answers[4].Content.ReadAsStringAsync()).RootElement.GetProperty("erased");
        Assert.Equal(3, erased.GetProperty("events").GetInt64());
        // and the server answers from exactly the 6 - 3 + 100 events left.
        var info = JsonDocument.Parse(await client.GetStringAsync("/api/v1/info")).RootElement;
        Assert.Equal(103, info.GetProperty("events").GetInt64());
        Assert.Equal(new long[] { 1, 1 }, await FunnelUsers(client));
    }

    [Theory]
    [InlineData("{}", "user_ids")]
    [InlineData("""{"user_ids": []}""", "user_ids")]
    [InlineData("""{"user_ids": [{"id": "alice"}]}""", "user_ids")]
    [InlineData("""{"user_ids": ["alice"], "reason": "gdpr"}""", "reason")]
    [InlineData("""{"user_ids": ["alice"], "by": ["a", "b"]}""", "by")]
    public async Task A_bad_forget_request_is_a_400_naming_the_field_and_erases_nothing(string body, string field)
    {
        await using var server = await StoreServer.Over(Ingest);
        using var client = server.Client();

        using var response = await client.PostAsync("/api/v1/forget", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        Assert.Equal(new long[] { 2, 2 }, await FunnelUsers(client));
    }

    [Fact]
    public async Task Config_answers_the_effective_settings_and_no_secret()
    {
        // Given a server over the generated store (its sextant.yaml beside it) with an admin key,
        string admin = "";
        await using var server = await StoreServer.Generated(keys => admin = keys.Create(ApiRole.Admin, "boss").Text);

        // when the admin asks for the configuration,
        var body = await server.Client(admin).GetStringAsync("/api/v1/config");

        // then it names the store, the settings file and the server's limits, with sextant.yaml's settings filled in,
        var config = JsonDocument.Parse(body).RootElement;
        Assert.Equal(server.StorePath, config.GetProperty("store").GetString());
        Assert.Equal(Path.Combine(server.Directory, "sextant.yaml"), config.GetProperty("config_file").GetString());
        Assert.Equal("127.0.0.1", config.GetProperty("bind").GetString());
        Assert.True(config.GetProperty("keys_required").GetBoolean());
        Assert.Equal(1_000, config.GetProperty("max_events_per_request").GetInt32());
        Assert.Equal("UTC", config.GetProperty("settings").GetProperty("time_zone").GetString());
        Assert.True(config.GetProperty("settings").GetProperty("funnels").GetArrayLength() > 0);
        // and nothing of a key.
        Assert.DoesNotContain("sxk_", body, StringComparison.Ordinal);
        Assert.DoesNotContain(admin[(admin.IndexOf('_', "sxk_".Length) + 1)..], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_endpoint_refuses_fields_it_does_not_take()
    {
        await using var server = await StoreServer.Generated();

        using var response = await server.Client().GetAsync("/api/v1/config?verbose=true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("verbose", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    private static void Ingest(string storePath)
    {
        var directory = Path.GetDirectoryName(storePath)!;
        var file = Path.Combine(directory, "events.csv");
        File.WriteAllText(file, Events);
        var (code, _, error) = InProcessCli.Run("ingest", file, "--store", storePath);
        Assert.True(code == 0, error);
    }

    private static async Task<long[]> FunnelUsers(HttpClient client)
    {
        var funnel = JsonDocument.Parse(await client.GetStringAsync("/api/v1/funnel?steps=signup,view&window=7d")).RootElement;
        return [.. funnel.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64())];
    }
}
