using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>Input forms that used to be misread: several gzip members, long non-ASCII names, exponent timestamps.</summary>
public sealed class IngestFormatTests
{
    private static string[] Reasons(StoreFixture fixture) =>
        fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToArray();

    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    [Fact]
    public void Given_a_gzip_file_of_two_concatenated_members_when_it_is_ingested_then_the_rows_of_both_are_read()
    {
        using var fixture = new StoreFixture();
        var first = Gzip("event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u1,edit,2024-01-01T00:01:00Z\n");
        var second = Gzip("e3,u2,signup,2024-01-02T00:00:00Z\ne4,u2,edit,2024-01-02T00:01:00Z\n");
        var path = fixture.Directory.WriteBytes("events.csv.gz", [.. first, .. second]);

        var result = fixture.IngestFiles([path]);

        Assert.Equal((4L, 4L, 0L), (result.Read, result.Inserted, result.Quarantined));
    }

    [Fact]
    public void Given_two_gzip_members_with_the_second_cut_short_when_it_is_ingested_then_it_is_an_error_naming_the_file()
    {
        using var fixture = new StoreFixture();
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"e{i},u{i % 50},edit,2024-01-02T00:00:00Z\n"));
        var first = Gzip("event_id,user_id,event,timestamp\ne0,u1,signup,2024-01-01T00:00:00Z\n");
        var second = Gzip(rows);
        var path = fixture.Directory.WriteBytes("events.csv.gz", [.. first, .. second[..(second.Length / 2)]]);

        var error = Assert.Throws<SextantException>(() => fixture.IngestFiles([path]));

        Assert.Contains("events.csv.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_event_names_of_emoji_when_they_are_ingested_then_their_length_is_counted_in_characters_not_utf16_units()
    {
        using var fixture = new StoreFixture();
        var fits = string.Concat(Enumerable.Repeat("\U0001F680", 200));
        var tooLong = string.Concat(Enumerable.Repeat("\U0001F680", 201));

        var result = fixture.Ingest("events.csv", $"user_id,event,timestamp\nu1,{fits},2024-01-01T00:00:00Z\nu1,{tooLong},2024-01-01T00:00:00Z\n");

        Assert.Equal((1L, 1L), (result.Inserted, result.Quarantined));
        Assert.Equal(["event name longer than 200 characters (201)"], Reasons(fixture));
    }

    [Fact]
    public void Given_a_json_timestamp_written_with_an_exponent_when_it_is_ingested_then_it_is_the_same_instant_as_its_plain_form()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.jsonl", """
            {"user_id":"u1","event":"signup","timestamp":1.741e9}
            {"user_id":"u1","event":"edit","timestamp":1.7410000015E+18}
            """ + "\n");

        Assert.Equal(2, result.Inserted);
        // 1.741e9 s is 2025-03-03T11:06:40Z; 1.7410000015e18 ns is 1.5 s later.
        Assert.Equal([1_741_000_000_000_000L, 1_741_000_001_500_000L], fixture.Load().Timestamps.Order());
    }

    [Fact]
    public void Given_a_csv_timestamp_written_with_an_exponent_when_it_is_ingested_then_it_is_quarantined_because_digits_may_be_lost()
    {
        using var fixture = new StoreFixture();

        var result = fixture.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,1.741E+09\n");

        Assert.Equal(1, result.Quarantined);
    }
}
