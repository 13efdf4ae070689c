using System.Text;
using Sextant.Ingest.Readers;

namespace Sextant.Tests.Ingest.Readers;

public sealed class JsonlRowReaderTests
{
    [Fact]
    public void Bad_lines_are_reported_and_reading_goes_on_with_line_numbers()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n\n{\"a\":\n[1,2]\n")
            .Concat(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}', (byte)'\n' })
            .Concat(Encoding.UTF8.GetBytes("{\"a\":2}\r\n")).ToArray();
        using var reader = new JsonlRowReader(new MemoryStream(bytes), "e.jsonl");

        var rows = new List<(long Line, string? Error, int? A, bool HasBytes)>();
        while (reader.TryReadRow(out var row))
        {
            using (row) rows.Add((row.Line, row.Error, row.Error is null ? row.Root.GetProperty("a").GetInt32() : null, row.RawBytes is not null));
        }

        Assert.Equal(5, rows.Count);
        Assert.Equal((1L, (string?)null, (int?)1, false), rows[0]);
        Assert.Equal(3, rows[1].Line);
        Assert.StartsWith("malformed JSON", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal("expected a JSON object, found array", rows[2].Error);
        Assert.Equal("invalid UTF-8 at byte 2 of the line", rows[3].Error);
        Assert.True(rows[3].HasBytes);
        Assert.Equal((6L, (string?)null, (int?)2, false), rows[4]);
    }

    [Fact]
    public void A_last_line_without_newline_and_a_bom_are_read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"a\":7}\n{\"a\":8}"u8.ToArray()).ToArray();
        using var reader = new JsonlRowReader(new MemoryStream(bytes), "e.jsonl");

        Assert.True(reader.TryReadRow(out var first));
        Assert.Null(first.Error);
        Assert.True(reader.TryReadRow(out var second));
        Assert.Equal(8, second.Root.GetProperty("a").GetInt32());
        Assert.False(reader.TryReadRow(out _));
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_read_whole()
    {
        var big = new string('x', 3 << 20);
        using var reader = new JsonlRowReader(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"a\":\"{big}\"}}\n{{\"a\":\"y\"}}\n")), "e.jsonl");

        Assert.True(reader.TryReadRow(out var first));
        Assert.Equal(big, first.Root.GetProperty("a").GetString());
        Assert.True(reader.TryReadRow(out var second));
        Assert.Equal(2, second.Line);
    }
}
