namespace Sextant.Reports.Executive;

/// <summary>Writes the executive report as analytics_framework_report.txt, .md and .html.</summary>
public static class ExecutiveReportFiles
{
    /// <summary>File name without extension.</summary>
    public const string BaseName = "analytics_framework_report";

    /// <summary>Builds the report from <paramref name="inputs"/> and writes the three files into <paramref name="directory"/>; returns their paths (text, Markdown, HTML).</summary>
    public static IReadOnlyList<string> Write(string directory, ReportInputs inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(inputs);
        OutputFile.CreateDirectory(directory);
        var document = ExecutiveReport.Build(inputs);
        var written = new List<string>();
        foreach (var (extension, content) in new[]
        {
            ("txt", TextRenderer.Render(document)),
            ("md", MarkdownRenderer.Render(document)),
            ("html", HtmlRenderer.Render(document)),
        })
        {
            var path = Path.Combine(directory, $"{BaseName}.{extension}");
            OutputFile.WriteText(path, content);
            written.Add(path);
        }
        return written;
    }
}
