using System.IO.Compression;
using System.Text;
using Sextant.Ingest.Readers;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Readers;

public sealed class CsvRowReaderTests
{
    private static List<CsvRow> ReadAll(string text, out IReadOnlyList<string> header, int bufferHint = 0) => ReadAll(Encoding.UTF8.GetBytes(text), out header);

    private static List<CsvRow> ReadAll(byte[] bytes, out IReadOnlyList<string> header)
    {
        using var reader = new CsvRowReader(new MemoryStream(bytes), "test.csv");
        header = reader.Header;
        var rows = new List<CsvRow>();
        while (reader.TryReadRow(out var row))
        {
            _ = row.RawText; // Raw text is read before the next row, as the importer does.
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_line_numbers_stay_right()
    {
        var rows = ReadAll("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,after\n", out var header);

        Assert.Equal(["id", "text"], header);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines", "after"], rows.Select(r => r.Fields[1]));
        Assert.Equal([2L, 3, 4, 6], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal("3,\"two\nlines\"", rows[2].RawText);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Every_line_ending_is_accepted(string newline)
    {
        var rows = ReadAll($"a,b{newline}1,2{newline}3,4{newline}", out _);

        Assert.Equal([["1", "2"], ["3", "4"]], rows.Select(r => r.Fields));
        Assert.Equal([2L, 3], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_are_skipped_but_counted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("user_id,event\n\n  \nu1,a\n\nu2,b")).ToArray();

        var rows = ReadAll(bytes, out var header);

        Assert.Equal("user_id", header[0]);
        Assert.Equal([4L, 6], rows.Select(r => r.Line));
        Assert.Equal("b", rows[1].Fields[1]);
    }

    [Fact]
    public void Wrong_column_counts_are_reported_per_row_and_reading_goes_on()
    {
        var rows = ReadAll("a,b,c\n1,2\n1,2,3,4\n1,2,3\n", out _);

        Assert.Equal(["expected 3 columns, found 2", "expected 3 columns, found 4", null], rows.Select(r => r.Error));
    }

    [Fact]
    public void Empty_trailing_fields_count_as_columns()
    {
        var rows = ReadAll("a,b,c\n1,,\n", out _);

        Assert.Equal(["1", "", ""], rows[0].Fields);
        Assert.Null(rows[0].Error);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, 2)]
    [InlineData(new byte[] { 0xE2, 0x82 }, 2)]
    [InlineData(new byte[] { 0xC0, 0xAF }, 2)]
    public void Invalid_utf8_is_reported_with_its_byte_offset_and_raw_bytes(byte[] bad, int offset)
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\nx,").Concat(bad).Concat(Encoding.UTF8.GetBytes("y\nok,fine\n")).ToArray();

        var rows = ReadAll(bytes, out _);

        Assert.Equal($"invalid UTF-8 at byte {offset} of the line", rows[0].Error);
        Assert.Equal(Encoding.UTF8.GetBytes("x,").Concat(bad).Concat("y"u8.ToArray()).ToArray(), rows[0].RawBytes);
        Assert.Null(rows[1].Error);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void An_unterminated_quote_at_the_end_is_a_bad_row()
    {
        var rows = ReadAll("a,b\n1,2\n3,\"never closed\n4,5\n", out _);

        Assert.Equal(2, rows.Count);
        Assert.Equal("unterminated quoted field", rows[1].Error);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_and_quotes_inside_plain_fields_are_literal()
    {
        var rows = ReadAll("a,b\n\"x\"y,5 \"inch\"\n", out _);

        Assert.Equal(["xy", "5 \"inch\""], rows[0].Fields);
    }

    [Fact]
    public void Records_crossing_buffer_boundaries_are_read_whole()
    {
        var text = new StringBuilder("id,payload\n");
        for (var i = 0; i < 30_000; i++) text.Append(i).Append(",\"").Append(new string('x', i % 97)).Append("\"\"q\"\"\"\r\n");

        var rows = ReadAll(text.ToString(), out _);

        Assert.Equal(30_000, rows.Count);
        Assert.All(rows, (row, i) => Assert.Equal(new string('x', i % 97) + "\"q\"", row.Fields[1]));
        Assert.Equal(30_001, rows[^1].Line);
    }

    [Fact]
    public void Tab_separated_files_use_tabs()
    {
        using var reader = new CsvRowReader(new MemoryStream("a\tb\n1,5\t2\n"u8.ToArray()), "t.tsv", '\t');

        Assert.True(reader.TryReadRow(out var row));
        Assert.Equal(["1,5", "2"], row.Fields);
    }

    [Fact]
    public void An_empty_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<SextantException>(() => new CsvRowReader(new MemoryStream([]), "empty.csv"));

        Assert.Equal("'empty.csv': the file is empty", error.Message);
    }

    [Fact]
    public void Gzip_is_detected_by_its_bytes_not_its_name()
    {
        using var directory = new TempDirectory();
        var path = directory.File("plain-name.csv");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gzip.Write("a,b\n1,2\n"u8);

        using var reader = new CsvRowReader(SourceFile.OpenRead(path), path);

        Assert.True(reader.TryReadRow(out var row));
        Assert.Equal(["1", "2"], row.Fields);
    }

    [Fact]
    public void A_corrupt_gzip_stream_is_a_clear_error()
    {
        using var directory = new TempDirectory();
        var path = directory.WriteBytes("broken.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]);

        var error = Assert.Throws<SextantException>(() =>
        {
            using var reader = new CsvRowReader(SourceFile.OpenRead(path), path);
            while (reader.TryReadRow(out _)) { }
        });

        Assert.Contains("broken.csv.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error_not_a_shorter_file()
    {
        using var directory = new TempDirectory();
        var whole = new MemoryStream();
        using (var gzip = new GZipStream(whole, CompressionLevel.Optimal, leaveOpen: true))
            for (var i = 0; i < 50_000; i++) gzip.Write(Encoding.UTF8.GetBytes($"{i},row {i} with some text\n"));
        var bytes = whole.ToArray();
        var path = directory.WriteBytes("cut.csv.gz", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<SextantException>(() =>
        {
            using var reader = new CsvRowReader(SourceFile.OpenRead(path), path);
            while (reader.TryReadRow(out _)) { }
        });

        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<SextantException>(() => SourceFile.OpenRead("/nonexistent/events.csv"));

        Assert.StartsWith("cannot read '/nonexistent/events.csv'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events.csv", "Csv")]
    [InlineData("events.CSV.gz", "Csv")]
    [InlineData("events.ndjson", "Jsonl")]
    [InlineData("events.jsonl.gz", "Jsonl")]
    public void Format_follows_the_extension_under_gz(string name, string kind) =>
        Assert.Equal(kind, SourceFormat.Detect(name).ToString());

    [Fact]
    public void An_unknown_extension_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Throws<SextantException>(() => SourceFormat.Detect("events.xlsx"));

        Assert.Contains("'.xlsx'", error.Message, StringComparison.Ordinal);
        Assert.Contains(".jsonl", error.Message, StringComparison.Ordinal);
    }
}
