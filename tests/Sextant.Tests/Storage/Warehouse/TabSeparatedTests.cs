using Sextant.Storage.Warehouse.ClickHouse;

namespace Sextant.Tests.Storage.Warehouse;

public sealed class TabSeparatedTests
{
    [Fact]
    public void Escapes_are_undone_and_backslash_n_alone_is_null()
    {
        var reader = new TabSeparatedReader(new StringReader("a\\tb\t\\N\t\\\\N\t\\0\\'\\\\\t\n\\n\tlast"));
        var fields = new List<string?>();

        Assert.True(reader.ReadRow(fields));
        Assert.Equal(["a\tb", null, "\\N", "\0'\\", ""], fields);
        Assert.True(reader.ReadRow(fields));
        Assert.Equal(["\n", "last"], fields);
        Assert.False(reader.ReadRow(fields));
    }

    [Fact]
    public void Rows_longer_than_the_read_buffer_with_escapes_on_its_edges_read_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"v{i}\\\t"));
        var written = new StringWriter();
        Span<char> scratch = stackalloc char[32];
        TabSeparatedContent.Write(written, text, scratch);
        written.Write('\t');
        TabSeparatedContent.Write(written, 42L, scratch);
        written.Write('\n');

        var reader = new TabSeparatedReader(new StringReader(written.ToString()));
        var fields = new List<string?>();

        Assert.True(reader.ReadRow(fields));
        Assert.Equal([text, "42"], fields);
        Assert.False(reader.ReadRow(fields));
    }

    [Fact]
    public void Written_values_read_back_the_same()
    {
        object?[] values = [null, -7L, 0.1, "", "tab\tnew\nline\rback\\slash\0nul", "Zoë 🚀"];
        var written = new StringWriter();
        Span<char> scratch = stackalloc char[32];
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) written.Write('\t');
            TabSeparatedContent.Write(written, values[i], scratch);
        }
        written.Write('\n');

        var fields = new List<string?>();
        Assert.True(new TabSeparatedReader(new StringReader(written.ToString())).ReadRow(fields));

        Assert.Equal([null, "-7", "0.1", "", "tab\tnew\nline\rback\\slash\0nul", "Zoë 🚀"], fields);
        Assert.DoesNotContain('\n', written.ToString().TrimEnd('\n'));
    }
}
