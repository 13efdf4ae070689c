using System.Net;
using System.Text;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Executive;

/// <summary>
/// Renders the report as one self-contained HTML page: inline CSS in the palette's colours, no
/// scripts and no external resources. The markup is well-formed XML after the doctype.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>The report as HTML.</summary>
    public static string Render(ExecutiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append("<title>").Append(Encode(document.Title)).Append("</title>\n<style>\n").Append(Style()).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        html.Append("<p class=\"subtitle\">").Append(Line(document.Subtitle)).Append("</p>\n");
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var section = document.Sections[s];
            html.Append("<section id=\"section-").Append(s + 1).Append("\">\n<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph paragraph:
                        html.Append("<p").Append(Class(paragraph.Text.Tone)).Append('>').Append(Line(paragraph.Text)).Append("</p>\n");
                        break;
                    case BulletList list:
                        html.Append("<ul>\n");
                        foreach (var item in list.Items) html.Append("<li").Append(Class(item.Tone)).Append('>').Append(Line(item)).Append("</li>\n");
                        html.Append("</ul>\n");
                        break;
                    case Table table:
                        Tabulate(html, table);
                        break;
                }
            }
            html.Append("</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Tabulate(StringBuilder html, Table table)
    {
        string Align(int column) => table.NumericColumns.Contains(column) ? " class=\"num\"" : "";
        html.Append("<table>\n<thead><tr>");
        for (var i = 0; i < table.Header.Count; i++) html.Append("<th").Append(Align(i)).Append('>').Append(Encode(table.Header[i])).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++) html.Append("<td").Append(Align(i)).Append('>').Append(Line(row[i])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Class(Tone tone) => tone switch
    {
        Tone.Positive => " class=\"positive\"",
        Tone.Negative => " class=\"negative\"",
        _ => "",
    };

    private static string Line(RichText line) => string.Concat(line.Parts.Select(p => p switch
    {
        Figure f => "<span class=\"figure\">" + Encode(f.Text) + "</span>",
        _ => Encode(p.Text),
    }));

    /// <summary>Escapes for text and attribute values; only the five XML entities are produced, so the page parses as XML.</summary>
    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Style() => $$"""
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: {{Palette.Text}}; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
        h1 { color: {{Palette.At(0)}}; margin-bottom: 0.25rem; }
        h2 { color: {{Palette.At(0)}}; border-bottom: 2px solid {{Palette.Grid}}; padding-bottom: 0.25rem; margin-top: 2rem; }
        .subtitle { color: {{Palette.Neutral}}; margin-top: 0; }
        .figure { font-weight: 600; font-variant-numeric: tabular-nums; }
        .positive { border-left: 4px solid {{Palette.Positive}}; padding-left: 0.5rem; }
        .negative { border-left: 4px solid {{Palette.Negative}}; padding-left: 0.5rem; }
        .positive .figure { color: {{Palette.Positive}}; }
        .negative .figure { color: {{Palette.Negative}}; }
        table { border-collapse: collapse; margin: 0.75rem 0; }
        th, td { border: 1px solid {{Palette.Grid}}; padding: 0.25rem 0.6rem; text-align: left; }
        th { background: {{Palette.Heat[0]}}; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }

        """;
}
