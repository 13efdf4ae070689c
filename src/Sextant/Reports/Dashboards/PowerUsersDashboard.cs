using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>The power-user curves (L7, L30), activity concentration and the user lifecycle.</summary>
internal static class PowerUsersDashboard
{
    public const string Slug = "power_users";

    public static Dashboard Build(ReportInputs inputs)
    {
        var m = inputs.Metrics;
        var c = m.Concentration;
        var tiles = new List<Tile>
        {
            new("Activity from the top 10% of users", Text.Percent(c.TopTenPercentShare), $"{Text.Count(c.TopUsers)} of {Text.Count(c.ActiveUsers)} active users"),
            new("Gini of activity", Text.Number(Math.Round(c.Gini, 3)), "0 = everyone equally active, 1 = one user does everything"),
        };
        BarChart Curve(string id, string title, IReadOnlyList<Analysis.Engagement.ActiveDaysBin> bins) =>
            new(id, title, bins.Select(b => b.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                [new ChartSeries("users", bins.Select(b => new ChartPoint(b.Share, $"active on {b.Days} day{(b.Days == 1 ? "" : "s")}: {Text.Count(b.Users)} users ({Text.Percent(b.Share)})")).ToList())],
                ValueFormat.Percent);
        var periods = m.Lifecycle.Periods;
        var unit = m.Lifecycle.Period.ToString().ToLowerInvariant();
        // Dormant counts arrive negative (users lost), so they stack below zero as they are.
        ChartSeries Stage(string name, Func<Analysis.Engagement.LifecyclePeriod, long> count) =>
            new(name, periods.Select(p => new ChartPoint(count(p), $"{p.Period}, {name}: {Text.Count(Math.Abs(count(p)))} users" + (p.Complete ? "" : $" (incomplete {unit})"), Incomplete: !p.Complete)).ToList());
        var charts = new List<Chart>
        {
            Curve("power_l30", $"Power-user curve: days active in the 30 days to {m.PowerUsers.EndDate}", m.PowerUsers.L30),
            Curve("power_l7", "Days active in the last 7 days", m.PowerUsers.L7),
            new BarChart("lifecycle", $"User lifecycle per {unit}", periods.Select(p => p.Period).ToList(),
                [Stage("new", p => p.New), Stage("returning", p => p.Returning), Stage("resurrecting", p => p.Resurrecting), Stage("dormant", p => p.Dormant)],
                ValueFormat.Count, Stacked: true) { Note = $"Dormant users (active the {unit} before, not this one) are drawn below zero. Incomplete {unit}s are faded." },
        };
        return new Dashboard(Slug, "Power users and lifecycle", "How often active users come back, how concentrated activity is, and how the active base turns over.", tiles, charts,
            ["Shares are of users active at least once in the window."]);
    }
}
