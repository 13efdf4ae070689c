using System.Text;

namespace Sextant.Reports.Executive;

/// <summary>Renders the report as CommonMark with pipe tables.</summary>
public static class MarkdownRenderer
{
    /// <summary>The report as Markdown.</summary>
    public static string Render(ExecutiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        text.Append(Line(document.Subtitle)).Append("\n\n");
        foreach (var section in document.Sections)
        {
            text.Append("## ").Append(Escape(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph paragraph:
                        text.Append(Line(paragraph.Text)).Append('\n');
                        break;
                    case BulletList list:
                        foreach (var item in list.Items) text.Append("- ").Append(Line(item)).Append('\n');
                        break;
                    case Table table:
                        text.Append("| ").Append(string.Join(" | ", table.Header.Select(Escape))).Append(" |\n");
                        text.Append('|').Append(string.Concat(table.Header.Select((_, i) => table.NumericColumns.Contains(i) ? " ---: |" : " --- |"))).Append('\n');
                        foreach (var row in table.Rows)
                            text.Append("| ").Append(string.Join(" | ", row.Select(Line))).Append(" |\n");
                        break;
                }
                text.Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A line with figures in bold.</summary>
    private static string Line(RichText line) =>
        string.Concat(line.Parts.Select(p => p is Figure ? "**" + Escape(p.Text) + "**" : Escape(p.Text)));

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
