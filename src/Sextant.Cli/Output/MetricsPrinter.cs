using System.Globalization;
using Sextant.Analysis.Engagement;
using Spectre.Console;

namespace Sextant.Cli.Output;

/// <summary>Terminal view of <c>sextant metrics</c>: headline figures first, then the tables behind them.</summary>
internal static class MetricsPrinter
{
    public static void Print(IAnsiConsole console, EngagementResult metrics)
    {
        foreach (var warning in metrics.Warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        var last = metrics.Dau.Count - 1;
        if (last < 0)
        {
            console.MarkupLine("No events in the store (or in the chosen dates).");
            return;
        }
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("data end", metrics.DataEnd);
        if (metrics.Cohort is { } cohort) grid.AddRow("users counted", Markup.Escape($"cohort {cohort} only"));
        var star = metrics.NorthStar;
        grid.AddRow(Markup.Escape($"North Star: {star.Name}, week of {star.Headline?.Period ?? "-"}"),
            star.Headline is null ? "no complete week" : Markup.Escape(Terminal.Number(star.Headline.Users) +
                (star.Extrapolated is { } x ? $" in the data; ≈ {x.Value.ToString("N0", CultureInfo.InvariantCulture)} extrapolated to business.mau ({x.Factor.ToString("0.#", CultureInfo.InvariantCulture)}×)" : "")));
        grid.AddRow($"DAU / WAU / MAU on {metrics.Dau[last].Date}", $"{Terminal.Number(metrics.Dau[last].Users)} / {Terminal.Number(metrics.Wau[last].Users)} / {Terminal.Number(metrics.Mau[last].Users)}");
        grid.AddRow($"stickiness (mean DAU/MAU, last {metrics.Stickiness.Days} complete days)", Terminal.Percent(metrics.Stickiness.Headline));
        var activation = metrics.Activation;
        grid.AddRow(Markup.Escape($"activation ({string.Join(activation.Match == "all" ? " + " : " or ", activation.Events)} within {activation.WindowDays} days)"),
            Markup.Escape($"{Terminal.Percent(activation.Rate)} [{Terminal.Percent(activation.CiLow)}–{Terminal.Percent(activation.CiHigh)}] of {Terminal.Number(activation.Eligible)}"));
        grid.AddRow("median time to activate", activation.MedianHoursToActivate is { } hours ? $"{hours:0.0} h" : "-");
        grid.AddRow("fast activators (< 24 h)", $"{Terminal.Percent(activation.FastShare)} of activated");
        if (metrics.ActivationSpeed is { FastVsSlow: { } ratio, Groups: [var fast, var slow, var never] } speed)
        {
            grid.AddRow("month-1 retention, fast vs slow activators (association)",
                Markup.Escape($"{ratio.ToString("0.00", CultureInfo.InvariantCulture)}× [{speed.RatioLow?.ToString("0.00", CultureInfo.InvariantCulture)}–{speed.RatioHigh?.ToString("0.00", CultureInfo.InvariantCulture)}]: {Share(fast)} vs {Share(slow)}"));
            // Users who never activated are in no ratio: against them any activated group looks good.
            grid.AddRow("month-1 retention, never activated (apart)", Markup.Escape(Share(never)));
        }
        grid.AddRow("top 10% of active users' share of events", $"{Terminal.Percent(metrics.Concentration.TopTenPercentShare)} (Gini {metrics.Concentration.Gini:0.00})");
        var daily = metrics.PowerUsers.L30.Where(bin => bin.Days >= 15).Sum(bin => bin.Share);
        grid.AddRow($"L30 to {metrics.PowerUsers.EndDate}: active on 15+ of 30 days", Terminal.Percent(daily));
        console.Write(grid);

        var features = new Table().Border(TableBorder.Rounded).Title("feature adoption (ever, among signed-up users)")
            .AddColumns("feature", "adopters", "rate (95% CI)", "median days to first use", "last complete month");
        foreach (var feature in metrics.FeatureAdoption.OrderByDescending(f => f.Rate).Take(12))
        {
            var month = feature.Monthly.LastOrDefault(m => m.Complete);
            features.AddRow(Markup.Escape(feature.Feature), Terminal.Number(feature.Adopters),
                Markup.Escape($"{Terminal.Percent(feature.Rate)} [{Terminal.Percent(feature.CiLow)}–{Terminal.Percent(feature.CiHigh)}]"),
                feature.MedianDaysToFirstUse is { } days ? days.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                month is null ? "-" : $"{Terminal.Percent(month.Rate)} of {month.Period} actives");
        }
        console.Write(features);

        var lifecycle = new Table().Border(TableBorder.Rounded).Title($"lifecycle per {metrics.Lifecycle.Period.ToString().ToLowerInvariant()}")
            .AddColumns("period", "new", "returning", "resurrecting", "dormant", "");
        foreach (var row in metrics.Lifecycle.Periods.TakeLast(8))
            lifecycle.AddRow(row.Period, Terminal.Number(row.New), Terminal.Number(row.Returning), Terminal.Number(row.Resurrecting), Terminal.Number(row.Dormant), row.Complete ? "" : "partial");
        console.Write(lifecycle);

        if (metrics.Breakdown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"by {metrics.BreakdownBy}"))
                .AddColumns("value", "users", "DAU", "WAU", "MAU", "stickiness", "activation (95% CI)");
            foreach (var row in metrics.Breakdown)
                table.AddRow(Markup.Escape(row.Value), Terminal.Number(row.Users), Terminal.Number(row.Dau), Terminal.Number(row.Wau), Terminal.Number(row.Mau),
                    Terminal.Percent(row.Stickiness), Markup.Escape($"{Terminal.Percent(row.Activation.Rate)} [{Terminal.Percent(row.Activation.CiLow)}–{Terminal.Percent(row.Activation.CiHigh)}]"));
            console.Write(table);
        }
    }

    /// <summary><c>metrics --north-star</c>: the North Star's headline and its last weeks.</summary>
    public static void PrintNorthStar(IAnsiConsole console, EngagementResult metrics)
    {
        foreach (var warning in metrics.Warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        var star = metrics.NorthStar;
        console.MarkupLine(Markup.Escape(star.Headline is null
            ? $"North Star: {star.Name}: no complete week"
            : $"North Star: {star.Name}, week of {star.Headline.Period}: {Terminal.Number(star.Headline.Users)}"
                + (star.Extrapolated is { } x ? $" in the data; ≈ {x.Value.ToString("N0", CultureInfo.InvariantCulture)} extrapolated to business.mau" : "")));
        var weeks = new Table().Border(TableBorder.Rounded).Title("North Star per week (Monday)").AddColumns("week", "workspaces", "");
        weeks.Columns[1].RightAligned();
        foreach (var week in star.Weeks.TakeLast(12)) weeks.AddRow(week.Period, Terminal.Number(week.Users), week.Complete ? "" : "partial");
        console.Write(weeks);
    }

    private static string Share(GroupShare group) => $"{group.Value} {Terminal.Percent(group.Rate)} of {Terminal.Number(group.Of)}";
}
