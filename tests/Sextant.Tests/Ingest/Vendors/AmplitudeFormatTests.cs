using System.Text.Json;
using Sextant.Ingest.Vendors;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>
/// Fixtures/amplitude/export.zip holds a project folder 187520/ with two hourly gzipped files,
/// read in name order (hour 10 before hour 9). Hour 10: 1 user-2's page view on iOS, 2 the same
/// $insert_id half a second later, 3 an $identify setting plan team, 4 a day-first event_time,
/// 5 no id. Hour 9: 1 dev-A's anonymous page view, 2 user-1's sign-up from dev-A (plan free),
/// 3 a purchase of 2 × 19.99 without $insert_id and with session -1 (plan pro).
/// 187520_2024-03-01_11#0.json.gz (gzip alone): 1 a purchase with $revenue "12.50", 2 a $price of "twelve".
/// </summary>
public sealed class AmplitudeFormatTests
{
    private const string ZipHour10 = "export.zip:187520/187520_2024-03-01_10#0.json.gz";

    [Fact]
    public void The_zip_counts_events_and_profile_updates_as_records()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("amplitude", "export.zip")]);

        Assert.Equal("amplitude", result.Files[0].Format);
        // Hour 10: 2 + 2 + 1 + 1 + 1 records; hour 9: 1 + 2 + 2.
        Assert.Equal(12, result.Read);
        Assert.Equal(6, result.Inserted);
        Assert.Equal(2, result.Updated);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(2, result.Quarantined);
    }

    [Fact]
    public void Events_keep_their_ids_times_sessions_platforms_revenue_and_properties()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("amplitude", "export.zip")], new Sextant.Ingest.IngestOptions { Format = "amplitude" });

        var events = VendorFixtures.Events(fixture.StorePath, "path", "country", "amplitude_id", "os_name", "referrer", "$price", "$quantity", "$productId", "title", "user_properties", "event_time");

        Assert.Equal(4, events.Count);
        var view = events["ins-65dc078b20e0319dfe355ca1b51d6db8"];
        Assert.Equal((null, "dev-A", "Page Viewed", "2024-03-01T09:00:00.123000Z", "web", "1709283600000", null),
            (view.UserId, view.AnonymousId, view.Event, view.Timestamp, view.Platform, view.SessionId, view.Revenue));
        Assert.Equal(("/pricing", "Germany", "5001", "Chrome"), (view.Properties["path"], view.Properties["country"], view.Properties["amplitude_id"], view.Properties["os_name"]));
        Assert.Null(view.Properties["user_properties"]);
        Assert.Null(view.Properties["event_time"]);

        var signUp = events["ins-98fbbcd64a60fd7e128211c46cef2c69"];
        Assert.Equal(("user-1", "dev-A", "Signed Up", "2024-03-01T09:05:00.000000Z"), (signUp.UserId, signUp.AnonymousId, signUp.Event, signUp.Timestamp));
        Assert.Equal("{\"source\":\"ads\",\"campaign\":\"spring\"}", signUp.Properties["referrer"]);

        // No $insert_id: the uuid is the dedup key. Revenue is $price × $quantity.
        var purchase = events["ins-98f6f6f0aec8f534c9df2b73726bd795"];
        Assert.Equal(("user-1", "dev-A", null, "39.98"), (purchase.UserId, purchase.AnonymousId, purchase.SessionId, purchase.Revenue));
        Assert.Equal(("19.99", "2", "seat"), (purchase.Properties["$price"], purchase.Properties["$quantity"], purchase.Properties["$productId"]));

        var ios = events["ins-2f76c4ab3060bff78f60676cf851d8ba"];
        Assert.Equal(("user-2", "dev-B", "2024-03-01T10:00:00.000000Z", "ios", "1709287200000"), (ios.UserId, ios.AnonymousId, ios.Timestamp, ios.Platform, ios.SessionId));
        Assert.Equal("Überblick 日本", ios.Properties["title"]);
    }

    [Fact]
    public void User_properties_and_identify_events_update_the_profile()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("amplitude", "export.zip")]);

        var profiles = VendorFixtures.Profiles(fixture.StorePath);

        Assert.Equal(2, profiles.Count);
        var first = profiles["user-1"];
        Assert.Equal(("pro", "Germany", "web", "{\"company_size\":\"11-50\"}"), (first.Plan, first.Country, first.Platform, first.TraitsJson));
        var second = profiles["user-2"];
        Assert.Equal(("team", "Japan", "ios"), (second.Plan, second.Country, second.Platform));
        Assert.Equal("{}", second.TraitsJson);
    }

    [Fact]
    public void Bad_lines_are_quarantined_with_their_entry_line_and_what_was_expected()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("amplitude", "export.zip")]);

        var rows = VendorFixtures.Quarantine(fixture.QuarantinePath);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(ZipHour10, r.File, StringComparison.Ordinal));
        Assert.Equal((4L, "event_time '01/03/2024 10:02' is not a timestamp (expected UTC text like 2024-03-01 09:00:00.123000)"), (rows[0].Line, rows[0].Reason));
        Assert.Equal((5L, "missing both user_id and anonymous_id"), (rows[1].Line, rows[1].Reason));
    }

    [Fact]
    public void A_device_belongs_to_the_user_it_was_seen_with()
    {
        using var fixture = new StoreFixture();
        fixture.IngestFiles([VendorFixtures.Path("amplitude", "export.zip")]);

        var owners = VendorFixtures.Owners(fixture.StorePath);
        var perUser = VendorFixtures.EventsPerUser(fixture.Load());

        Assert.Equal(new Dictionary<string, string> { ["dev-A"] = "user-1", ["dev-B"] = "user-2" }, owners);
        Assert.Equal(new Dictionary<string, int> { ["user-1"] = 3, ["user-2"] = 1 }, perUser);
    }

    [Fact]
    public void A_gzipped_hour_is_read_alone_and_stated_revenue_wins_over_price()
    {
        using var fixture = new StoreFixture();

        var result = fixture.IngestFiles([VendorFixtures.Path("amplitude", "187520_2024-03-01_11#0.json.gz")]);

        Assert.Equal("amplitude", result.Files[0].Format);
        Assert.Equal((3L, 2L, 0L, 0L, 1L), (result.Read, result.Inserted, result.Updated, result.Duplicates, result.Quarantined));
        var purchase = VendorFixtures.Events(fixture.StorePath, "$revenue", "$price")["ins-20cd4c6bf21d14af567dc79113e5ad8d"];
        Assert.Equal(("user-3", "dev-D", "android", "1709290800000", "12.50"), (purchase.UserId, purchase.AnonymousId, purchase.Platform, purchase.SessionId, purchase.Revenue));
        Assert.Null(purchase.Properties["$revenue"]);
        Assert.Equal("12.5", purchase.Properties["$price"]);
        var bad = Assert.Single(VendorFixtures.Quarantine(fixture.QuarantinePath));
        Assert.Equal((2L, "event_properties.$price 'twelve' is not a number (expected e.g. 9.99)"), (bad.Line, bad.Reason));
        Assert.Equal(("pro", "Brazil", "android"), (VendorFixtures.Profiles(fixture.StorePath)["user-3"].Plan, VendorFixtures.Profiles(fixture.StorePath)["user-3"].Country, VendorFixtures.Profiles(fixture.StorePath)["user-3"].Platform));
    }

    [Theory]
    [InlineData("{\"event_type\":\"$identify\",\"device_id\":\"dev-Z\",\"user_properties\":{\"$set\":{\"plan\":\"x\"}},\"amplitude_id\":1}",
        "an $identify without user_id sets properties of an anonymous device, which are not kept (expected a user_id)")]
    [InlineData("{\"event_type\":\"$identify\",\"user_id\":\"user-9\",\"user_properties\":{\"$unset\":{\"plan\":\"-\"}},\"amplitude_id\":1}",
        "an $identify without user properties (expected a user_properties object)")]
    [InlineData("{\"event_type\":\"$groupidentify\",\"user_id\":\"user-9\",\"amplitude_id\":1}",
        "a $groupidentify sets properties of a group, which are not read (expected a user's event)")]
    [InlineData("{\"event_type\":\"x\",\"user_id\":\"user-9\",\"amplitude_id\":1}",
        "no event_time (expected UTC text like 2024-03-01 09:00:00.123000)")]
    [InlineData("{\"event_type\":\"x\",\"user_id\":\"user-9\",\"event_time\":\"2024-03-01 09:00:00\",\"event_properties\":{\"$price\":2,\"$quantity\":\"a few\"},\"amplitude_id\":1}",
        "event_properties.$quantity 'a few' is not a number (expected e.g. 2)")]
    public void Lines_that_make_no_record_say_why(string line, string reason)
    {
        using var document = JsonDocument.Parse(line);
        var drafts = new VendorDrafts();

        Assert.Equal(reason, new AmplitudeFormat().Translate(document.RootElement, drafts));
    }

    [Fact]
    public void An_identify_with_a_user_is_a_profile_update_and_no_event()
    {
        using var document = JsonDocument.Parse("{\"event_type\":\"$identify\",\"user_id\":\"user-9\",\"device_id\":\"dev-Z\",\"user_properties\":{\"$setOnce\":{\"plan\":\"free\",\"segment\":\"smb\"},\"$set\":{\"plan\":\"pro\"}},\"amplitude_id\":1}");
        var drafts = new VendorDrafts();

        Assert.Null(new AmplitudeFormat().Translate(document.RootElement, drafts));

        var profile = Assert.IsType<ProfileDraft>(Assert.Single(drafts.Records));
        Assert.Equal(("user-9", "pro", "smb", 0), (profile.UserId, profile.Plan, profile.Segment, profile.Traits.Count));
    }

    [Fact]
    public void The_same_insert_id_from_mixpanel_and_amplitude_is_stored_once()
    {
        using var fixture = new StoreFixture();
        var mixpanel = fixture.Directory.Write("mixpanel.jsonl", "{\"event\":\"Signed Up\",\"properties\":{\"time\":1709283900,\"distinct_id\":\"user-1\",\"$insert_id\":\"msg-42\"}}\n");
        var amplitude = fixture.Directory.Write("amplitude.jsonl", "{\"uuid\":\"a-1\",\"$insert_id\":\"msg-42\",\"event_type\":\"Signed Up\",\"event_time\":\"2024-03-01 09:05:00.400000\",\"user_id\":\"user-1\",\"amplitude_id\":1}\n");

        var result = fixture.IngestFiles([mixpanel, amplitude]);

        Assert.Equal(["mixpanel", "amplitude"], result.Files.Select(f => f.Format));
        Assert.Equal((2L, 1L, 1L), (result.Read, result.Inserted, result.Duplicates));
    }

    [Theory]
    [InlineData("export.zip")]
    [InlineData("187520_2024-03-01_11#0.json.gz")]
    public void Each_fixture_is_recognised_as_amplitude_and_by_no_other_format(string file)
    {
        var path = VendorFixtures.Path("amplitude", file);
        using var reader = VendorItemReader.OpenFile(path);
        Assert.True(reader.TryRead(out var first));

        Assert.Equal(["amplitude"], VendorFormats.All.Where(f => f.Recognises(first.Root)).Select(f => f.Name));
        Assert.Equal("amplitude", VendorFormats.Of(path, "auto")?.Name);
    }

    [Fact]
    public void The_cli_ingests_an_amplitude_zip_and_names_its_format()
    {
        using var directory = new TempDirectory();
        var zip = directory.File("x.zip");
        File.Copy(VendorFixtures.Path("amplitude", "export.zip"), zip);

        var (code, output, error) = InProcessCli.Run("ingest", "--format", "amplitude", zip, "--store", directory.File("store.db"));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var row = Assert.Single(output.Split('\n'), line => line.Contains("x.zip", StringComparison.Ordinal));
        Assert.Contains("amplitude", row, StringComparison.Ordinal);
    }
}
