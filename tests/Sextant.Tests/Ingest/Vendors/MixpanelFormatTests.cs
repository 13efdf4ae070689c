using System.Text.Json;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>
/// Fixtures/mixpanel/export.jsonl, by line: 1 an anonymous page view ($device: distinct id), 2 the
/// sign-up that joins $device_id d-111 to $user_id u-1 (time in ms, nested property), 3 blank,
/// 4 a server-side purchase with $revenue and unicode, 5 the same line again, 6 a time that is
/// text, 7 no id at all, 8 an anonymous page view under the original ID merge (distinct id =
/// $device_id), 9 the $identify joining a-222 to u-2, 10 a React Native sign-up on Android, 11 a
/// time before 2000.
/// </summary>
public sealed class MixpanelFormatTests
{
    [Fact]
    public void The_raw_export_counts_each_line_once()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("mixpanel", "export.jsonl")]);

        Assert.Equal("mixpanel", result.Files[0].Format);
        Assert.Equal(10, result.Read);
        Assert.Equal(6, result.Inserted);
        Assert.Equal(0, result.Updated);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(3, result.Quarantined);
    }

    [Fact]
    public void Events_keep_their_ids_times_platforms_revenue_and_properties()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("mixpanel", "export.jsonl")], new IngestOptions { Format = "mixpanel" });

        var events = VendorFixtures.Events(fixture.StorePath, "mp_lib", "$current_url", "mp_processing_time_ms", "plan", "item", "$revenue", "distinct_id", "time", "$os");

        Assert.Equal(6, events.Count);
        var view = events["ins-fd72f750e791031730d656f422d01763"];
        Assert.Equal(new StoredVendorEvent(null, "d-111", "Page View", "2024-03-01T09:00:00.000000Z", "web", null, null, view.Properties), view);
        Assert.Equal("web", view.Properties["mp_lib"]);
        Assert.Equal("https://example.com/pricing", view.Properties["$current_url"]);
        Assert.Equal("1709283601234", view.Properties["mp_processing_time_ms"]);
        Assert.Equal("Mac OS X", view.Properties["$os"]);
        Assert.Null(view.Properties["distinct_id"]);
        Assert.Null(view.Properties["time"]);

        var signUp = events["ins-d1b59372c45fae53d3b49efe01992b8f"];
        Assert.Equal(("u-1", "d-111", "Sign Up", "2024-03-01T09:01:00.123000Z", "web"), (signUp.UserId, signUp.AnonymousId, signUp.Event, signUp.Timestamp, signUp.Platform));
        Assert.Equal("{\"name\":\"pro\",\"seats\":3}", signUp.Properties["plan"]);

        var purchase = events["ins-58c1eb2f1296c7aa4ff88c1941cefd8c"];
        Assert.Equal(("u-1", null, "Purchase", "2024-03-01T09:02:00.000000Z", null, "49.5"), (purchase.UserId, purchase.AnonymousId, purchase.Event, purchase.Timestamp, purchase.Platform, purchase.Revenue));
        Assert.Equal("Café crème ☕", purchase.Properties["item"]);
        Assert.Equal("python", purchase.Properties["mp_lib"]);
        Assert.Null(purchase.Properties["$revenue"]);

        var anonymous = events["ins-a838875a6d919fb110165b47526a50cf"];
        Assert.Equal((null, "a-222", "Page View", "ios"), (anonymous.UserId, anonymous.AnonymousId, anonymous.Event, anonymous.Platform));
        var identify = events["ins-deb67d1560e184b849298425feecb1db"];
        Assert.Equal(("u-2", "a-222", "$identify", "2024-03-01T10:02:00.000000Z"), (identify.UserId, identify.AnonymousId, identify.Event, identify.Timestamp));
        var reactNative = events["ins-c963cbd74a7393f3328579525f15f94d"];
        Assert.Equal(("u-2", null, "android"), (reactNative.UserId, reactNative.AnonymousId, reactNative.Platform));
    }

    [Fact]
    public void Bad_lines_are_quarantined_with_their_line_and_what_was_expected()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("mixpanel", "export.jsonl")]);

        var rows = VendorFixtures.Quarantine(fixture.QuarantinePath);

        Assert.Equal([6L, 7L, 11L], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.EndsWith("export.jsonl", r.File, StringComparison.Ordinal));
        Assert.Equal("properties.time 'yesterday' is not Unix seconds or milliseconds (expected e.g. 1709283600)", rows[0].Reason);
        Assert.Equal("missing both user_id and anonymous_id", rows[1].Reason);
        Assert.StartsWith("timestamp '1999-12-31 23:59:59.000000' is out of range", rows[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_events_belong_to_the_user_their_device_was_merged_with()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("mixpanel", "export.jsonl")]);

        var owners = VendorFixtures.Owners(fixture.StorePath);
        var perUser = VendorFixtures.EventsPerUser(fixture.Load());

        Assert.Equal("u-1", owners["d-111"]);
        Assert.Equal("u-2", owners["a-222"]);
        Assert.Equal(new Dictionary<string, int> { ["u-1"] = 3, ["u-2"] = 3 }, perUser);
    }

    [Fact]
    public void A_legacy_project_exports_its_wall_clock_which_the_import_zone_turns_into_utc()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { NaiveZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles") };

        fixture.IngestFiles([VendorFixtures.Path("mixpanel", "export.jsonl")], options);

        var view = VendorFixtures.Events(fixture.StorePath)["ins-fd72f750e791031730d656f422d01763"];
        Assert.Equal("2024-03-01T17:00:00.000000Z", view.Timestamp);
    }

    [Theory]
    [InlineData("{\"event\":\"x\",\"properties\":{\"time\":1,\"distinct_id\":\"$device:abc\"}}", null, "abc")]
    [InlineData("{\"event\":\"$create_alias\",\"properties\":{\"time\":1,\"distinct_id\":\"anon-1\",\"alias\":\"u-9\"}}", "u-9", "anon-1")]
    [InlineData("{\"event\":\"$merge\",\"properties\":{\"time\":1,\"$distinct_ids\":[\"u-9\",\"$device:abc\"]}}", "u-9", "abc")]
    [InlineData("{\"event\":\"$merge\",\"properties\":{\"time\":1,\"$distinct_ids\":[\"old-id\",\"u-9\"]}}", "u-9", "old-id")]
    [InlineData("{\"event\":\"x\",\"properties\":{\"time\":1,\"distinct_id\":\"u-9\",\"$device_id\":\"abc\"}}", "u-9", "abc")]
    public void Id_merge_events_name_the_user_and_the_anonymous_id_they_join(string line, string? user, string? anonymous)
    {
        using var document = JsonDocument.Parse(line);
        var drafts = new VendorDrafts();

        Assert.Null(new MixpanelFormat().Translate(document.RootElement, drafts));

        var draft = Assert.IsType<EventDraft>(Assert.Single(drafts.Records));
        Assert.Equal((user, anonymous), (draft.UserId, draft.AnonymousId));
    }

    [Fact]
    public void The_fixture_is_recognised_as_mixpanel_and_by_no_other_format()
    {
        var path = VendorFixtures.Path("mixpanel", "export.jsonl");
        using var reader = VendorItemReader.OpenFile(path);
        Assert.True(reader.TryRead(out var first));

        Assert.Equal(["mixpanel"], VendorFormats.All.Where(f => f.Recognises(first.Root)).Select(f => f.Name));
        Assert.Equal("mixpanel", VendorFormats.Of(path, "auto")?.Name);
    }

    [Theory]
    [InlineData("events.jsonl", "{\"event\":\"signup\",\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"properties\":{\"time\":1}}\n")]
    [InlineData("events.jsonl", "{\"event_type\":\"signup\",\"user_id\":\"u1\",\"event_time\":\"2024-01-01 00:00:00\",\"uuid\":\"e1\"}\n")]
    [InlineData("events.jsonl", "{\"event\":\"signup\",\"distinct_id\":\"u1\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n")]
    [InlineData("events.csv", "event,user_id,timestamp\nsignup,u1,2024-01-01T00:00:00Z\n")]
    [InlineData("events.csv", "event_id,user_id,anonymous_id,event,timestamp,properties\ne1,u1,,signup,2024-01-01T00:00:00Z,{}\n")]
    public void Canonical_rows_are_recognised_by_no_vendor_format(string name, string content)
    {
        using var directory = new TempDirectory();

        Assert.Null(VendorFormats.Of(directory.Write(name, content), "auto"));
    }
}
