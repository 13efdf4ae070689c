using System.Text.Json;
using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Engine.InMemory;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>Exports of several tools in one store: an event sent to two tools is stored once, ids link across tools, and identity bookkeeping is never activity.</summary>
public sealed class CrossSourceTests
{
    [Fact]
    public void An_event_sent_through_Segment_and_exported_from_Mixpanel_is_stored_once_and_distinct_events_are_kept()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        // 2024-03-01T12:00:00Z is Unix second 1709294400.
        var segment = directory.Write("segment.jsonl", """
            {"type":"track","event":"Order Completed","messageId":"M","anonymousId":"a1","timestamp":"2024-03-01T12:00:00.250Z","properties":{"revenue":20}}
            {"type":"track","event":"Signed Up","messageId":"M2","userId":"u1","timestamp":"2024-03-01T12:00:00Z"}
            {"type":"track","event":"Viewed","messageId":"M3","userId":"u1","timestamp":"2024-03-01T12:00:00Z"}

            """);
        var mixpanel = directory.Write("mixpanel.jsonl", """
            {"event":"Order Completed","properties":{"time":1709294400,"distinct_id":"u1","$insert_id":"M","revenue":20}}
            {"event":"Plan Chosen","properties":{"time":1709294400,"distinct_id":"u1","$insert_id":"M2"}}
            {"event":"Viewed","properties":{"time":1709294401,"distinct_id":"u1","$insert_id":"M3"}}

            """);

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([segment, mixpanel]);

