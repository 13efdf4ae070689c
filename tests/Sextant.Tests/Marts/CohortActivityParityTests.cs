using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Marts;
using Sextant.Analysis.Refresh;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Analysis.Refresh.RefreshStores;

namespace Sextant.Tests.Marts;

/// <summary>
/// The marts' cohort_engagement (from the event table) and the refresh's cohort_activity.csv
/// (folded from the stored chunks, batch by batch) share a definition: sign-up cohorts in the
/// project zone, active events without activity.exclude_events and identity events, anonymous
/// history moved to the user it is later linked to. They agree on every cohort size, on the
/// active users and active days of every month after the sign-up month, and on which months are
/// complete. In the sign-up month the marts count activity from the sign-up instant and the
/// refresh from the month's start; cohorts signed up after the data end are in the refresh only.
/// </summary>
public sealed class CohortActivityParityTests
{
    private static readonly RefreshSettings Settings = new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), ["billing_charge"]);

    /// <summary>
    /// Local (New York) days. Batch 1: a1 browses Jan 20 and Feb 15; u2 (profile sign-up Jan 31
    /// 23:30, Feb 1 in UTC) views Jan 25, before signing up, edits Feb 3 and is billed Feb 20; u3
    /// (profile Feb 10) views Feb 12; a4 views Feb 27; u4's first own event is Feb 28 22:00 (Mar 1
    /// in UTC); the visitor a9 views Feb 16; u5 has a profile (Mar 10) and no events.
    /// </summary>
    private static void FirstBatch(string path) => Append(path,
    [
        Event("e1", null, "view_page", "2025-01-20T15:00:00Z", anonymous: "a1"),
        Event("e2", "u2", "view_page", "2025-01-25T15:00:00Z"),
        Event("e3", "u2", "edit_page", "2025-02-03T15:00:00Z"),
        Event("e4", "u3", "view_page", "2025-02-12T15:00:00Z"),
        Event("e5", null, "view_page", "2025-02-15T15:00:00Z", anonymous: "a1"),
        Event("e6", null, "view_page", "2025-02-16T15:00:00Z", anonymous: "a9"),
        Event("e7", "u4", "signup", "2025-03-01T03:00:00Z"),
        Event("e8", "u2", "billing_charge", "2025-02-20T15:00:00Z"),
        Event("e9", null, "view_page", "2025-02-27T15:00:00Z", anonymous: "a4"),
    ], [Profile("u2", "2025-02-01T04:30:00Z"), Profile("u3", "2025-02-10T12:00:00Z"), Profile("u5", "2025-03-10T12:00:00Z")]);

    /// <summary>
    /// Batch 2: u1 signs up Jan 22 carrying a1 (a late event linking a1's Jan 20 and Feb 15 to
    /// u1), edits Jan 31 22:00 (Feb 1 in UTC) and Mar 5; u3 is billed Mar 1 and edits Mar 31 22:00
    /// (Apr 1 in UTC); u4 views Mar 2 and Apr 2 (the data end) and is identified with a4 on Mar 20
    /// (an identity event: a4's Feb 27 moves to u4, no activity on the 20th); u2 is billed Mar 20;
    /// u6's profile signs up May 10, after the data end.
    /// </summary>
    private static void SecondBatch(string path) => Append(path,
    [
        Event("f1", "u1", "signup", "2025-01-22T15:00:00Z", anonymous: "a1"),
        Event("f2", "u1", "edit_page", "2025-02-01T03:00:00Z"),
        Event("f3", "u1", "edit_page", "2025-03-05T15:00:00Z"),
        Event("f4", "u3", "billing_charge", "2025-03-01T15:00:00Z"),
        Event("f5", "u3", "edit_page", "2025-04-01T02:00:00Z"),
        Event("f6", "u4", "view_page", "2025-03-02T15:00:00Z"),
        Event("f7", "u4", "$identify", "2025-03-20T15:00:00Z", anonymous: "a4"),
        Event("f8", "u2", "billing_charge", "2025-03-20T15:00:00Z"),
        Event("f9", "u4", "view_page", "2025-04-02T15:00:00Z"),
        Event("f10", null, "view_page", "2025-04-01T15:00:00Z", anonymous: "a9"),
    ], [Profile("u6", "2025-05-10T12:00:00Z")]);

    private sealed record Row(string Cohort, string Month, long CohortSize, long ActiveUsers, long ActiveUserDays, bool CohortComplete, bool Complete);

    private static List<Row> Refreshed(string path)
    {
        var lines = Text(path, RefreshCsv.CohortActivity).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cohort_month,activity_month,cohort_size,active_users,active_user_days,cohort_complete,complete", lines[0]);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(f => new Row(f[0], f[1],
            long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture),
            bool.Parse(f[5]), bool.Parse(f[6])))];
    }

    private static List<Row> Marts(string path)
    {
        using var store = SqliteStore.OpenReadOnly(path);
        var engine = new InMemoryEngine(EventTableBuilder.Build(store, Settings.Zone));
        var query = new CohortEngagementQuery(ExcludeEvents: ValueList.From(Settings.ExcludeEvents));
        var measures = engine.Measure(query);
        var result = CohortEngagementShaper.Shape(query, measures);
        var cohorts = measures.Cohorts.ToDictionary(c => CohortEngagementShaper.MonthLabel(c.Month));
        return [.. result.Months.Select(r => new Row(r.Cohort, r.Month, r.CohortSize, r.ActiveUsers,
            cohorts[r.Cohort].ActiveUserDays[r.MonthsSinceSignup], result.Months.Single(m => m.Cohort == r.Cohort && m.MonthsSinceSignup == 0).Complete, r.Complete))];
    }

    private static (RefreshMode Mode, List<Row> Refreshed, List<Row> Marts) Both(string path)
    {
        var mode = RunRefresh(path, Settings).Mode;
        var refreshed = Refreshed(path);
        var marts = Marts(path);
        var lastMonth = marts.Max(r => r.Month);
        // Cohorts that signed up after the data end's month are the refresh's alone.
        Assert.Equal(refreshed.Where(r => string.CompareOrdinal(r.Cohort, lastMonth) <= 0).Select(r => (r.Cohort, r.Month)), marts.Select(r => (r.Cohort, r.Month)));
        var byCell = refreshed.ToDictionary(r => (r.Cohort, r.Month));
        foreach (var mart in marts)
        {
            var refresh = byCell[(mart.Cohort, mart.Month)];
            Assert.Equal((mart.Cohort, mart.Month, mart.CohortSize, mart.CohortComplete, mart.Complete),
                (refresh.Cohort, refresh.Month, refresh.CohortSize, refresh.CohortComplete, refresh.Complete));
            if (mart.Month != mart.Cohort)
            {
                Assert.Equal((mart.Cohort, mart.Month, mart.ActiveUsers, mart.ActiveUserDays), (refresh.Cohort, refresh.Month, refresh.ActiveUsers, refresh.ActiveUserDays));
            }
            else
            {
                // The refresh also counts the sign-up month's days before the sign-up instant.
                Assert.True(refresh.ActiveUsers >= mart.ActiveUsers && refresh.ActiveUserDays >= mart.ActiveUserDays, $"{mart.Cohort}: {refresh} vs {mart}");
            }
        }
        return (mode, refreshed, marts);
    }

    [Fact]
    public void Cohort_activity_of_the_refresh_equals_the_marts_cohort_engagement_on_every_shared_figure()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");

        FirstBatch(path);
        var (_, _, first) = Both(path);
        SecondBatch(path);
        var (mode, refreshed, marts) = Both(path);

        Assert.Equal(RefreshMode.Incremental, mode);

        // Worked out by hand in New York time: January {u1, u2}, February {u3, u4}, March {u5}; data end Apr 2.
        Assert.Equal(["2025-01", "2025-02", "2025-03"], marts.Select(r => r.Cohort).Distinct());
        Assert.Equal([2L, 2L, 1L], marts.GroupBy(r => r.Cohort).Select(g => g.First().CohortSize));
        // January cohort in February: u1 (a1's view on the 15th) and u2 (the 3rd).
        Assert.Equal((2L, 2L), Cell(marts, "2025-01", "2025-02"));
        // February cohort: u3 on the 12th, u4 on the 27th (a4's view) and 28th; in March u3 on the 31st and u4 on the 2nd.
        Assert.Equal((2L, 3L), Cell(marts, "2025-02", "2025-02"));
        Assert.Equal((2L, 2L), Cell(marts, "2025-02", "2025-03"));
        Assert.Equal((1L, 1L), Cell(marts, "2025-02", "2025-04"));
        // January in January: u1 on the 20th, 22nd and 31st; the refresh adds u2's view on the 25th, before u2 signed up.
        Assert.Equal((1L, 3L), Cell(marts, "2025-01", "2025-01"));
        Assert.Equal((2L, 4L), Cell(refreshed, "2025-01", "2025-01"));
        Assert.Equal([true, true, true, false], marts.Where(r => r.Cohort == "2025-01").Select(r => r.Complete));
        Assert.Contains(refreshed, r => r.Cohort == "2025-05" && r.CohortSize == 1);
        // Before the second batch u4's first event was its own (Feb 28), and a1 was a visitor.
        Assert.Equal((2L, 2L), Cell(first, "2025-02", "2025-02"));
    }

    private static (long Users, long Days) Cell(List<Row> rows, string cohort, string month)
    {
        var row = rows.Single(r => r.Cohort == cohort && r.Month == month);
        return (row.ActiveUsers, row.ActiveUserDays);
    }
}
