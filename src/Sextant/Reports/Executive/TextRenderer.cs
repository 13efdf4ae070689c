using System.Text;

namespace Sextant.Reports.Executive;

/// <summary>Renders the report as plain text: lines of at most <see cref="Width"/> columns, headings underlined.</summary>
public static class TextRenderer
{
    /// <summary>The widest line written (a single word longer than this stands on its own line).</summary>
    public const int Width = 100;

    private const char Glue = '\u00A0';

    /// <summary>The report as plain text.</summary>
    public static string Render(ExecutiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        Heading(text, document.Title, '=');
        Wrap(text, Words(document.Subtitle), "", "");
        text.Append('\n');
        foreach (var section in document.Sections)
        {
            Heading(text, section.Heading, '-');
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph paragraph:
                        Wrap(text, Words(paragraph.Text), "", "");
                        break;
                    case BulletList list:
                        foreach (var item in list.Items) Wrap(text, Words(item), "- ", "  ");
                        break;
                    case Table table:
                        Tabulate(text, table);
                        break;
                }
                text.Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Heading(StringBuilder text, string heading, char underline) =>
        text.Append(heading).Append('\n').Append(underline, heading.Length).Append('\n');

    /// <summary>The line's text with the spaces inside figures glued, so that no number is split over two lines.</summary>
    private static string Words(RichText line) =>
        string.Concat(line.Parts.Select(p => p is Figure ? p.Text.Replace(' ', Glue) : p.Text));

    private static void Wrap(StringBuilder text, string words, string first, string rest)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line.ToString().Replace(Glue, ' ')).Append('\n');
                line.Clear().Append(rest);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        text.Append(line.ToString().Replace(Glue, ' ')).Append('\n');
    }

    private static void Tabulate(StringBuilder text, Table table)
    {
        var cells = table.Rows.Select(row => row.Select(cell => cell.Plain).ToList()).ToList();
        var widths = table.Header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToList();
        if (widths.Sum() + 2 * (widths.Count - 1) > Width)
        {
            // Too wide for a text table: one bullet per row, "Header: value" pairs.
            foreach (var row in table.Rows)
                Wrap(text, string.Join("; ", row.Select((cell, i) => $"{table.Header[i]}: {Words(cell)}")), "- ", "  ");
            return;
        }
        string Row(IReadOnlyList<string> values) => string.Join("  ", values.Select((v, i) =>
            table.NumericColumns.Contains(i) ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        text.Append(Row(table.Header)).Append('\n');
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in cells) text.Append(Row(row)).Append('\n');
    }
}