        // Same insert id, name and second: one event. Same insert id with another name, or another second: two.
        Assert.Equal([("segment", 3L, 3L, 0L), ("mixpanel", 3L, 2L, 1L)], result.Files.Select(f => (f.Format!, f.Read, f.Inserted, f.Duplicates)));
        Assert.Equal((6L, 5L, 1L), (result.Read, result.Inserted, result.Duplicates));
        Assert.Equal(
            ["Order Completed segment a1 20", "Signed Up segment u1 ", "Viewed segment u1 ", "Plan Chosen mixpanel u1 ", "Viewed mixpanel u1 "],
            store.Events.Select(e => $"{e.Event} {e.Source} {e.UserId ?? e.AnonymousId} {e.Revenue}"));
    }

    [Fact]
    public void The_ingest_command_tells_each_file_s_tool_by_its_first_item_or_takes_the_format_given()
    {
        using var directory = new TempDirectory();
        var ga4 = directory.Write("ga4.jsonl", Ga4FormatTests.JsRowsAsJsonLines("dataform-ga4-sessions_form_events_input.js"));
        var segment = Path.Combine(Ga4FormatTests.FixtureDirectory("segment"), "batch-skew-and-context.json");
        var mixpanel = directory.Write("mixpanel.jsonl", """
            {"event":"Logged In","properties":{"time":1709287200,"distinct_id":"u5","$insert_id":"x1"}}

            """);

        var auto = InProcessCli.Run("ingest", ga4, segment, mixpanel, "--store", directory.File("auto.db"), "--json");
        var named = InProcessCli.Run("ingest", "--format", "segment", segment, "--store", directory.File("named.db"), "--json");

        Assert.Equal((0, ""), (auto.Code, auto.Error));
        using var autoJson = JsonDocument.Parse(auto.Out);
        Assert.Equal([(4L, 4L), (4L, 4L), (1L, 1L)], autoJson.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("read").GetInt64(), f.GetProperty("inserted").GetInt64())));
        Assert.Equal((0, ""), (named.Code, named.Error));
        using var namedJson = JsonDocument.Parse(named.Out);
        Assert.Equal((4L, 4L), (namedJson.RootElement.GetProperty("read").GetInt64(), namedJson.RootElement.GetProperty("inserted").GetInt64()));
    }

    [Fact]
    public void Ids_seen_together_in_any_tool_link_to_one_user_and_the_earliest_link_wins()
    {
        using var fixture = new StoreFixture();
        // 09:00 anonymous in Segment (a5) and in GA4 (g5); 10:00 Mixpanel links a5 to u5; 10:30 GA4 links g5 to u5;
        // 11:00 a Segment identify links a5 to u6, too late: a5 stays u5's.
        var segment = fixture.Directory.Write("segment.jsonl", """
            {"type":"track","event":"Viewed","messageId":"s1","anonymousId":"a5","timestamp":"2024-03-01T09:00:00Z"}
            {"type":"identify","messageId":"s2","anonymousId":"a5","userId":"u6","timestamp":"2024-03-01T11:00:00Z"}

            """);
        var mixpanel = fixture.Directory.Write("mixpanel.jsonl", """
            {"event":"Logged In","properties":{"time":1709287200,"distinct_id":"u5","$device_id":"a5","$user_id":"u5","$insert_id":"x1"}}

            """);
        var ga4 = fixture.Directory.Write("ga4.jsonl", """
            {"event_timestamp":"1709283600000000","event_name":"page_view","user_pseudo_id":"g5","event_params":[]}
            {"event_timestamp":"1709289000000000","event_name":"login","user_pseudo_id":"g5","user_id":"u5","event_params":[]}

            """);

        var result = fixture.IngestFiles([segment, mixpanel, ga4]);

        // Segment 3 (track, identify's profile and $identify) + Mixpanel 1 + GA4 2.
        Assert.Equal((6L, 6L, 0L), (result.Read, result.Inserted, result.Quarantined));
        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        Assert.Equal(
            [KeyValuePair.Create("a5", "u5"), KeyValuePair.Create("g5", "u5")],
            IdentityResolution.UsersOf(store.ReadLinks()).OrderBy(p => p.Key, StringComparer.Ordinal));
        var table = fixture.Load();
        var u5 = Array.IndexOf(table.UserKeys, "u5");
        // u5: Viewed (Segment), page_view, Logged In, login; u6: $identify only. No visitor is left.
        Assert.Equal((2, 2, 4), (table.UserCount, table.SignedUpUserCount, table.UserOffsets[u5 + 1] - table.UserOffsets[u5]));
    }

    [Fact]
    public void Identity_events_are_never_excluded_twice_and_follow_the_configured_ones()
    {
        Assert.Equal(["billing", "$create_alias", "$groupidentify", "$identify", "$merge", "$merge_dangerously"], ActiveEvents.Excluded(["billing"]));
        Assert.Equal(["$identify", "$create_alias", "$groupidentify", "$merge", "$merge_dangerously"], ActiveEvents.Excluded(["$identify"]));
    }

    [Fact]
    public void An_identify_does_not_make_a_user_active_in_memory_or_in_the_database()
    {
        using var directory = new TempDirectory();
        // u2's only event on 2 March is the $identify its identify call writes.
        var file = directory.Write("segment.jsonl", """
            {"type":"track","event":"edit","messageId":"e1","userId":"u1","timestamp":"2024-03-01T10:00:00Z"}
            {"type":"track","event":"edit","messageId":"e2","userId":"u2","timestamp":"2024-03-01T11:00:00Z"}
            {"type":"identify","messageId":"e3","anonymousId":"a2","userId":"u2","timestamp":"2024-03-02T09:00:00Z"}
            {"type":"track","event":"edit","messageId":"e4","userId":"u1","timestamp":"2024-03-03T10:00:00Z"}

            """);
        var sqlitePath = directory.File("store.db");
        var duckDb = StoreUrl.Parse("duckdb:" + directory.File("store.duckdb"));
        using (var sqlite = SqliteStore.Open(sqlitePath, create: true))
            Assert.Equal(5, new Ingestor(sqlite, new IngestOptions(), FixedClock.At2026).Ingest([file]).Inserted);
        using (var warehouse = WarehouseStore.Open(duckDb, create: true))
            Assert.Equal(5, new Ingestor(warehouse, new IngestOptions { QuarantinePath = directory.File("q.jsonl") }, FixedClock.At2026).Ingest([file]).Inserted);
        var query = new EngagementQuery();

        EventTable table;
        using (var sqlite = SqliteStore.Open(sqlitePath, create: false)) table = SqliteEventTableLoader.Load(sqlite, TimeZoneInfo.Utc);
        var inMemory = new InMemoryEngine(table).Measure(query);
        using var connection = WarehouseConnections.Open(duckDb);
        var pushedDown = new SqlEngine(connection, TimeZoneInfo.Utc).Measure(query);

        (string, long)[] expected = [("2024-03-01", 2), ("2024-03-02", 0), ("2024-03-03", 1)];
        Assert.Equal(expected, inMemory.Activity.Days.Select(d => (d.Date, d.Dau)));
        Assert.Equal(expected, pushedDown.Activity.Days.Select(d => (d.Date, d.Dau)));
        // Everything else engagement, retention and revenue measure agrees too.
        Assert.Equal(JsonSerializer.Serialize(inMemory), JsonSerializer.Serialize(pushedDown));
        var retention = new RetentionQuery();
        Assert.Equal(JsonSerializer.Serialize(new InMemoryEngine(table).Measure(retention)), JsonSerializer.Serialize(new SqlEngine(connection, TimeZoneInfo.Utc).Measure(retention)));
        var revenue = new RevenueQuery();
        Assert.Equal(JsonSerializer.Serialize(new InMemoryEngine(table).Measure(revenue)), JsonSerializer.Serialize(new SqlEngine(connection, TimeZoneInfo.Utc).Measure(revenue)));
    }
}
