using System.Text.Json;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>
/// Fixtures/posthog/events.jsonl, by line: 1 anon-1's page view (distinct id = $device_id), 2 the
/// $identify joining anon-1 to user-7 with $set and $set_once, 3 a subscription with revenue 29
/// and $set plan pro, 4 the same line again, 5 blank, 6 a timestamp that is text, 7 a React
/// Native screen on Android at +01:00, 8 an event sent without a person profile, 9 no distinct id.
/// events.csv: batch-export columns with properties and person_properties as JSON text, a
/// broken properties value and a short row. dotted.csv: properties.* and person.properties.* columns.
/// </summary>
public sealed class PostHogFormatTests
{
    [Fact]
    public void The_jsonl_export_counts_events_and_person_updates_as_records()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("posthog", "events.jsonl")]);

        Assert.Equal("posthog", result.Files[0].Format);
        // 1 + 2 + 2 + 2 + 1 + 1 + 1 + 1 records.
        Assert.Equal(11, result.Read);
        Assert.Equal(6, result.Inserted);
        Assert.Equal(1, result.Updated);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(2, result.Quarantined);
    }

    [Fact]
    public void Events_keep_their_ids_times_sessions_platforms_revenue_and_properties()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("posthog", "events.jsonl")], new IngestOptions { Format = "posthog" });

        var events = VendorFixtures.Events(fixture.StorePath, "$current_url", "$browser", "$geoip_country_code", "$device_id", "$anon_distinct_id",
            "$set", "$set_once", "$session_id", "person_properties", "plan", "$screen_name", "$process_person_profile");

        Assert.Equal(5, events.Count);
        var view = events["ins-c6ab7e7d57e75c84f98367bc40259836"];
        Assert.Equal((null, "anon-1", "$pageview", "2024-03-01T09:00:00.000000Z", "web", "s-1", null),
            (view.UserId, view.AnonymousId, view.Event, view.Timestamp, view.Platform, view.SessionId, view.Revenue));
        Assert.Equal(("https://example.com/", "Firefox", "FR", "anon-1"),
            (view.Properties["$current_url"], view.Properties["$browser"], view.Properties["$geoip_country_code"], view.Properties["$device_id"]));
        Assert.Null(view.Properties["person_properties"]);
        Assert.Null(view.Properties["$session_id"]);

        var identify = events["ins-0cc8351d6b5d2b03d3ce8c45e3f2e8ce"];
        Assert.Equal(("user-7", "anon-1", "$identify", "2024-03-01T09:01:00.000000Z"), (identify.UserId, identify.AnonymousId, identify.Event, identify.Timestamp));
        Assert.Equal("anon-1", identify.Properties["$anon_distinct_id"]);
        Assert.Null(identify.Properties["$set"]);
        Assert.Null(identify.Properties["$set_once"]);

        var subscription = events["ins-c241db7190cf8c7694768b73f435862a"];
        Assert.Equal(("user-7", "anon-1", "2024-03-01T09:05:00.250000Z", "29"), (subscription.UserId, subscription.AnonymousId, subscription.Timestamp, subscription.Revenue));
        Assert.Equal("{\"name\":\"pro\",\"interval\":\"month\"}", subscription.Properties["plan"]);

        var screen = events["ins-8cd4c35d56cd9fe91213509909f59ef7"];
        Assert.Equal(("user-8", null, "2024-03-01T09:00:00.000000Z", "android", "Главная"),
            (screen.UserId, screen.AnonymousId, screen.Timestamp, screen.Platform, screen.Properties["$screen_name"]));

        var visitor = events["ins-9dbcdb2b27bd4475ea565854a3e75e0f"];
        Assert.Equal((null, "visitor-9", "false"), (visitor.UserId, visitor.AnonymousId, visitor.Properties["$process_person_profile"]));
    }

    [Fact]
    public void Set_set_once_and_person_properties_update_the_person_a_later_set_winning()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("posthog", "events.jsonl")]);

        var profile = Assert.Single(VendorFixtures.Profiles(fixture.StorePath)).Value;

        Assert.Equal(("user-7", "pro", "FR"), (profile.UserId, profile.Plan, profile.Country));
        Assert.Equal("{\"email\":\"ana@example.com\",\"first_seen_page\":\"/\",\"$geoip_country_code\":\"FR\"}", profile.TraitsJson);
    }

    [Fact]
    public void Bad_lines_are_quarantined_with_their_line_and_what_was_expected()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("posthog", "events.jsonl")]);

        var rows = VendorFixtures.Quarantine(fixture.QuarantinePath);

        Assert.Equal(2, rows.Count);
        Assert.Equal((6L, "timestamp 'not a time' is not a timestamp (expected ISO-8601 like 2024-03-01T09:00:00.000Z)"), (rows[0].Line, rows[0].Reason));
        Assert.Equal((9L, "missing both user_id and anonymous_id"), (rows[1].Line, rows[1].Reason));
    }

    [Fact]
    public void Identified_users_own_their_anonymous_events_and_unlinked_ids_stay_visitors()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("posthog", "events.jsonl")]);

        var owners = VendorFixtures.Owners(fixture.StorePath);
        var table = fixture.Load();

        Assert.Equal(new Dictionary<string, string> { ["anon-1"] = "user-7" }, owners);
        Assert.Equal(new Dictionary<string, int> { ["user-7"] = 3, ["user-8"] = 1, ["visitor-9"] = 1 }, VendorFixtures.EventsPerUser(table));
        Assert.Equal(2, table.SignedUpUserCount);
    }

    [Fact]
    public void A_batch_export_csv_reads_its_json_columns_and_quarantines_a_broken_one()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("posthog", "events.csv")]);

        Assert.Equal("posthog", result.Files[0].Format);
        Assert.Equal((5L, 3L, 0L, 0L, 2L), (result.Read, result.Inserted, result.Updated, result.Duplicates, result.Quarantined));
        var events = VendorFixtures.Events(fixture.StorePath, "$current_url", "$set");
        var view = events["ins-393648aabc0de602ec0f0e1098087544"];
        Assert.Equal((null, "dev-5", "2024-03-02T08:00:00.000000Z", "web", "https://example.com/a"),
            (view.UserId, view.AnonymousId, view.Timestamp, view.Platform, view.Properties["$current_url"]));
        var signUp = events["ins-316d4830ae1e2c065d6b7946cac174a9"];
        Assert.Equal(("user-5", "dev-5", "signed_up", null), (signUp.UserId, signUp.AnonymousId, signUp.Event, signUp.Properties["$set"]));
        var profile = VendorFixtures.Profiles(fixture.StorePath)["user-5"];
        Assert.Equal(("team", "{\"name\":\"Zoë\"}"), (profile.Plan, profile.TraitsJson));
        var rows = VendorFixtures.Quarantine(fixture.QuarantinePath);
        Assert.Equal([4L, 5L], rows.Select(r => r.Line));
        Assert.StartsWith("properties is not a JSON object (malformed JSON: ", rows[0].Reason, StringComparison.Ordinal);
        Assert.Equal("expected 6 columns, found 5", rows[1].Reason);
        Assert.Equal("user-5", VendorFixtures.Owners(fixture.StorePath)["dev-5"]);
    }

    [Fact]
    public void Dotted_csv_columns_nest_into_properties_and_the_person()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("posthog", "dotted.csv")]);

        Assert.Equal((3L, 3L, 0L), (result.Read, result.Inserted, result.Quarantined));
        var events = VendorFixtures.Events(fixture.StorePath, "$browser", "$current_url", "$device_id", "person");
        var identified = events["ins-2d027cf67b2a7f332d07b1f7b2223f56"];
        Assert.Equal(("user-6", "dev-6", "s-6", null, "Safari", "https://example.com/ü"),
            (identified.UserId, identified.AnonymousId, identified.SessionId, identified.Platform, identified.Properties["$browser"], identified.Properties["$current_url"]));
        Assert.Null(identified.Properties["person"]);
        var anonymous = events["ins-f8b2f6fe4515ed132879aa7147ad09da"];
        Assert.Equal((null, "dev-7", null, "Chrome"), (anonymous.UserId, anonymous.AnonymousId, anonymous.SessionId, anonymous.Properties["$browser"]));
        var profile = Assert.Single(VendorFixtures.Profiles(fixture.StorePath)).Value;
        Assert.Equal(("user-6", "business", "{\"email\":\"six@example.com\"}"), (profile.UserId, profile.Plan, profile.TraitsJson));
    }

    [Theory]
    [InlineData("{\"uuid\":\"e1\",\"event\":\"x\",\"distinct_id\":\"u-1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"properties\":\"{\\\"$lib\\\":\\\"web\\\"}\"}", "u-1", null, "web")]
    [InlineData("{\"uuid\":\"e1\",\"event\":\"$identify\",\"distinct_id\":\"u-1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"properties\":{\"$device_id\":\"d-1\"}}", "u-1", "d-1", null)]
    [InlineData("{\"uuid\":\"e1\",\"event\":\"x\",\"distinct_id\":\"d-1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"properties\":{\"$device_id\":\"d-1\",\"$lib\":\"posthog-ios\"}}", null, "d-1", "ios")]
    [InlineData("{\"uuid\":\"e1\",\"event\":\"x\",\"distinct_id\":\"u-1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"properties\":{\"$device_id\":\"d-1\",\"$lib\":\"posthog-node\"}}", "u-1", "d-1", null)]
    public void Distinct_ids_are_users_unless_they_are_the_device(string line, string? user, string? anonymous, string? platform)
    {
        using var document = JsonDocument.Parse(line);
        var drafts = new VendorDrafts();

        Assert.Null(new PostHogFormat().Translate(document.RootElement, drafts));

        var draft = Assert.IsType<EventDraft>(drafts.Records[0]);
        Assert.Equal((user, anonymous, platform), (draft.UserId, draft.AnonymousId, draft.Platform));
    }

    [Fact]
    public void Revenue_leaves_the_properties_once_it_is_the_event_revenue()
    {
        using var document = JsonDocument.Parse("{\"uuid\":\"e1\",\"event\":\"paid\",\"distinct_id\":\"u-1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"properties\":{\"$revenue\":\"9.90\",\"revenue\":3}}");
        var drafts = new VendorDrafts();

        Assert.Null(new PostHogFormat().Translate(document.RootElement, drafts));

        var draft = Assert.IsType<EventDraft>(Assert.Single(drafts.Records));
        Assert.Equal(("9.90", "{\"revenue\":3}"), (draft.Revenue, draft.Properties.ToJsonString()));
    }

    [Theory]
    [InlineData("events.jsonl")]
    [InlineData("events.csv")]
    [InlineData("dotted.csv")]
    public void Each_fixture_is_recognised_as_posthog_and_by_no_other_format(string file)
    {
        var path = VendorFixtures.Path("posthog", file);
        using var reader = VendorItemReader.OpenFile(path);
        Assert.True(reader.TryRead(out var first));

        Assert.Equal(["posthog"], VendorFormats.All.Where(f => f.Recognises(first.Root)).Select(f => f.Name));
        Assert.Equal("posthog", VendorFormats.Of(path, "auto")?.Name);
    }
}
