using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>The North Star: weekly active collaborative workspaces, headline and weekly trend.</summary>
internal static class NorthStarDashboard
{
    public const string Slug = "north_star";

    public static Dashboard Build(ReportInputs inputs)
    {
        var star = inputs.Metrics.NorthStar;
        var weeks = star.Weeks;
        var tiles = new List<Tile>();
        var charts = new List<Chart>();
        if (star.Headline is { } headline)
        {
            tiles.Add(new Tile("North Star, " + headline.Period, Text.Count(headline.Users), "last complete week, in the sample"));
            if (star.Extrapolated is { } scaled)
                tiles.Add(new Tile("Extrapolated to business scale", "≈ " + Text.Count(scaled.Value), scaled.Label));
            var complete = weeks.Where(w => w.Complete).ToList();
            var at = complete.FindIndex(w => w.Period == headline.Period);
            if (at > 0)
            {
                var previous = complete[at - 1];
                tiles.Add(new Tile("Change on the week before", Text.Count(headline.Users - previous.Users),
                    $"{previous.Period}: {Text.Count(previous.Users)}"));
            }
            // The dial reaches a fifth above the best complete week so that the headline's place among past weeks shows.
            var best = complete.Count == 0 ? headline.Users : complete.Max(w => w.Users);
            charts.Add(new GaugeChart("north_star_gauge", "This week against the best week", new ChartPoint(headline.Users,
                $"{headline.Period}: {Text.Count(headline.Users)} workspaces" + (star.Extrapolated is { } e ? $" (≈ {Text.Count(e.Value)} extrapolated)" : "")),
                Math.Max(1, Math.Ceiling(best * 1.2)), "workspaces", ValueFormat.Count)
            { Note = $"Dial from 0 to 120% of the best complete week ({Text.Count(best)})." });
        }
        else
        {
            tiles.Add(new Tile("North Star", "—", "no complete week in the data"));
        }
        charts.Add(new LineChart("north_star_weekly", "Weekly active collaborative workspaces", weeks.Select(w => w.Period).ToList(),
            [new ChartSeries(star.Name, weeks.Select(w => new ChartPoint(w.Users,
                $"{w.Period}: {Text.Count(w.Users)} workspaces" + (w.Complete ? "" : " (incomplete week)"), Incomplete: !w.Complete)).ToList())],
            ValueFormat.Count)
        { Note = "Calendar ISO weeks; an incomplete last week is drawn faded and never used as the headline." });
        return new Dashboard(Slug, "North Star", $"{star.Name}: workspaces with at least {star.MinMembers} members who collaborated ({string.Join(", ", star.CollaborationEvents)}) in the week.",
            tiles, charts, ["Counts are distinct workspaces in the stored sample; the extrapolated figure scales by business.mau / sample MAU."]);
    }
}
