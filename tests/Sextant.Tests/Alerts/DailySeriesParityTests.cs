using System.Globalization;
using Sextant.Analysis.Alerts;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Alerts;

/// <summary>
/// The alerts' daily series (built from the event table) and the materialised daily series of
/// <c>sextant refresh</c> (folded from the stored chunks) are two implementations of one
/// definition: on the SaaS example they agree on every day's events, active users, sign-ups and revenue.
/// </summary>
public sealed class DailySeriesParityTests
{
    private static readonly string Example = Path.Combine(RepositoryRoot(), "examples", "saas");

    [Fact]
    public void Alert_series_equal_the_refreshed_daily_series_on_every_day()
    {
        using var directory = new TempDirectory();
        var store = directory.File("saas.db");
        var config = Path.Combine(Example, "sextant.yaml");
        string[] files = ["user_profiles.csv", "user_events.csv", "subscriptions.csv"];
        var ingest = InProcessCli.Run(["ingest", "--config", config, "--store", store, .. files.Select(name => Path.Combine(Example, name))]);
        Assert.True(ingest.Code == 0, ingest.Error);
        var refresh = InProcessCli.Run("refresh", "--config", config, "--store", store);
        Assert.True(refresh.Code == 0, refresh.Error);

        using var opened = SqliteStore.OpenReadOnly(store);
        var series = DailySeriesBuilder.Build(EventTableBuilder.Build(opened, TimeZoneInfo.Utc), [], [])
            .ToDictionary(s => s.Metric);
        var lines = File.ReadAllLines(Path.Combine(store + ".refresh", "daily_series.csv"));
        Assert.Equal("day,events,active_users,signups,revenue,complete", lines[0]);
        Assert.True(lines.Length > 700, $"{lines.Length - 1} days");
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            var day = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            Assert.Equal(double.Parse(fields[1], CultureInfo.InvariantCulture), series["events"].ValueOn(day));
            Assert.Equal(double.Parse(fields[2], CultureInfo.InvariantCulture), series["active_users"].ValueOn(day));
            Assert.Equal(double.Parse(fields[3], CultureInfo.InvariantCulture), series["signups"].ValueOn(day));
            Assert.Equal(double.Parse(fields[4], CultureInfo.InvariantCulture), series["revenue"].ValueOn(day), 6);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Sextant.slnx not found above the test binaries");
    }
}
