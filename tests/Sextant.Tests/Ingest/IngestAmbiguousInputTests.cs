using System.Text.Json;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>Inputs whose meaning is ambiguous (a name given twice) or that no UTF-8 text can hold (a lone surrogate).</summary>
public sealed class IngestAmbiguousInputTests
{
    private static string[] Reasons(StoreFixture fixture) =>
        fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToArray();

    private static void AssertAccounted(IngestResult result) =>
        Assert.Equal(result.Read, result.Inserted + result.Updated + result.Duplicates + result.Quarantined);

    [Fact]
    public void A_csv_header_with_a_repeated_column_name_stops_the_file_naming_the_file_and_the_column()
    {
        using var fixture = new StoreFixture();

        var error = Assert.Throws<SextantException>(() =>
            fixture.Ingest("events.csv", "user_id,event,timestamp,event\nu1,signup,2024-01-01T00:00:00Z,upgrade\n"));

        Assert.Contains("events.csv' line 1: duplicate column name 'event' in the header (columns 2 and 4)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(fixture.QuarantineLines());
    }

    [Fact]
    public void Json_lines_with_a_repeated_key_are_quarantined_naming_the_key_and_the_rest_is_stored()
    {
        using var fixture = new StoreFixture();
        var lines = """
            {"user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z","event":"upgrade"}
            {"user_id":"u1","event":"signup","timestamp":"2024-01-01T00:00:00Z"}
            {"user_id":"u1","event":"edit","timestamp":"2024-01-01T00:00:00Z","properties":{"plan":"free","plan":"team"}}
            """ + "\n";

        var result = fixture.Ingest("events.jsonl", lines);

        Assert.Equal(3, result.Read);
        Assert.Equal(1, result.Inserted);
        Assert.Equal(2, result.Quarantined);
        Assert.Equal(
            ["duplicate key 'event' (which value to keep is ambiguous)", "duplicate key 'properties.plan' (which value to keep is ambiguous)"],
            Reasons(fixture));
        AssertAccounted(result);
    }

    [Fact]
    public void A_csv_properties_column_with_a_repeated_key_is_quarantined()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", "user_id,event,timestamp,properties\nu1,signup,2024-01-01T00:00:00Z,\"{\"\"a\"\":1,\"\"a\"\":2}\"\nu1,edit,2024-01-01T00:00:00Z,\"{\"\"a\"\":1}\"\n");

        Assert.Equal(1, result.Inserted);
        Assert.Equal(["properties: duplicate key 'a' (which value to keep is ambiguous)"], Reasons(fixture));
        AssertAccounted(result);
    }

    [Fact]
    public void Json_lines_with_a_lone_surrogate_are_quarantined_and_the_file_completes_and_can_be_run_again()
    {
        using var fixture = new StoreFixture();
        var lines = """
            {"user_id":"u1","event":"a","timestamp":"2024-01-01T00:00:00Z"}
            {"user_id":"u1","event":"b\ud800","timestamp":"2024-01-01T00:00:00Z"}
            {"user_id":"u1","event":"c","timestamp":"2024-01-01T00:00:00Z","plan":"\udc00x"}
            {"user_id":"u1","event":"smile \ud83d\ude00","timestamp":"2024-01-01T00:00:00Z"}
            """ + "\n";

        var first = fixture.Ingest("events.jsonl", lines);
        var second = fixture.Ingest("events.jsonl", lines);

        Assert.Equal((4L, 2L, 2L), (first.Read, first.Inserted, first.Quarantined));
        Assert.Equal(
            ["lone UTF-16 surrogate escape in the value of 'event'", "lone UTF-16 surrogate escape in the value of 'plan'"],
            Reasons(fixture).Take(2));
        AssertAccounted(first);
        Assert.Equal((0L, 2L, 2L), (second.Inserted, second.Duplicates, second.Quarantined));
        Assert.Contains("smile \U0001F600", fixture.Load().EventNames.ToArray());
    }

    [Fact]
    public void A_lone_surrogate_in_a_nested_key_is_quarantined_not_a_crash()
    {
        // A key that is half a surrogate pair cannot be unescaped, so the duplicate-key check cannot compare it.
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.jsonl", """
            {"user_id":"u1","event":"a","timestamp":"2024-01-01T00:00:00Z","properties":{"\ud800":1}}
            {"user_id":"u1","event":"b","timestamp":"2024-01-01T00:00:00Z"}
            """ + "\n");

        Assert.Equal((2L, 1L, 1L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(["lone UTF-16 surrogate escape in a key"], Reasons(fixture));
        AssertAccounted(result);
    }

    [Fact]
    public void A_lone_surrogate_in_a_csv_properties_column_is_quarantined()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", "user_id,event,timestamp,properties\nu1,signup,2024-01-01T00:00:00Z,\"{\"\"plan\"\":\"\"\\ud800\"\"}\"\nu1,edit,2024-01-01T00:00:00Z,{}\n");

        Assert.Equal(1, result.Inserted);
        Assert.Equal(["properties: lone UTF-16 surrogate escape in the value of 'plan'"], Reasons(fixture));
        AssertAccounted(result);
    }
}
