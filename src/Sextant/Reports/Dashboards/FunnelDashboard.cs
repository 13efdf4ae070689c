using Sextant.Analysis.Funnels;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>The 7-stage lifecycle funnel with drop-offs and segment comparison, and the product funnel.</summary>
internal static class FunnelDashboard
{
    public const string Slug = "funnel";

    public static Dashboard Build(ReportInputs inputs)
    {
        var lifecycle = inputs.Lifecycle;
        var tiles = new List<Tile>();
        if (lifecycle.BiggestDropStage is { } stage)
        {
            var step = lifecycle.Steps[stage];
            tiles.Add(new Tile("Biggest drop", $"{lifecycle.Steps[stage - 1].Name} → {step.Name}",
                $"{Text.Percent(1 - step.ConversionFromPrevious)} lost ({Text.Count(lifecycle.Steps[stage - 1].Users - step.Users)} users)"));
        }
        if (lifecycle.Steps.Count > 1)
        {
            var signup = lifecycle.Steps[Math.Min(LifecycleFunnelShaper.SignupStage, lifecycle.Steps.Count - 1)];
            var last = lifecycle.Steps[^1];
            tiles.Add(new Tile($"{last.Name}, from {lifecycle.Steps[0].Name}", Text.Percent(last.ConversionFromStart), Text.PercentInterval(last.CiLowFromStart, last.CiHighFromStart)));
            tiles.Add(new Tile("Users observed", Text.Count(signup.Users), $"whose first {lifecycle.ObservationDays} days had ended; {Text.Count(lifecycle.CensoredUsers)} newer users left out"));
        }
        var charts = new List<Chart>
        {
            new FunnelChart("lifecycle_funnel", "Lifecycle funnel", lifecycle.Steps.Select(s => s.Name).ToList(), lifecycle.Steps.Select(StepPoint).ToList()),
            new BarChart("lifecycle_dropoff", "Share lost at each stage", lifecycle.Steps.Skip(1).Select(s => s.Name).ToList(),
                [new ChartSeries("lost from the stage before", lifecycle.Steps.Skip(1).Select(s => new ChartPoint(1 - s.ConversionFromPrevious,
                    $"{s.Name}: {Text.Percent(1 - s.ConversionFromPrevious)} lost ({Text.Count(s.DropOff)} users); kept {Text.Percent(s.ConversionFromPrevious)} {Text.PercentInterval(s.CiLow, s.CiHigh)}",
                    1 - s.CiHigh, 1 - s.CiLow)).ToList(), Band: true)], ValueFormat.Percent),
        };
        if (lifecycle.Breakdown.Count > 0)
            charts.Add(SegmentComparison("lifecycle_by_segment", "Conversion from the first stage, by segment", lifecycle.Breakdown));
        var funnel = inputs.Funnel;
        charts.Add(new FunnelChart("product_funnel", $"Product funnel ({Window(funnel.WindowSeconds)} window)", funnel.Steps.Select(s => s.Name).ToList(),
            funnel.Steps.Select(StepPoint).ToList()));
        if (funnel.Breakdown.Count > 0)
            charts.Add(Overall("product_funnel_by_segment", "Product funnel conversion by segment", funnel.Breakdown));
        if (inputs.ChannelFunnel.Breakdown.Count > 0)
            charts.Add(Overall("product_funnel_by_channel", "Product funnel conversion by acquisition channel", inputs.ChannelFunnel.Breakdown));
        charts.AddRange(MartPanels.CohortFunnel(inputs.Marts));
        return new Dashboard(Slug, "Funnels", "Where users drop between sign-up and paying, and which segments and channels convert best.", tiles, charts,
            [$"Lifecycle stages are judged on each user's first {lifecycle.ObservationDays} days; users younger than that are left out (censored), not counted as lost.",
             "Intervals are 95% Wilson intervals. Segment and channel differences are associations, not causes."]);
    }

    private static ChartPoint StepPoint(FunnelStepResult s, int index) => new(s.Users, index == 0
        ? $"{s.Name}: {Text.Count(s.Users)} users"
        : $"{s.Name}: {Text.Count(s.Users)} users; {Text.Percent(s.ConversionFromPrevious)} {Text.PercentInterval(s.CiLow, s.CiHigh)} of the stage before, {Text.Percent(s.ConversionFromStart)} of the first; {Text.Count(s.DropOff)} dropped");

    private static BarChart SegmentComparison(string id, string title, IReadOnlyList<FunnelBreakdown> breakdown) =>
        new(id, title, breakdown[0].Steps.Skip(1).Select(s => s.Name).ToList(),
            breakdown.Select(b => new ChartSeries(b.Value, b.Steps.Skip(1).Select(s => new ChartPoint(s.ConversionFromStart,
                $"{b.Value}, {s.Name}: {Text.Percent(s.ConversionFromStart)} {Text.PercentInterval(s.CiLowFromStart, s.CiHighFromStart)} ({Text.Count(s.Users)} users)")).ToList())).ToList(),
            ValueFormat.Percent);

    private static BarChart Overall(string id, string title, IReadOnlyList<FunnelBreakdown> breakdown) =>
        new(id, title, breakdown.Select(b => b.Value).ToList(),
            [new ChartSeries("converted, first to last step", breakdown.Select(b => new ChartPoint(b.OverallConversion,
                $"{b.Value}: {Text.Percent(b.OverallConversion)} {Text.PercentInterval(b.Steps[^1].CiLowFromStart, b.Steps[^1].CiHighFromStart)} of {Text.Count(b.Steps[0].Users)}"
                + (b.RatioToRest is { } ratio ? $"; {Text.Number(Math.Round(ratio, 2))}× the rest" : ""),
                b.Steps[^1].CiLowFromStart, b.Steps[^1].CiHighFromStart)).ToList(), Band: true)],
            ValueFormat.Percent, Horizontal: true);

    private static string Window(double seconds) => seconds % 86_400 == 0 ? $"{seconds / 86_400:0}-day" : $"{seconds / 3_600:0.#}-hour";
}
