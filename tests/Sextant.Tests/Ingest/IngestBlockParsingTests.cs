using System.Text;
using System.Text.Json;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>
/// CSV files are parsed in blocks on several cores. Whatever the block size, and so wherever the
/// cuts fall (inside quoted line breaks, between CR and LF, on blank lines), the stored events,
/// the quarantined rows and their file lines must be exactly those of reading row by row.
/// </summary>
public sealed class IngestBlockParsingTests
{
    // Block sizes that put a cut at nearly every byte, at odd places, and one block for the whole file.
    public static TheoryData<int> BlockSizes => [1, 2, 3, 5, 8, 13, 31, 64, 256 << 10];

    // Lines: 1 header (after a BOM, CRLF) · 2 e1 · 3–4 e2 · 5 bad · 6 blank · 7–9 e4 (CRLF inside quotes)
    // · 10–11 bad · 12–13 e6 · 14 too few columns · 15 e7 without a final line break.
    private const string Tricky =
        "\uFEFFevent_id,user_id,event,timestamp,note\r\n"
        + "e1,u1,signup,2024-01-01T00:00:00Z,plain\r\n"
        + "e2,u1,view,2024-01-01T00:01:00Z,\"two\nlines\"\n"
        + "e3,,view,2024-01-01T00:02:00Z,no user\n"
        + "\n"
        + "e4,u2,view,2024-01-01T00:03:00Z,\"a\r\nb\r\nc\"\r\n"
        + "e5,,view,2024-01-01T00:04:00Z,\"x\ny\"\n"
        + "e6,u2,view,2024-01-01T00:05:00Z,\"\"\"quoted\"\",\n\"\n"
        + "e8,u3,view\n"
        + "e7,u3,view,2024-01-01T00:06:00Z,last";

    [Theory]
    [MemberData(nameof(BlockSizes))]
    public void Quoted_line_breaks_CRLF_BOM_and_blank_lines_read_the_same_whatever_the_blocks(int blockBytes)
    {
        var (events, quarantine, result) = Ingest(Tricky, blockBytes);

        Assert.Equal(["e1", "e2", "e4", "e6", "e7"], events.Select(e => e.EventId));
        Assert.Equal(["plain", "two\nlines", "a\r\nb\r\nc", "\"quoted\",\n", "last"], events.Select(e => Note(e.PropertiesJson)));
        Assert.Equal([5L, 10L, 14L], quarantine.Select(q => q.GetProperty("line").GetInt64()));
        Assert.Equal("e5,,view,2024-01-01T00:04:00Z,\"x\ny\"", quarantine[1].GetProperty("raw").GetString());
        Assert.Equal("expected 5 columns, found 3", quarantine[2].GetProperty("reason").GetString());
        Assert.Equal((8L, 5L, 3L), (result.Read, result.Inserted, result.Quarantined));
    }

    [Theory]
    [MemberData(nameof(BlockSizes))]
    public void Bad_rows_keep_their_file_line_across_many_block_boundaries(int blockBytes)
    {
        var content = new StringBuilder("event_id,user_id,event,timestamp\n");
        var expectedBad = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            var line = i + 2;
            var bad = i % 7 == 3;
            if (bad) expectedBad.Add(line);
            content.Append(CultureFormat($"e{i},{(bad ? "" : "u" + (i % 11))},view,2024-01-01T00:{i % 60:00}:00Z\n"));
        }

        var (events, quarantine, result) = Ingest(content.ToString(), blockBytes);

        Assert.Equal(expectedBad, quarantine.Select(q => q.GetProperty("line").GetInt64()));
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 7 != 3).Select(i => $"e{i}"), events.Select(e => e.EventId));
        Assert.Equal(result.Read, result.Inserted + result.Quarantined);
    }

    [Theory]
    [MemberData(nameof(BlockSizes))]
    public void A_quoted_field_that_never_closes_is_one_unterminated_row_at_its_first_line(int blockBytes)
    {
        var content = "event_id,user_id,event,timestamp,note\n"
            + "e1,u1,view,2024-01-01T00:00:00Z,ok\n"
            + "e2,u1,view,2024-01-01T00:01:00Z,\"never closes\n"
            + "e3,u1,view,2024-01-01T00:02:00Z,swallowed\n";

        var (events, quarantine, result) = Ingest(content, blockBytes);

        Assert.Equal(["e1"], events.Select(e => e.EventId));
        var bad = Assert.Single(quarantine);
        Assert.Equal(3, bad.GetProperty("line").GetInt64());
        Assert.Equal("unterminated quoted field", bad.GetProperty("reason").GetString());
        Assert.Equal(2, result.Read);
    }

    [Theory]
    [MemberData(nameof(BlockSizes))]
    public void Users_parse_in_blocks_too(int blockBytes)
    {
        var content = "user_id,signup_at,plan\r\nu1,2024-01-01,free\r\n\r\nu2,,\"pro\r\nplus\"\r\nu3,2024-01-02,team\r\n";
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("users.csv", content);

        var result = new Ingestor(store, new IngestOptions { CsvBlockBytes = blockBytes }, FixedClock.At2026).Ingest([file]);

        Assert.Equal(3, result.Inserted);
        Assert.Equal("pro\r\nplus", store.Users["u2"].Plan);
    }

    private static string CultureFormat(FormattableString text) => FormattableString.Invariant(text);

    private static string? Note(string propertiesJson) =>
        JsonDocument.Parse(propertiesJson).RootElement.GetProperty("note").GetString();

    private static (List<Sextant.Events.EventRecord> Events, JsonElement[] Quarantine, IngestResult Result) Ingest(string content, int blockBytes)
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("events.csv", content);
        var options = new IngestOptions { CsvBlockBytes = blockBytes, BatchSize = 2 };

        var result = new Ingestor(store, options, FixedClock.At2026).Ingest([file]);

        var quarantinePath = directory.File("memory") + ".quarantine.jsonl";
        var quarantine = File.Exists(quarantinePath)
            ? File.ReadAllLines(quarantinePath).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray()
            : [];
        return (store.Events, quarantine, result);
    }
}
