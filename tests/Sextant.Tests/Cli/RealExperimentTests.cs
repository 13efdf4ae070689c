using System.Text.Json;
using Sextant.Stats;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>Public A/B data sets (../shared/data/real) through sextant ingest and sextant experiment.</summary>
public sealed class RealExperimentTests
{
    private static readonly string CookieCats = RealData.File("cookie_cats.csv.gz");

    [Fact]
    public void Cookie_cats_retention_matches_the_published_analysis()
    {
        using var directory = new TempDirectory();
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", CookieCats, "--kind", "users", "--map", "userid=user_id").ExitCode);

        var result = CliRunner.Run(directory.Path, "experiment", "cookie_cats", "--variant-attribute", "version", "--control", "gate_30",
            "--metric", "trait:retention_1", "--metric", "trait:retention_7", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal([("gate_30", 44_700L), ("gate_40", 45_489L)], root.GetProperty("arms").EnumerateArray().Select(a => (a.GetProperty("variant").GetString(), a.GetProperty("users").GetInt64())));
        // Retained players per gate, counted from the raw rows: day 1 20,034 / 20,119; day 7 8,502 / 8,279.
        // Published (chi-square without continuity correction, the square of the pooled z): day 1 χ² = 3.1830, p = 0.0744; day 7 χ² = 10.0132, p = 0.0016.
        var expected = new[] { (20_034L, 20_119L, 3.1830, 0.0744), (8_502L, 8_279L, 10.0132, 0.0016) };
        for (var m = 0; m < 2; m++)
        {
            var metric = root.GetProperty("metrics")[m];
            var (retained30, retained40, chi2, p) = expected[m];
            Assert.Equal(retained30 / 44_700.0, metric.GetProperty("arms")[0].GetProperty("mean").GetDouble(), 12);
            Assert.Equal(retained40 / 45_489.0, metric.GetProperty("arms")[1].GetProperty("mean").GetDouble(), 12);
            Assert.Equal(p, metric.GetProperty("comparisons")[0].GetProperty("p_value").GetDouble(), 4);
            Assert.Equal(chi2, Math.Pow(Proportions.TwoProportionZ(retained30, 44_700, retained40, 45_489).Statistic, 2), 4);
        }
        Assert.True(root.GetProperty("metrics")[1].GetProperty("comparisons")[0].GetProperty("significant").GetBoolean());
        Assert.False(root.GetProperty("srm").GetProperty("mismatch").GetBoolean()); // χ² 6.90, p 0.0086: above the 0.001 flag
    }

    [Fact]
    public void Cookie_cats_rebuilt_as_assignments_and_events_matches_the_published_retention()
    {
        // Given Cookie Cats as an assignments file (every player exposed at install, day 0) and an events file
        // with one event on day 1 for each player retained on day 1 and one on day 7 for each retained on day 7:
        // players who never came back have no event at all.
        using var directory = new TempDirectory();
        var assignments = new System.Text.StringBuilder("experiment,user_id,variant,assigned_at\n");
        var events = new System.Text.StringBuilder("event_id,user_id,event,timestamp\n");
        using (var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(CookieCats), System.IO.Compression.CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var cells = line.Split(',');
                assignments.Append("cookie_cats,").Append(cells[0]).Append(',').Append(cells[1]).Append(",2024-01-01T00:00:00Z\n");
                if (cells[3] == "TRUE") events.Append("d1-").Append(cells[0]).Append(',').Append(cells[0]).Append(",play,2024-01-02T12:00:00Z\n");
                if (cells[4] == "TRUE") events.Append("d7-").Append(cells[0]).Append(',').Append(cells[0]).Append(",play,2024-01-08T12:00:00Z\n");
            }
        }
        // One later event makes day 7 complete for everyone (its player, 116, was retained on neither day).
        events.Append("late,116,play,2024-03-01T00:00:00Z\n");
        var assignmentsFile = directory.Write("assignments.csv", assignments.ToString());
        var eventsFile = directory.Write("events.csv", events.ToString());
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", assignmentsFile, eventsFile).ExitCode);

        // When day-1 and day-7 activity are analysed from the assignments
        var result = CliRunner.Run(directory.Path, "experiment", "cookie_cats", "--control", "gate_30",
            "--metric", "active_on_day:1", "--metric", "active_on_day:7", "--json");

        // Then every assigned player is in the experiment (44,700 / 45,489) and the rates are the published ones:
        // day 1 44.82% vs 44.23% (p 0.0744), day 7 19.02% vs 18.20% (p 0.0016).
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal([("gate_30", 44_700L), ("gate_40", 45_489L)], root.GetProperty("arms").EnumerateArray().Select(a => (a.GetProperty("variant").GetString(), a.GetProperty("users").GetInt64())));
        var expected = new[] { (20_034L, 20_119L, 0.0744), (8_502L, 8_279L, 0.0016) };
        for (var m = 0; m < 2; m++)
        {
            var metric = root.GetProperty("metrics")[m];
            var (retained30, retained40, p) = expected[m];
            Assert.Equal([44_700L, 45_489L], metric.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("n").GetInt64()));
            Assert.Equal(retained30 / 44_700.0, metric.GetProperty("arms")[0].GetProperty("mean").GetDouble(), 12);
            Assert.Equal(retained40 / 45_489.0, metric.GetProperty("arms")[1].GetProperty("mean").GetDouble(), 12);
            Assert.Equal(p, metric.GetProperty("comparisons")[0].GetProperty("p_value").GetDouble(), 4);
        }
    }

    [Fact]
    public void Ab_data_after_the_published_cleaning_matches_the_published_conversion_test()
    {
        using var directory = new TempDirectory();
        var file = RealData.File("ab_data.csv.gz");
        // The published cleaning: keep rows whose group and landing page agree (treatment saw new_page, control old_page), one row per user.
        var treatment = CliRunner.Run(directory.Path, "ingest", file, "--kind", "users", "--map", "timestamp=signup_at", "--where", "group=treatment", "--where", "landing_page=new_page", "--json");
        var control = CliRunner.Run(directory.Path, "ingest", file, "--kind", "users", "--map", "timestamp=signup_at", "--where", "group=control", "--where", "landing_page=old_page", "--json");
        var kept = new[] { treatment, control }.Sum(r => JsonDocument.Parse(r.Stdout).RootElement.GetProperty("read").GetInt64() - JsonDocument.Parse(r.Stdout).RootElement.GetProperty("filtered").GetInt64());

        var result = CliRunner.Run(directory.Path, "experiment", "landing_page", "--variant-attribute", "group", "--metric", "trait:converted", "--json");

        // 294,478 rows − 3,893 whose group and page disagree = 290,585 rows of 290,584 users (user 773192 appears twice).
        Assert.Equal(290_585, kept);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal([("control", 145_274L), ("treatment", 145_310L)], root.GetProperty("arms").EnumerateArray().Select(a => (a.GetProperty("variant").GetString(), a.GetProperty("users").GetInt64())));
        var metric = root.GetProperty("metrics")[0];
        // Converted: 17,489 of 145,274 (0.1204) and 17,264 of 145,310 (0.1188). Published: z = 1.3109 (old − new), two-sided p = 0.1899, one-sided 0.905.
        Assert.Equal(17_489 / 145_274.0, metric.GetProperty("arms")[0].GetProperty("mean").GetDouble(), 12);
        Assert.Equal(17_264 / 145_310.0, metric.GetProperty("arms")[1].GetProperty("mean").GetDouble(), 12);
        Assert.Equal(0.1899, metric.GetProperty("comparisons")[0].GetProperty("p_value").GetDouble(), 4);
        Assert.Equal(-1.3109, Proportions.TwoProportionZ(17_489, 145_274, 17_264, 145_310).Statistic, 4);
        Assert.False(metric.GetProperty("comparisons")[0].GetProperty("significant").GetBoolean());
        // Published one-sided test (is the new page better?): p = 0.905.
        var greater = CliRunner.Run(directory.Path, "experiment", "landing_page", "--variant-attribute", "group", "--metric", "trait:converted", "--alternative", "greater", "--json");
        Assert.Equal(0.905, JsonDocument.Parse(greater.Stdout).RootElement.GetProperty("metrics")[0].GetProperty("comparisons")[0].GetProperty("p_value").GetDouble(), 3);
    }
}
