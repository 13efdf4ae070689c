using System.Text.RegularExpressions;
using Sextant.Reports.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

/// <summary>
/// Each dashboard's HTML against a stored snapshot, with the inlined style, chart library and page
/// script (the same files on every page) left out, and the last digits of long decimals (which may
/// differ with summation order) normalised.
/// Set SEXTANT_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change.
/// </summary>
public sealed partial class DashboardSnapshotTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    private static readonly string SnapshotDirectory = Path.Combine(RepositoryRoot(), "tests", "Sextant.Tests", "Reports", "Snapshots");

    public static TheoryData<string> Slugs() => new(DashboardSlugs);

    private static readonly string[] DashboardSlugs =
        ["executive", "north_star", "engagement", "funnel", "retention", "feature_adoption", "power_users", "paths", "experiments", "growth", "revenue", "health"];

    [Fact]
    public void The_snapshot_list_names_every_dashboard()
    {
        Assert.Equal(DashboardSlugs, DashboardSet.Build(fixture.Inputs).Select(d => d.Slug));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Dashboard_html_matches_its_snapshot(string slug)
    {
        var dashboards = DashboardSet.Build(fixture.Inputs);
        var html = Normalise(DashboardFiles.RenderWithoutSharedFiles(dashboards.Single(d => d.Slug == slug), dashboards, fixture.Inputs));
        var path = Path.Combine(SnapshotDirectory, slug + ".html");
        if (Environment.GetEnvironmentVariable("SEXTANT_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, html);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}: run the tests with SEXTANT_UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path);
        if (expected == html) return;
        File.WriteAllText(path + ".received", html);
        Assert.Fail($"{slug}.html differs from its snapshot at character {FirstDifference(expected, html)}; the new page is in {path}.received");
    }

    [Fact]
    public void Normalising_keeps_six_decimals_and_leaves_short_numbers_alone()
    {
        Assert.Equal("0.123457 and 12.5 and 3", Normalise("0.12345678901 and 12.5 and 3"));
    }

    private static string Normalise(string html) =>
        LongDecimal().Replace(html, m => Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture), 6)
            .ToString("0.######", System.Globalization.CultureInfo.InvariantCulture));

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"-?\d+\.\d{7,}")]
    private static partial Regex LongDecimal();
}
