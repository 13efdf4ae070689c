using Sextant.Analysis;
using Sextant.Analysis.Funnels;

namespace Sextant.Application;

/// <summary>
/// What the dashboards look at when a live page's controls narrow them (docs/SERVER.md, Live
/// dashboards): the default, <see cref="All"/>, is what <c>sextant report</c> shows.
/// </summary>
/// <param name="Range">The range every analysis looks at (each analysis's own rule of what must fall in it).</param>
/// <param name="Cohort">Only this cohort's members are counted, or everyone when null.</param>
/// <param name="Breakdowns">What segment comparisons group by; empty means the profile attribute <c>segment</c>.</param>
/// <param name="BreakdownLimit">Groups kept before the rest are merged into Other.</param>
/// <param name="Funnel">The product funnel's steps, window and order; null means the one of sextant.yaml (or the default funnel).</param>
/// <param name="RetentionPeriod">The retention cohorts' period; null means months.</param>
public sealed record DashboardScope(
    TimeRange Range = default,
    Cohort? Cohort = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10,
    FunnelQuery? Funnel = null,
    CalendarPeriod? RetentionPeriod = null)
{
    /// <summary>Every user, all time, by segment: the report's own view.</summary>
    public static DashboardScope All { get; } = new();
}
