using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sextant.Events;
using Sextant.Server.Access;
using Sextant.Server.Audit;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class AuditTests
{
    [Fact]
    public async Task Writes_admin_calls_and_denied_requests_are_recorded_and_reads_are_not()
    {
        // Given a server with an admin and a read key,
        string admin = "", reader = "";
        await using var server = await StoreServer.Generated(keys =>
        {
            admin = keys.Create(ApiRole.Admin, "boss").Text;
            reader = keys.Create(ApiRole.Read, "reader").Text;
        });

        // when the admin creates a key and asks to forget an unknown person, the reader runs a funnel
        // and asks for the key list, and callers without a valid key try the config,
        using (var r = await server.Client(admin).PostAsync("/api/v1/keys", JsonContent.Create(new { role = "write", name = "feed" }))) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await server.Client(admin).PostAsync("/api/v1/forget", JsonContent.Create(new { user_ids = new[] { "nobody" } }))) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await server.Client(reader).GetAsync("/api/v1/funnel?steps=signup,create_page")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await server.Client(reader).GetAsync("/api/v1/keys")) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using (var r = await server.Client().GetAsync("/api/v1/config")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await server.Client("sxk_abc_def").GetAsync("/api/v1/config")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        // then the log holds the two admin calls and the three denials, in order, and not the read.
        var entries = AuditLog.Read(server.StorePath);
        Assert.Equal(
        [
            ("boss", "POST", "/api/v1/keys", 201, "ok"),
            ("boss", "POST", "/api/v1/forget", 400, "rejected"),
            ("reader", "GET", "/api/v1/keys", 403, "denied"),
            ("(none)", "GET", "/api/v1/config", 401, "denied"),
            ("(invalid)", "GET", "/api/v1/config", 401, "denied"),
        ], entries.Select(e => (e.KeyName, e.Method, e.Route, e.Status, e.Outcome)));
        Assert.All(entries, e => Assert.Equal((0L, 0L, 0L, 0L), (e.RowsReceived, e.RowsInserted, e.RowsDuplicate, e.RowsQuarantined)));
    }

    [Fact]
    public async Task The_store_never_holds_a_key_a_body_or_a_query_value()
    {
        // Given a server with an admin key,
        string admin = "";
        await using var server = await StoreServer.Generated(keys => admin = keys.Create(ApiRole.Admin, "boss").Text);
        var client = server.Client(admin);

        // when keys are made and used, with values in bodies, paths and query strings,
        using var create = await client.PostAsync("/api/v1/keys", JsonContent.Create(new { role = "read" }));
        var made = JsonDocument.Parse(await create.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using (await client.PostAsync("/api/v1/forget", JsonContent.Create(new { user_ids = new[] { "okapi-person-4471" }, by = "ticket-zebra-9" }))) { }
        using (await client.GetAsync("/api/v1/audit?since=2025-01-01&quokka=wallaby-value-3")) { }
        using (await client.DeleteAsync("/api/v1/keys/narwhal-name-77")) { }
        using (await server.Client(made).GetAsync("/api/v1/funnel?steps=signup,pangolin")) { }
        using (await server.Client(made).GetAsync("/api/v1/keys?capybara=1")) { }
        using (await server.Client(made + "tampered").GetAsync("/api/v1/config")) { }
        var entries = AuditLog.Read(server.StorePath);
        await server.Stop();

        // then the audit log recorded them by route pattern,
        Assert.Contains(entries, e => e.Route == "/api/v1/keys/{name}" && e.Status == 404);
        Assert.Equal(6, entries.Count);
        // and no byte of the store or its side files holds a key, a body or a query value.
        var bytes = server.StoreBytes();
        foreach (var secret in new[] { admin, made, made + "tampered", "okapi-person-4471", "ticket-zebra-9", "quokka", "wallaby-value-3", "narwhal-name-77", "capybara", "pangolin" })
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"the store holds '{secret}'");
    }

    [Fact]
    public async Task The_audit_log_survives_a_restart_and_the_api_answers_it_as_the_cli_does()
    {
        // Given a server whose admin made a call,
        string admin = "";
        await using var server = await StoreServer.Generated(keys => admin = keys.Create(ApiRole.Admin, "boss").Text);
        using (await server.Client(admin).PostAsync("/api/v1/keys", JsonContent.Create(new { role = "read", name = "before" }))) { }

        // when the server is stopped and a new one started on the same store,
        await server.Restart();
        var body = await server.Client(admin).GetStringAsync("/api/v1/audit");

        // then the new server's log still holds the call (the GET asking for it is recorded after it answers),
        var entries = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, entries.GetArrayLength());
        Assert.Equal("boss", entries[0].GetProperty("key_name").GetString());
        Assert.Equal("/api/v1/keys", entries[0].GetProperty("route").GetString());
        Assert.Equal(201, entries[0].GetProperty("status").GetInt32());
        // and the CLI prints the same entry, and now the GET too.
        var cli = server.Cli("audit", "--json");
        Assert.Equal(0, cli.Code);
        var printed = JsonDocument.Parse(cli.Out).RootElement;
        Assert.Equal(2, printed.GetArrayLength());
        Assert.Equal(entries[0].GetRawText(), printed[0].GetRawText());
        Assert.Equal("/api/v1/audit", printed[1].GetProperty("route").GetString());
    }

    [Fact]
    public async Task Audit_since_keeps_the_entries_at_or_after_it_on_the_cli_and_over_http()
    {
        // Given a log with entries on January 31, February 1 at midnight and March 1 (UTC),
        await using var server = await StoreServer.Generated();
        using (var log = new AuditLog(server.StorePath))
        {
            foreach (var day in new[] { "2026-01-31T23:59:59Z", "2026-02-01T00:00:00Z", "2026-03-01T12:00:00Z" })
                log.Append(new AuditEntry(Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), "boss", "POST", "/api/v1/forget", 200, "ok"));
        }

        // when the log is read from February 1,
        var cli = server.Cli("audit", "--since", "2026-02-01", "--json");
        var instant = server.Cli("audit", "--since", "2026-02-01T00:00:01Z", "--json");
        var http = await server.Client().GetStringAsync("/api/v1/audit?since=2026-02-01");

        // then the day keeps the two entries from its first instant, an instant the one after it,
        Assert.Equal(0, cli.Code);
        Assert.Equal(["2026-02-01T00:00:00Z", "2026-03-01T12:00:00Z"], JsonDocument.Parse(cli.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("at").GetString()));
        Assert.Equal(["2026-03-01T12:00:00Z"], JsonDocument.Parse(instant.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("at").GetString()));
        // and the API answers the CLI's JSON.
        Assert.Equal(cli.Out.TrimEnd(), http);
    }

    [Fact]
    public async Task A_bad_since_is_a_400_naming_the_field_and_an_exit_2()
    {
        await using var server = await StoreServer.Generated();

        using var response = await server.Client().GetAsync("/api/v1/audit?since=yesterday");
        var cli = server.Cli("audit", "--since", "yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("since", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        Assert.Equal(2, cli.Code);
        Assert.Contains("--since 'yesterday'", cli.Error, StringComparison.Ordinal);
    }
}
