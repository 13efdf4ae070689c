using System.IO.Compression;
using System.Text;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestTests
{
    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds;

    [Fact]
    public void Re_ingesting_the_same_files_inserts_nothing()
    {
        using var fixture = new StoreFixture();
        var events = fixture.Directory.Write("events.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u2,signup,2024-01-02T00:00:00Z\n");
        var users = fixture.Directory.Write("users.csv", "user_id,signup_at,segment\nu1,2024-01-01,individual\nu2,2024-01-02,enterprise\n");

        var first = fixture.IngestFiles([events, users]);
        var second = fixture.IngestFiles([events, users]);

        Assert.Equal(4, first.Inserted);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(0, second.Updated);
        Assert.Equal(4, second.Duplicates);
    }

    [Fact]
    public void Seed_style_columns_map_automatically()
    {
        using var fixture = new StoreFixture();

        fixture.Ingest("user_profiles.csv", "user_id,signup_date,segment,channel,plan_type,country\nu1,2023-01-05,small_team,referral,plus,DE\n");
        var result = fixture.Ingest("user_events.csv", "event_id,user_id,event_type,timestamp,properties\ne1,u1,create_page,2023-01-05 10:00:00,\"{\"\"template\"\": \"\"roadmap\"\"}\"\n");

        Assert.Equal(RecordKind.Events, result.Files[0].Kind);
        var table = fixture.Load();
        Assert.Equal("create_page", table.EventNames[table.EventCodes[0]]);
        Assert.Equal("roadmap", table.Property("template")[0]);
        Assert.Equal("plus", table.Attributes["plan"]![0]);
        Assert.Equal("referral", table.Attributes["channel"]![0]);
        Assert.Equal(Micros("2023-01-05T00:00:00Z"), table.SignupAt[0]);
    }

    [Fact]
    public void Explicit_mapping_names_the_columns_auto_mapping_cannot_guess()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { Map = new Dictionary<string, string> { ["who"] = "user_id", ["what"] = "event", ["when"] = "timestamp" } };

        var result = fixture.Ingest("events.csv", "who,what,when\nu1,signup,1704067200\n", options);

        Assert.Equal(1, result.Inserted);
        var table = fixture.Load();
        Assert.Equal("u1", table.UserKeys[0]);
        Assert.Equal(Micros("2024-01-01T00:00:00Z"), table.Timestamps[0]);
    }

    [Fact]
    public void A_mapping_onto_an_unknown_canonical_column_is_an_error()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { Map = new Dictionary<string, string> { ["who"] = "person" } };

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("events.csv", "who,event,timestamp\nu1,signup,1704067200\n", options));

        Assert.Contains("'person' is not a events column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_timestamp_form_round_trips_to_the_same_instant()
    {
        using var fixture = new StoreFixture();
        var csv = new StringBuilder("event_id,user_id,event,timestamp\n");
        string[] forms =
        [
            "2024-03-01T12:34:56Z", "2024-03-01T13:34:56+01:00", "2024-03-01T07:34:56-0500", "2024-03-01 12:34:56",
            "2024-03-01T12:34:56", "1709296496", "1709296496000", "1709296496000000",
        ];
        for (var i = 0; i < forms.Length; i++) csv.Append($"e{i},u{i},x,{forms[i]}\n");
        csv.Append("frac,uf,x,2024-03-01T12:34:56.123456Z\n");

        var result = fixture.Ingest("events.csv", csv.ToString());

        Assert.Equal(forms.Length + 1, result.Inserted);
        var table = fixture.Load();
        var byUser = Enumerable.Range(0, table.UserCount).ToDictionary(u => table.UserKeys[u], u => table.Timestamps[table.UserOffsets[u]]);
        for (var i = 0; i < forms.Length; i++) Assert.Equal(Micros("2024-03-01T12:34:56Z"), byUser[$"u{i}"]);
        Assert.Equal(Micros("2024-03-01T12:34:56Z") + 123_456, byUser["uf"]);
    }

    [Fact]
    public void Naive_timestamps_are_read_in_the_named_zone()
    {
        using var fixture = new StoreFixture();
        var options = new IngestOptions { NaiveZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };

        fixture.Ingest("events.csv", "event_id,user_id,event,timestamp\ne1,u1,x,2024-07-01 10:00:00\ne2,u2,x,2024-01-01T10:00:00Z\n", options);

        var table = fixture.Load();
        Assert.Equal(Micros("2024-07-01T08:00:00Z"), table.Timestamps[table.UserOffsets[0]]);
        Assert.Equal(Micros("2024-01-01T10:00:00Z"), table.Timestamps[table.UserOffsets[1]]);
    }

    [Fact]
    public void Extra_csv_columns_become_typed_properties()
    {
        using var fixture = new StoreFixture();

        fixture.Ingest("events.csv", "event_id,user_id,event,timestamp,words,template_id,is_public,title\ne1,u1,edit,2024-01-01T00:00:00Z,120,007,true,Q3 plan\n");

        var table = fixture.Load();
        Assert.Equal("120", table.Property("words")[0]);
        Assert.Equal("007", table.Property("template_id")[0]);
        Assert.Equal("true", table.Property("is_public")[0]);
        Assert.Equal("Q3 plan", table.Property("title")[0]);
    }

    [Fact]
    public void Events_without_ids_get_stable_content_ids_so_re_ingest_is_idempotent()
    {
        using var fixture = new StoreFixture();
        const string Csv = "user_id,event,timestamp\nu1,signup,2024-01-01T00:00:00Z\nu1,signup,2024-01-01T00:00:01Z\n";

        var first = fixture.Ingest("events.csv", Csv);
        var second = fixture.Ingest("events.csv", Csv);

        Assert.Equal(2, first.Inserted);
        Assert.Equal(2, second.Duplicates);
        Assert.StartsWith("sx-", fixture.Load().Property("event_id")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_and_gzip_files_are_read()
    {
        using var fixture = new StoreFixture();
        const string Jsonl = """
            {"event_id":"e1","user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z","properties":{"plan":"free"},"campaign":"spring"}
            {"event_id":"e2","anonymous_id":"d9","event":"page_view","timestamp":1704067260}
            """;
        var jsonl = fixture.Directory.Write("events.jsonl", Jsonl);
        var gzipped = fixture.Directory.File("more.csv.gz");
        using (var output = new GZipStream(File.Create(gzipped), CompressionLevel.Fastest))
            output.Write(Encoding.UTF8.GetBytes("event_id,user_id,event,timestamp\ne3,u1,create_page,2024-01-01T00:02:00Z\n"));

        var result = fixture.IngestFiles([jsonl, gzipped]);

        Assert.Equal(3, result.Inserted);
        var table = fixture.Load();
        Assert.Equal("free", table.Property("plan")[0]);
        Assert.Equal("spring", table.Property("campaign")[0]);
        Assert.Equal(1, table.SignedUpUserCount);
        Assert.Equal(2, table.UserCount);
    }

    [Fact]
    public void User_profiles_upsert_keeping_stored_values_the_new_row_leaves_empty()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("users.csv", "user_id,signup_at,segment,plan\nu1,2024-01-01,individual,free\n");

        var result = fixture.Ingest("users2.csv", "user_id,signup_at,segment,plan\nu1,,,plus\n");

        Assert.Equal(1, result.Updated);
        var table = fixture.Load();
        Assert.Equal("plus", table.Attributes["plan"]![0]);
        Assert.Equal("individual", table.Attributes["segment"]![0]);
        Assert.Equal(Micros("2024-01-01T00:00:00Z"), table.SignupAt[0]);
    }

    [Fact]
    public void Subscriptions_are_validated_and_replaced_by_their_latest_state()
    {
        using var fixture = new StoreFixture();
        const string Header = "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency\n";
        var first = fixture.Ingest("subs.csv", Header + "s1,u1,plus,active,2024-01-01,,10,usd\ns2,u1,plus,paused,2024-01-01,,10,USD\ns3,u1,plus,active,2024-01-01,2023-01-01,10,USD\ns4,u1,plus,active,2024-01-01,,-5,USD\n");
        var second = fixture.Ingest("subs2.csv", Header + "s1,u1,plus,canceled,2024-01-01,2024-03-01,10,USD\n");

        Assert.Equal(1, first.Inserted);
        Assert.Equal(3, first.Quarantined);
        Assert.Equal(1, second.Updated);
        Assert.Equal(1, fixture.Count("SELECT COUNT(*) FROM subscriptions WHERE status = 'cancelled' AND end_at IS NOT NULL AND currency = 'USD'"));
    }

    [Fact]
    public void Assignments_keep_the_first_exposure_and_exposure_events_become_assignments()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("assignments.csv", "experiment,user_id,variant,assigned_at\nonboarding,u1,treatment,2024-01-02\nonboarding,u1,treatment,2024-01-03\n");
        var early = fixture.Ingest("assignments2.csv", "experiment,user_id,variant,assigned_at\nonboarding,u1,treatment,2024-01-01\n");
        var events = fixture.Ingest("events.jsonl", """{"event_id":"x1","user_id":"u2","event":"$experiment_started","timestamp":"2024-01-05T00:00:00Z","properties":{"Experiment name":"onboarding","Variant name":"control"}}""" + "\n");

        Assert.Equal(1, early.Updated);
        Assert.Equal(1, events.Files[0].ExposureAssignments);
        Assert.Equal(2, fixture.Count("SELECT COUNT(*) FROM assignments"));
        Assert.Equal(Micros("2024-01-01T00:00:00Z"), fixture.Count("SELECT assigned_at FROM assignments WHERE user_id = 'u1'"));
    }

    [Fact]
    public void Kind_is_detected_from_the_columns_or_must_be_given()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("mystery.csv", "a,b\n1,2\n"));

        Assert.Contains("--kind", error.Message, StringComparison.Ordinal);
    }
}
