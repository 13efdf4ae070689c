using System.Globalization;
using System.Text.Json;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>Segment messages and batch payloads: the analytics-go fixtures, then hand-made messages whose stored records are worked out by hand.</summary>
public sealed class SegmentFormatTests
{
    /// <summary>2009-11-10T23:00:00Z, the time of every analytics-go fixture.</summary>
    private const long GoFixtureTime = 1_257_894_000_000_000;

    private static readonly string Fixtures = Ga4FormatTests.FixtureDirectory("segment");

    /// <summary>Each analytics-go batch alone: what it reads and stores. Every message of the library's fixtures has the messageId "I'm unique".</summary>
    [Theory]
    [InlineData("analytics-go_test-context-track.json", 1, 1, 0, "Download")]
    [InlineData("analytics-go_test-many-track.json", 3, 1, 2, "Download")] // one messageId, one name, one second: one event
    [InlineData("analytics-go_test-enqueue-alias.json", 1, 1, 0, "$create_alias")]
    [InlineData("analytics-go_test-enqueue-group.json", 2, 2, 0, "$groupidentify")] // the profile update and the event
    [InlineData("analytics-go_test-enqueue-identify.json", 1, 1, 0, null)] // a profile update only: no anonymousId to link
    [InlineData("analytics-go_test-enqueue-page.json", 1, 1, 0, "$pageview")]
    [InlineData("analytics-go_test-enqueue-screen.json", 1, 1, 0, "$screen")]
    public void An_analytics_go_batch_is_recognised_and_counted_per_record(string file, long read, long inserted, long duplicates, string? eventName)
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([Path.Combine(Fixtures, file)]);

        Assert.Equal("segment", Assert.Single(result.Files).Format);
        Assert.Equal((read, inserted, duplicates, 0L), (result.Read, result.Inserted, result.Duplicates, result.Quarantined));
        Assert.Equal(eventName is null ? [] : [eventName], store.Events.Select(e => e.Event));
        Assert.All(store.Events, e => Assert.Equal((GoFixtureTime, "segment"), (e.Timestamp.UnixMicroseconds, e.Source)));
    }

    [Fact]
    public void The_context_track_fixture_is_stored_with_its_messageId_as_the_insert_id()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));

        new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([Path.Combine(Fixtures, "analytics-go_test-context-track.json")]);

        Assert.Equal(
            new EventRecord(VendorEventIds.FromInsertId("I'm unique", "Download", GoFixtureTime)!, "123456", null, "Download", new Timestamp(GoFixtureTime),
                null, null, null, null, """{"application":"Segment Desktop","platform":"osx","version":"1.1.0"}""", "segment"),
            Assert.Single(store.Events));
    }

    [Fact]
    public void A_batch_lends_its_context_and_sentAt_to_messages_without_them_and_the_clock_skew_is_corrected()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([Path.Combine(Fixtures, "batch-skew-and-context.json")]);

        Assert.Equal((4L, 4L, 0L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(
        [
            // Device time 12:00:00, sent at 12:05:00 by the device's clock, received 11:00:10: it happened 5 minutes before arrival.
            ("Song Played", null, "a1", "2024-03-01T10:55:10Z", "ios", null, null, """{"song":"Blue"}"""),
            // Its own context: a browser's page (web), the campaign, the group; its own page_url wins over the context's.
            ("Order Completed", "u1", null, "2024-03-01T12:30:00Z", "web", "w1", 49.9m,
                """{"currency":"EUR","page_url":"https://shop.example/cart","page_path":"/checkout","utm_campaign":"spring","utm_source":"newsletter","utm_medium":"email"}"""),
            ("$pageview", null, "a1", "2024-03-01T12:01:00Z", "ios", null, null, """{"url":"https://example.com/pricing","title":"Pricing","name":"Pricing","category":"Docs"}"""),
            ("$screen", "u1", null, "2024-03-01T12:02:00Z", "ios", null, null, """{"name":"Home"}"""),
        ], store.Events.Select(e => (e.Event, e.UserId, e.AnonymousId, e.Timestamp.ToString(), e.Platform, e.WorkspaceId, e.Revenue, e.PropertiesJson)));
        Assert.Equal(VendorEventIds.FromInsertId("m-web", "Order Completed", 1_709_296_200_000_000), store.Events[1].EventId);
    }

    [Fact]
    public void Identify_alias_and_group_update_the_profile_and_link_every_id_to_the_user()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([Path.Combine(Fixtures, "identify-alias-group.jsonl")]);

        // track 1 · identify 2 (profile, $identify) · alias 1 · group 2 (profile update, $groupidentify)
        Assert.Equal((6L, 5L, 1L, 0L, 0L), (result.Read, result.Inserted, result.Updated, result.Duplicates, result.Quarantined));
        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        Assert.Equal(
            new UserProfile("u9", At("2024-02-28T08:00:00Z"), "smb", null, "team", "DE", null, "w42",
                """{"email":"x@example.com","address":{"country":"DE","city":"Berlin"}}"""),
            Assert.Single(store.ReadProfiles()));
        Assert.Equal(
            new Dictionary<string, string> { ["a9"] = "u9", ["old-7"] = "u9" },
            IdentityResolution.UsersOf(store.ReadLinks()).OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
        var table = fixture.Load();
        // The anonymous 'Viewed' (archived: timestamp already corrected, taken as it is) belongs to u9: one user, no visitor.
        Assert.Equal((1, 1, "u9", 4), (table.UserCount, table.SignedUpUserCount, table.UserKeys[0], table.EventCount));
        Assert.Equal(At("2024-03-01T09:00:02Z").UnixMicroseconds, table.Timestamps[0]);
    }

    [Fact]
    public void Bad_messages_are_quarantined_with_the_reason_and_the_rest_are_stored()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var options = new IngestOptions { Format = "segment" };

        var result = new Ingestor(store, options, FixedClock.At2026).Ingest([Path.Combine(Fixtures, "bad-messages.jsonl"), Path.Combine(Fixtures, "bad-batch.json")]);

        Assert.Equal([(9L, 1L, 8L), (2L, 1L, 1L)], result.Files.Select(f => (f.Read, f.Inserted, f.Quarantined)));
        const string Types = "(expected one of: track, identify, page, screen, group, alias)";
        Assert.Equal(
        [
            $"bad-messages.jsonl 1: unknown type 'purchase' {Types}",
            $"bad-messages.jsonl 2: no type {Types}",
            "bad-messages.jsonl 3: timestamp 'yesterday' is not an ISO-8601 time (expected e.g. 2024-03-01T12:00:00.000Z)",
            "bad-messages.jsonl 4: missing both user_id and anonymous_id",
            "bad-messages.jsonl 5: identify has no userId (traits of an anonymous visitor are not stored; profiles belong to users)",
            "bad-messages.jsonl 6: alias has no previousId (the id being merged into userId)",
            "bad-messages.jsonl 7: no timestamp (expected timestamp, originalTimestamp or receivedAt)",
            "bad-messages.jsonl 8: expected a JSON object, found string",
            "bad-batch.json 1: expected a JSON object, found string",
        ], Quarantine(directory).Select(q => $"{Path.GetFileName(q.GetProperty("file").GetString())} {q.GetProperty("line").GetInt64()}: {q.GetProperty("reason").GetString()}"));
        Assert.Equal(["ok", "ok"], store.Events.Select(e => e.Event));
    }

    private static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

    private static JsonElement[] Quarantine(TempDirectory directory)
    {
        var path = directory.File("memory") + ".quarantine.jsonl";
        return File.Exists(path) ? [.. File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone())] : [];
    }
}
