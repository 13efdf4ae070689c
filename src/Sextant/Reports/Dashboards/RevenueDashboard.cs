using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Revenue per month, ARPU and ARPPU, and lifetime value by cohort.</summary>
internal static class RevenueDashboard
{
    public const string Slug = "revenue";

    public static Dashboard Build(ReportInputs inputs)
    {
        var r = inputs.Revenue;
        var currency = r.Currency ?? "";
        var tiles = new List<Tile>();
        if (r.Months.LastOrDefault(m => m.Complete) is { } last)
        {
            tiles.Add(new Tile($"Revenue, {last.Month}", Text.Money(last.Revenue), $"{currency} last complete month, in the sample".Trim()));
            tiles.Add(new Tile("ARPU / ARPPU", $"{Text.Cents(last.Arpu)} / {Text.Cents(last.Arppu)}", $"{Text.Count(last.PayingUsers)} paying of {Text.Count(last.ActiveUsers)} active"));
        }
        else tiles.Add(new Tile("Revenue", "—", "no complete month with revenue"));
        var months = r.Months.Select(m => m.Month).ToList();
        var charts = new List<Chart>
        {
            new BarChart("revenue_monthly", "Revenue per month", months,
                [new ChartSeries("revenue", r.Months.Select(m => new ChartPoint(m.Revenue, $"{m.Month}: {Text.Money(m.Revenue)}, {Text.Count(m.PayingUsers)} paying users" + (m.Complete ? "" : " (incomplete month)"), Incomplete: !m.Complete)).ToList())],
                ValueFormat.Money) { Note = "The incomplete last month is faded, not compared with full months." },
            new LineChart("arpu", "Average revenue per active user and per paying user", months,
                [new ChartSeries("ARPU", r.Months.Select(m => new ChartPoint(m.Arpu, $"{m.Month}: ARPU {Text.Cents(m.Arpu)}" + (m.Complete ? "" : " (incomplete)"), Incomplete: !m.Complete)).ToList()),
                 new ChartSeries("ARPPU", r.Months.Select(m => new ChartPoint(m.Arppu, $"{m.Month}: ARPPU {Text.Cents(m.Arppu)}" + (m.Complete ? "" : " (incomplete)"), Incomplete: !m.Complete)).ToList())],
                ValueFormat.Money),
        };
        var cohorts = r.Cohorts.Where(c => c.Periods.Count > 0).ToList();
        if (cohorts.Count > 0)
            charts.Add(new BarChart("ltv_by_cohort", "Lifetime value per user by sign-up cohort", cohorts.Select(c => c.Cohort).ToList(),
                [new ChartSeries("observed to date", cohorts.Select(c => new ChartPoint(c.Periods.LastOrDefault(p => p.Complete)?.Ltv,
                    $"{c.Cohort} ({Text.Count(c.Size)} users): {Text.Cents(c.Periods.LastOrDefault(p => p.Complete)?.Ltv ?? 0)} observed over {c.Periods.Count(p => p.Complete)} complete months")).ToList()),
                 new ChartSeries("projected 24 months (extrapolated)", cohorts.Select(c => new ChartPoint(c.ProjectedLtv24,
                    c.ProjectedLtv24 is { } ltv ? $"{c.Cohort}: {Text.Cents(ltv)} projected over 24 months (extrapolated, sBG)" : $"{c.Cohort}: no projection")).ToList())],
                ValueFormat.Money)
            { Note = r.Model is { } model ? $"Projection extrapolated with a shifted-beta-geometric fit (alpha {Text.Number(Math.Round(model.Alpha, 2))}, beta {Text.Number(Math.Round(model.Beta, 2))}, RMSE {Text.Number(Math.Round(model.RootMeanSquareError, 3))})." : "No retention model could be fitted, so nothing is projected." });
        return new Dashboard(Slug, "Revenue", "What the product earns each month, per user, and over a cohort's lifetime.", tiles, charts,
            [$"Revenue from subscriptions, recognised per month; data end {Text.Instant(r.DataEnd)}."]);
    }
}
