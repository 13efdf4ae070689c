using Sextant.Analysis.Refresh;
using Sextant.Events;

namespace Sextant.Tests.Analysis.Refresh;

/// <summary>
/// Changes gathered as deltas (split over two sets and merged, as the cores do) and then applied
/// leave the tables exactly as the same changes made to the tables directly, touched marks included.
/// </summary>
public sealed class TableDeltasTests
{
    private static readonly string[] Sources = ["web", "app", "import"];

    [Fact]
    public void A_day_before_and_after_the_range_so_far_grows_it_both_ways()
    {
        var deltas = new TableDeltas(Sources.Length);
        deltas.AddEvents(20_000, 1, 2);
        deltas.AddEvents(19_000, 0, 1);
        deltas.AddEvents(21_000, 3, 5);
        deltas.AddRevenue(20_000, 1.50m);
        var tables = new RefreshTables();
        deltas.ApplyTo(tables, Sources);
        Assert.Equal([(19_000, 1L), (20_000, 2L), (21_000, 5L)], Rows(tables).Where(r => r.Events != 0).Select(r => (r.Day, r.Events)));
        Assert.Equal(1.50m, tables.DayAt(20_000).Revenue);
        Assert.Equal([(19_000, "", 1L), (20_000, "web", 2L), (21_000, "import", 5L)], SourceRows(tables));
        Assert.Equal([19_000, 20_000, 21_000], Enumerable.Range(18_000, 4_000).Where(tables.IsTouchedDay));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Deltas_split_merged_and_applied_equal_the_changes_made_directly(int seed)
    {
        var random = new Random(seed);
        var direct = new RefreshTables();
        var first = new TableDeltas(Sources.Length);
        var second = new TableDeltas(Sources.Length);
        for (var change = 0; change < 3_000; change++)
        {
            var deltas = random.Next(2) == 0 ? first : second;
            // Days spread over about three years around a start, so the ranges grow on both sides.
            var day = 20_000 + random.Next(-600, 600);
            var month = ProjectCalendar.MonthOfDay(day);
            var sign = random.Next(3) == 0 ? -1 : +1;
            var mask = random.Next(4) == 0 ? 0u : (uint)random.Next(1, int.MaxValue) & ((1u << (ProjectCalendar.FirstDayOfMonth(month + 1) - ProjectCalendar.FirstDayOfMonth(month))) - 1);
            switch (random.Next(5))
            {
                case 0:
                    var source = random.Next(Sources.Length + 1);
                    var count = random.Next(1, 9);
                    deltas.AddEvents(day, source, count);
                    direct.AddEvents(day, source == 0 ? "" : Sources[source - 1], count);
                    break;
                case 1:
                    var amount = random.Next(1, 10_000) / 100m;
                    deltas.AddRevenue(day, amount);
                    direct.Day(day).Revenue += amount;
                    break;
                case 2:
                    deltas.AddSignup(day, sign);
                    direct.AddSignup(day, sign);
                    break;
                case 3:
                    deltas.AddActiveDays(month, mask, sign);
                    direct.AddActiveDays(month, mask, sign);
                    break;
                default:
                    var cohort = month - random.Next(0, 8);
                    deltas.AddCell(cohort, month, mask, sign);
                    direct.AddCell(cohort, month, mask, sign);
                    break;
            }
        }
        var merged = new TableDeltas(Sources.Length);
        second.MergeInto(merged);
        first.MergeInto(merged);
        var applied = new RefreshTables();
        merged.ApplyTo(applied, Sources);

        Assert.Equal(Rows(direct), Rows(applied));
        Assert.Equal(SourceRows(direct), SourceRows(applied));
        Assert.Equal(Months(direct, t => t.CohortSize), Months(applied, t => t.CohortSize));
        Assert.Equal(Cells(direct), Cells(applied));
        var days = Enumerable.Range(19_000, 2_000).ToArray();
        Assert.Equal(days.Where(direct.IsTouchedDay), days.Where(applied.IsTouchedDay));
        var months = Enumerable.Range(600, 100).ToArray();
        Assert.Equal(months.Where(direct.IsTouchedCohort), months.Where(applied.IsTouchedCohort));
        Assert.Equal(months.SelectMany(c => months.Select(m => (c, m))).Where(p => direct.IsTouchedCell(p.c, p.m)),
            months.SelectMany(c => months.Select(m => (c, m))).Where(p => applied.IsTouchedCell(p.c, p.m)));
    }

    private static List<(int Day, long Events, long ActiveUsers, long Signups, decimal Revenue)> Rows(RefreshTables tables) =>
        [.. Enumerable.Range(tables.FirstDay, tables.EndDay - tables.FirstDay).Select(day => (day, tables.DayAt(day)))
            .Where(p => p.Item2.Events != 0 || p.Item2.ActiveUsers != 0 || p.Item2.Signups != 0 || p.Item2.Revenue != 0)
            .Select(p => (p.day, p.Item2.Events, p.Item2.ActiveUsers, p.Item2.Signups, p.Item2.Revenue))];

    private static List<(int Day, string Source, long Events)> SourceRows(RefreshTables tables) =>
        [.. Enumerable.Range(tables.FirstDay, tables.EndDay - tables.FirstDay)
            .SelectMany(day => tables.Sources.Select((name, number) => (day, name, tables.SourceEventsAt(number, day))))
            .Where(r => r.Item3 != 0).OrderBy(r => r.day).ThenBy(r => r.name, StringComparer.Ordinal)];

    private static List<(int Month, long Value)> Months(RefreshTables tables, Func<RefreshTables, Func<int, long>> value) =>
        [.. Enumerable.Range(tables.FirstMonth, tables.EndMonth - tables.FirstMonth).Select(m => (m, value(tables)(m))).Where(p => p.Item2 != 0)];

    private static List<(int Cohort, int Month, long ActiveUsers, long ActiveUserDays)> Cells(RefreshTables tables) =>
        [.. Enumerable.Range(tables.FirstMonth, tables.EndMonth - tables.FirstMonth)
            .SelectMany(c => Enumerable.Range(tables.FirstMonth, tables.EndMonth - tables.FirstMonth).Select(m => (c, m, tables.Cell(c, m))))
            .Where(p => p.Item3.ActiveUsers != 0 || p.Item3.ActiveUserDays != 0)
            .Select(p => (p.c, p.m, p.Item3.ActiveUsers, p.Item3.ActiveUserDays))];
}
