using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Feature adoption overall and by segment.</summary>
internal static class AdoptionDashboard
{
    public const string Slug = "feature_adoption";

    /// <summary>
    /// Bars per chart: a store whose every event has its own name would otherwise draw one bar
    /// per event (100,000 bars, a 45 MB chart); the CSV files keep every feature.
    /// </summary>
    internal const int MaxFeatures = 30;

    public static Dashboard Build(ReportInputs inputs)
    {
        var features = inputs.Metrics.FeatureAdoption.OrderByDescending(f => f.Rate).ToList();
        var tiles = new List<Tile>();
        if (features.Count > 0)
        {
            tiles.Add(new Tile("Most adopted", features[0].Feature, $"{Text.Percent(features[0].Rate)} {Text.PercentInterval(features[0].CiLow, features[0].CiHigh)}"));
            tiles.Add(new Tile("Least adopted", features[^1].Feature, $"{Text.Percent(features[^1].Rate)} {Text.PercentInterval(features[^1].CiLow, features[^1].CiHigh)}"));
        }
        var all = features.Count;
        features = features.Take(MaxFeatures).ToList();
        var note = all > MaxFeatures ? $" The {MaxFeatures} most adopted of {Text.Count(all)} features; feature_adoption.csv has every one." : "";
        var charts = new List<Chart>
        {
            new BarChart("adoption", "Share of signed-up users who used each feature", features.Select(f => f.Feature).ToList(),
                [new ChartSeries("adopted", features.Select(f => new ChartPoint(f.Rate,
                    $"{f.Feature}: {Text.Percent(f.Rate)} {Text.PercentInterval(f.CiLow, f.CiHigh)} ({Text.Count(f.Adopters)} of {Text.Count(f.SignedUp)})"
                    + (f.MedianDaysToFirstUse is { } days ? $"; median {Text.Number(Math.Round(days, 1))} days to first use" : ""), f.CiLow, f.CiHigh)).ToList(), Band: true)],
                ValueFormat.Percent, Horizontal: true) { Note = "Whiskers: 95% Wilson intervals." + note },
        };
        var groups = features.SelectMany(f => f.ByGroup.Select(g => g.Value)).Distinct().ToList();
        if (groups.Count > 0)
            charts.Add(new BarChart("adoption_by_segment", $"Adoption by {inputs.Metrics.BreakdownBy}", features.Select(f => f.Feature).ToList(),
                groups.Select(g => new ChartSeries(g, features.Select(f => f.ByGroup.FirstOrDefault(x => x.Value == g) is { } share
                    ? new ChartPoint(share.Rate, $"{f.Feature}, {g}: {Text.Percent(share.Rate)} {Text.PercentInterval(share.CiLow, share.CiHigh)} ({Text.Count(share.Users)} of {Text.Count(share.Of)})")
                    : new ChartPoint(null, $"{f.Feature}, {g}: no users")).ToList())).ToList(),
                ValueFormat.Percent, Horizontal: true)
            { Note = note.TrimStart() is { Length: > 0 } capped ? capped : null });
        return new Dashboard(Slug, "Feature adoption", "Which features users pick up, and how that differs by segment.", tiles, charts,
            ["A user adopts a feature by using it at least once; the denominator is every signed-up user.", "Segment differences are associations, not causes."]);
    }
}
