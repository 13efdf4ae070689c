using System.Text;
using System.Text.Json;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

public sealed class IngestBadInputTests
{
    private const string Header = "event_id,user_id,anonymous_id,event,timestamp,properties\n";

    private static JsonElement[] Quarantine(StoreFixture fixture) =>
        fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();

    private static void AssertAccounted(IngestResult result) =>
        Assert.Equal(result.Read, result.Inserted + result.Updated + result.Duplicates + result.Quarantined);

    [Fact]
    public void Row_with_neither_user_nor_anonymous_id_is_quarantined_with_file_line_and_reason()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{}\ne2,,,signup,2024-01-01T00:00:00Z,{}\n");

        Assert.Equal(2, result.Read);
        Assert.Equal(1, result.Inserted);
        Assert.Equal(1, result.Quarantined);
        var bad = Assert.Single(Quarantine(fixture));
        Assert.EndsWith("events.csv", bad.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, bad.GetProperty("line").GetInt64());
        Assert.Equal("missing both user_id and anonymous_id", bad.GetProperty("reason").GetString());
        Assert.Equal("e2,,,signup,2024-01-01T00:00:00Z,{}", bad.GetProperty("raw").GetString());
        AssertAccounted(result);
    }

    [Theory]
    [InlineData("not-a-time", "timestamp")]
    [InlineData("1999-12-31T23:59:59Z", "out of range")]
    [InlineData("2026-06-03T12:00:01Z", "out of range")]
    [InlineData("", "missing timestamp")]
    public void Unparseable_or_out_of_range_timestamps_are_quarantined(string timestamp, string reasonPart)
    {
        using var fixture = new StoreFixture();

        // The clock says 2026-06-01T12:00Z, so anything after 2026-06-02T12:00Z is in the future.
        var result = fixture.Ingest("events.csv", Header + $"e1,u1,,signup,{timestamp},{{}}\n");

        Assert.Equal(1, result.Quarantined);
        Assert.Contains(reasonPart, Quarantine(fixture)[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_within_one_day_after_the_import_is_accepted()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2026-06-02T11:59:59Z,{}\n");

        Assert.Equal(1, result.Inserted);
    }

    [Fact]
    public void Empty_and_overlong_event_names_are_quarantined()
    {
        using var fixture = new StoreFixture();
        var longName = new string('x', 201);
        var okName = new string('y', 200);

        var result = fixture.Ingest("events.csv", Header + $"e1,u1,,   ,2024-01-01T00:00:00Z,{{}}\ne2,u1,,{longName},2024-01-01T00:00:00Z,{{}}\ne3,u1,,{okName},2024-01-01T00:00:00Z,{{}}\n");

        Assert.Equal(2, result.Quarantined);
        Assert.Equal(1, result.Inserted);
        var reasons = Quarantine(fixture).Select(q => q.GetProperty("reason").GetString()).ToArray();
        Assert.Equal("empty event name", reasons[0]);
        Assert.Equal("event name longer than 200 characters (201)", reasons[1]);
    }

    [Theory]
    [InlineData("\"{\"\"a\"\":}\"", "malformed properties JSON")]
    [InlineData("\"[1,2]\"", "not a JSON object")]
    [InlineData("\"{\"\"a\"\":1} x\"", "malformed properties JSON")]
    public void Malformed_properties_json_is_quarantined(string properties, string reasonPart)
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + $"e1,u1,,signup,2024-01-01T00:00:00Z,{properties}\n");

        Assert.Equal(1, result.Quarantined);
        Assert.Contains(reasonPart, Quarantine(fixture)[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_column_count_is_quarantined()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{},extra\ne2,u1,signup\n");

        Assert.Equal(2, result.Quarantined);
        var reasons = Quarantine(fixture).Select(q => q.GetProperty("reason").GetString()).ToArray();
        Assert.Equal("expected 6 columns, found 7", reasons[0]);
        Assert.Equal("expected 6 columns, found 3", reasons[1]);
    }

    [Fact]
    public void Invalid_utf8_is_quarantined_with_its_raw_bytes()
    {
        using var fixture = new StoreFixture();
        var bytes = Encoding.UTF8.GetBytes(Header + "e1,u1,,sign").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("up,2024-01-01T00:00:00Z,{}\ne2,u1,,ok,2024-01-01T00:00:00Z,{}\n")).ToArray();
        var path = fixture.Directory.WriteBytes("events.csv", bytes);

        var result = fixture.IngestFiles([path]);

        Assert.Equal(1, result.Quarantined);
        Assert.Equal(1, result.Inserted);
        var bad = Assert.Single(Quarantine(fixture));
        Assert.StartsWith("invalid UTF-8", bad.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var raw = Convert.FromBase64String(bad.GetProperty("raw_base64").GetString()!);
        Assert.Equal(0xFF, raw[11]);
    }

    [Fact]
    public void A_duplicate_event_id_within_one_file_is_counted_as_duplicate_not_quarantined()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{}\ne1,u1,,signup,2024-01-01T00:00:00Z,{}\n");

        Assert.Equal(1, result.Inserted);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(0, result.Quarantined);
        Assert.Empty(fixture.QuarantineLines());
    }

    [Fact]
    public void An_unreadable_file_is_an_error_and_nothing_is_written()
    {
        using var fixture = new StoreFixture();
        var good = fixture.Directory.Write("good.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{}\n");

        var error = Assert.Throws<SextantException>(() => fixture.IngestFiles([good, fixture.Directory.File("missing.csv")]));

        Assert.Contains("missing.csv", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM event_chunks"));
    }

    [Fact]
    public void A_header_that_maps_no_user_column_is_an_error_naming_the_columns()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() => fixture.Ingest("events.csv", "id,who,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\n"));

        Assert.Contains("user_id", error.Message, StringComparison.Ordinal);
        Assert.Contains("id, who, event, timestamp", error.Message, StringComparison.Ordinal);
        Assert.Contains("--map", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM event_chunks"));
    }

    [Fact]
    public void A_header_that_maps_no_event_column_is_an_error()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() =>
            fixture.Ingest("events.csv", "user_id,what,timestamp\nu1,signup,2024-01-01T00:00:00Z\n", new IngestOptions { Kind = Sextant.Events.RecordKind.Events }));

        Assert.Contains("no column maps to event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_commits_nothing_from_a_file_with_a_bad_row()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{}\ne2,,,signup,2024-01-01T00:00:00Z,{}\n", new IngestOptions { Strict = true });

        Assert.True(result.AnyRolledBack);
        Assert.Equal(0, result.Inserted);
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM event_chunks"));
        Assert.Equal(0, fixture.Count("SELECT COUNT(*) FROM dictionary_segments"));
        Assert.Single(fixture.QuarantineLines());
    }

    [Fact]
    public void Strict_mode_commits_a_clean_file()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", Header + "e1,u1,,signup,2024-01-01T00:00:00Z,{}\n", new IngestOptions { Strict = true });

        Assert.False(result.AnyRolledBack);
        Assert.Equal(1, fixture.Load().EventCount);
    }
}
