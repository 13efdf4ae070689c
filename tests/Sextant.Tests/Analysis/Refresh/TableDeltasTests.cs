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
        Assert.Equal([(19_000, 1L), (20_000, 2L), (21_000, 5L)], tables.Days.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Events)));
        Assert.Equal(1.50m, tables.Days[20_000].Revenue);
        Assert.Equal([(19_000, "", 1L), (20_000, "web", 2L), (21_000, "import", 5L)],
            tables.SourceEvents.OrderBy(p => p.Key.Day).Select(p => (p.Key.Day, p.Key.Source, p.Value)));
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

        Assert.Equal(Rows(direct.Days), Rows(applied.Days));
        Assert.Equal(direct.SourceEvents.Where(p => p.Value != 0).OrderBy(p => p.Key).ToList(), applied.SourceEvents.OrderBy(p => p.Key).ToList());
        Assert.Equal(direct.CohortSizes.OrderBy(p => p.Key).ToList(), applied.CohortSizes.OrderBy(p => p.Key).ToList());
        Assert.Equal(direct.Cells.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.ActiveUsers, p.Value.ActiveUserDays)),
            applied.Cells.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.ActiveUsers, p.Value.ActiveUserDays)));
        Assert.Equal(direct.TouchedDays.Order(), applied.TouchedDays.Order());
        Assert.Equal(direct.TouchedCohorts.Order(), applied.TouchedCohorts.Order());
        Assert.Equal(direct.TouchedCells.Order(), applied.TouchedCells.Order());
    }

    private static List<(int Day, long Events, long ActiveUsers, long Signups, decimal Revenue)> Rows(Dictionary<int, DayFigures> days) =>
        [.. days.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Events, p.Value.ActiveUsers, p.Value.Signups, p.Value.Revenue))];
}
