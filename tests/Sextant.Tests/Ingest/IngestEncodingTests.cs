using System.Text;
using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>Files that are not UTF-8: UTF-16 with or without a byte-order mark is decoded, UTF-32 refused.</summary>
public sealed class IngestEncodingTests
{
    private const string Events = "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u1,édité ✓,2024-01-01T00:01:00Z\n";

    private static string[] Reasons(StoreFixture fixture) =>
        fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString()!).ToArray();

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16be")]
    public void Given_a_utf16_csv_file_when_it_is_ingested_then_its_rows_are_read_as_text(string form)
    {
        using var fixture = new StoreFixture();
        var bigEndian = form.StartsWith("utf-16be", StringComparison.Ordinal);
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        byte[] bom = !form.EndsWith("-bom", StringComparison.Ordinal) ? [] : bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE];
        var path = fixture.Directory.WriteBytes("events.csv", [.. bom, .. encoding.GetBytes(Events)]);

        var result = fixture.IngestFiles([path]);

        Assert.Equal((2L, 2L, 0L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Contains("édité ✓", fixture.Load().EventNames);
    }

    [Fact]
    public void Given_a_utf16_json_lines_file_with_a_lone_surrogate_when_it_is_ingested_then_that_row_is_quarantined_and_the_rest_stored()
    {
        using var fixture = new StoreFixture();
        var text = "{\"user_id\":\"u1\",\"event\":\"a\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n{\"user_id\":\"u1\",\"event\":\"b\uD800\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n{\"user_id\":\"u1\",\"event\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n";
        // Encoding.Unicode would replace the lone surrogate; write the code units as they are.
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(text.SelectMany(c => new[] { (byte)c, (byte)(c >> 8) })).ToArray();
        var path = fixture.Directory.WriteBytes("events.jsonl", bytes);

        var result = fixture.IngestFiles([path]);

        Assert.Equal((3L, 2L, 1L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(["lone UTF-16 surrogate at byte 26 of the line (not valid UTF-8)"], Reasons(fixture));
    }

    [Fact]
    public void Given_a_utf8_csv_value_holding_an_encoded_surrogate_when_it_is_ingested_then_the_reason_names_the_surrogate()
    {
        using var fixture = new StoreFixture();
        byte[] bytes = [.. "user_id,event,timestamp\nu1,a"u8, 0xED, 0xA0, 0x80, .. ",2024-01-01T00:00:00Z\nu1,b,2024-01-01T00:00:00Z\n"u8];
        var path = fixture.Directory.WriteBytes("events.csv", bytes);

        var result = fixture.IngestFiles([path]);

        Assert.Equal((1L, 1L), (result.Inserted, result.Quarantined));
        Assert.Equal(["lone UTF-16 surrogate at byte 4 of the line (not valid UTF-8)"], Reasons(fixture));
    }

    [Fact]
    public void Given_a_utf32_file_when_it_is_ingested_then_it_is_refused_saying_so()
    {
        using var fixture = new StoreFixture();
        var path = fixture.Directory.WriteBytes("events.csv", [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding().GetBytes(Events)]);

        var error = Assert.Throws<SextantException>(() => fixture.IngestFiles([path]));

        Assert.Contains("events.csv' is UTF-32 text, which is not read; save it as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_large_utf16_file_of_emoji_names_when_it_is_ingested_then_pairs_split_between_reads_stay_whole()
    {
        using var fixture = new StoreFixture();
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"e{i},u{i % 7},\U0001F680 launch,2024-01-01T00:00:00Z\n"));
        var path = fixture.Directory.WriteBytes("events.csv", new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes("event_id,user_id,event,timestamp\n" + rows));

        var result = fixture.IngestFiles([path]);

        Assert.Equal((20_000L, 20_000L, 0L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(["\U0001F680 launch"], fixture.Load().EventNames);
    }
}
