using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>User paths as a Sankey diagram, the top paths, drop-off and paths before conversion.</summary>
internal static class PathsDashboard
{
    public const string Slug = "paths";

    /// <summary>Flows drawn in the Sankey diagram, the largest first; more would be unreadable.</summary>
    private const int SankeyFlows = 45;

    public static Dashboard Build(ReportInputs inputs)
    {
        var p = inputs.Paths;
        var tiles = new List<Tile>
        {
            new("Sessions with a path", Text.Count(p.SequencesWithPath), $"of {Text.Count(p.Sequences)} sessions, {Text.Count(p.Users)} users"),
            new("Distinct paths", Text.Count(p.UniquePaths)),
        };
        if (p.Conversion is { } conversion)
            tiles.Add(new Tile($"Sessions followed by {conversion.Event}", Text.Percent(conversion.Rate), $"{Text.Count(conversion.Converted)} of {Text.Count(conversion.Sequences)}"));
        var flows = p.Edges.OrderByDescending(e => e.Count).ThenBy(e => e.Step).Take(SankeyFlows).ToList();
        string Key(int step, string name) => $"{step}. {name}";
        var reaching = p.Dropoff.ToDictionary(d => Key(d.Step, d.Event), d => d.Reaching);
        var nodes = flows.SelectMany(e => new[] { (e.Step, e.From), (Step: e.Step + 1, From: e.To) }).Distinct()
            .OrderBy(n => n.Step).ThenBy(n => n.From, StringComparer.Ordinal)
            .Select(n => new SankeyNode(Key(n.Step, n.From), n.From, n.Step - 1,
                $"step {n.Step}, {n.From}: {Text.Count(reaching.GetValueOrDefault(Key(n.Step, n.From)))} sessions reach it")).ToList();
        var links = flows.Select(e => new SankeyLink(Key(e.Step, e.From), Key(e.Step + 1, e.To), e.Count,
            $"step {e.Step} → {e.Step + 1}: {e.From} → {e.To}, {Text.Count(e.Count)} sessions" +
            (reaching.TryGetValue(Key(e.Step, e.From), out var from) && from > 0 ? $" ({Text.Percent((double)e.Count / from)} of those at {e.From})" : ""))).ToList();
        var charts = new List<Chart>
        {
            new SankeyChart("paths_sankey", "How sessions move from step to step", nodes, links)
            { Note = $"The {flows.Count} largest of {Text.Count(p.Edges.Count)} flows; counts are sessions." },
        };
        var top = p.Paths.Take(12).ToList();
        charts.Add(new BarChart("top_paths", "Most common paths", top.Select(t => string.Join(" → ", t.Steps)).ToList(),
            [new ChartSeries("share of sessions", top.Select(t => new ChartPoint(t.Share, $"{string.Join(" → ", t.Steps)}: {Text.Count(t.Count)} sessions ({Text.Percent(t.Share)}), {Text.Count(t.Users)} users")).ToList())],
            ValueFormat.Percent, Horizontal: true));
        // At the last step every path ends because of the cap, so those nodes say nothing about leaving.
        var lastStep = p.Dropoff.Count == 0 ? 0 : p.Dropoff.Max(d => d.Step);
        var exits = p.Dropoff.Where(d => d.Reaching > 0 && d.Step < lastStep).OrderByDescending(d => d.Ends).Take(12).ToList();
        if (exits.Count > 0)
            charts.Add(new BarChart("path_dropoff", "Where paths end", exits.Select(d => $"{d.Step}. {d.Event}").ToList(),
                [new ChartSeries("sessions ending here", exits.Select(d => new ChartPoint(d.Share, $"step {d.Step}, {d.Event}: {Text.Count(d.Ends)} of {Text.Count(d.Reaching)} sessions end here ({Text.Percent(d.Share)})")).ToList())],
                ValueFormat.Percent, Horizontal: true)
            { Note = "Share of sessions reaching the node that end there (paths capped at the last step are not counted as ends)." });
        if (p.Conversion is { Paths.Count: > 0 } summary)
        {
            var paths = summary.Paths.Take(10).ToList();
            charts.Add(new IntervalChart("path_conversion", $"{summary.Event} after each path", paths.Select(c => new IntervalRow(string.Join(" → ", c.Steps), c.CiLow, c.Rate, c.CiHigh,
                $"{string.Join(" → ", c.Steps)}: {Text.Percent(c.Rate)} {Text.PercentInterval(c.CiLow, c.CiHigh)} of {Text.Count(c.Sequences)} sessions; other sessions {Text.Percent(c.RestRate)}",
                c.CiLow > c.RestRate)).ToList(), ValueFormat.Percent, IntervalStyle.Forest, summary.Rate)
            { Note = $"Dashed line: all sessions ({Text.Percent(summary.Rate)}). Highlighted paths convert above the rest; an association, not a cause." });
        }
        return new Dashboard(Slug, "User paths", "What users do in a session, step by step, and which paths come before conversion.", tiles, charts,
            ["Sessions split on 30 minutes without events; repeated events are collapsed."]);
    }
}
