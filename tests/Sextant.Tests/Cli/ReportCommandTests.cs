using System.Text.Json;
using System.Xml.Linq;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary><c>sextant report</c> through the real executable, on a generated store and on one with a single event.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Report_on_a_generated_store_writes_dashboards_svg_charts_and_the_executive_report()
    {
        Assert.Equal(0, CliRunner.Run(_directory.Path, "generate", "--users", "1500", "--store", "s.db").ExitCode);

        var result = CliRunner.Run(_directory.Path, "report", "--store", "s.db", "--out", "rep", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var dashboards = root.GetProperty("dashboards").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(dashboards.Count >= 11, $"{dashboards.Count} HTML files");
        Assert.EndsWith("index.html", dashboards[0], StringComparison.Ordinal);
        Assert.All(dashboards, path => Assert.True(File.Exists(path), path));
        var charts = root.GetProperty("charts").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(charts.Count >= 25, $"{charts.Count} SVG charts");
        Assert.All(charts, path => Assert.Equal("svg", XDocument.Load(path).Root!.Name.LocalName));
        var report = root.GetProperty("executive_report").EnumerateArray().Select(e => Path.GetFileName(e.GetString()!)).ToList();
        Assert.Equal(["analytics_framework_report.txt", "analytics_framework_report.md", "analytics_framework_report.html"], report);
        Assert.True(root.GetProperty("render_seconds").GetDouble() > 0);
        var index = File.ReadAllText(dashboards[0]);
        foreach (var href in System.Text.RegularExpressions.Regex.Matches(index, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dashboards[0])!, href));
            Assert.True(File.Exists(target) || Directory.Exists(target), $"index links {href}, which was not written");
        }
    }

    [Fact]
    public void Report_on_a_store_with_one_event_says_what_cannot_be_known_instead_of_failing()
    {
        _directory.Write("tiny.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2026-01-01T09:00:00Z\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "tiny.csv").ExitCode);

        var result = CliRunner.Run(_directory.Path, "report", "--out", "rep");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        var text = File.ReadAllText(Path.Combine(_directory.Path, "rep", "analytics_framework_report.txt"));
        Assert.Contains("no complete week yet", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "rep", "dashboards", "executive.html")));
    }

    [Fact]
    public void Report_on_a_store_of_profiles_without_events_writes_every_file()
    {
        _directory.Write("users.csv", "user_id,signup_at,segment\nu1,2026-01-01T09:00:00Z,individual\nu2,2026-01-05T09:00:00Z,enterprise\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "users.csv", "--kind", "users").ExitCode);

        var result = CliRunner.Run(_directory.Path, "report", "--out", "rep");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "rep", "dashboards", "engagement.html")));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "rep", "analytics_framework_report.md")));
    }

    [Fact]
    public void Png_export_without_chromium_names_what_to_install()
    {
        _directory.Write("tiny.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2026-01-01T09:00:00Z\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "tiny.csv").ExitCode);
        var start = CliRunner.StartInfo(_directory.Path, "report", "--out", "rep", "--png");
        start.Environment["SEXTANT_CHROMIUM"] = Path.Combine(_directory.Path, "no-such-chromium");

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("chromium", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "rep", "analytics_framework_report.txt")), "everything but the PNG files is written first");
    }
}
