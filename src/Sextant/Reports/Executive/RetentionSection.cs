using Sextant.Analysis.Engagement;

namespace Sextant.Reports.Executive;

/// <summary>Retention Insights: month-1 retention, day-N retention, the cohort trend and activation speed.</summary>
internal static class RetentionSection
{
    public const string Heading = "Retention Insights";

    /// <summary>How many of the most recent complete cohorts are listed.</summary>
    private const int RecentCohorts = 3;

    public static ReportSection Build(Findings findings)
    {
        var retention = findings.Inputs.Retention;
        var items = new List<RichText> { KeyMetricsSection.MonthOne(findings) };
        var days = retention.DayN.Where(d => d.Eligible > 0).ToList();
        if (days.Count > 0)
            items.Add(RichText.Of($"Active on day N after sign-up: {RichText.Join("; ", days.Select(d => RichText.Of($"day {Fig.Count(d.Period)} {Fig.RateWithInterval(d.Rate, d.CiLow, d.CiHigh)}")))}."));
        items.Add(CohortTrend(findings));
        var recent = retention.Cohorts.Where(c => c.Periods.Count > 1 && c.Periods[1].Complete).TakeLast(RecentCohorts).ToList();
        if (recent.Count > 0)
            items.Add(RichText.Of($"Month-1 retention of the most recent complete cohorts: {RichText.Join("; ", recent.Select(c => RichText.Of($"{Fig.Name(c.Cohort)} {Fig.RateWithInterval(c.Periods[1].Rate, c.Periods[1].CiLow, c.Periods[1].CiHigh)} of {Fig.Count(c.Size)}")))}."));
        var speed = findings.Inputs.Metrics.ActivationSpeed;
        // Fast activators are compared with slow ones: against "everyone else" the users who never
        // activated (and barely return) would inflate the ratio, so they are reported apart.
        if (speed.Groups is [var fast, var slow, var never] && fast.Of > 0 && slow.Of > 0)
        {
            var times = slow.Rate > 0 ? RichText.Of($" ({Fig.Ratio(fast.Rate, slow.Rate, NumberStyle.Decimal)} times as high)") : Fig.Text("");
            var apart = never.Of > 0
                ? RichText.Of($"; reported apart, {Fig.Name(never.Value)}: {Share(never)}")
                : Fig.Text("");
            items.Add(RichText.Of($"By activation speed, {Fig.Name(speed.Outcome)} of {Fig.Name(fast.Value)} is {Share(fast)} against {Share(slow)} for {Fig.Name(slow.Value)}{times}{apart}; {Fig.Name(speed.Caveat)}, so this does not show that faster activation causes retention."));
        }
        return new ReportSection(Heading, [new BulletList(items)]);
    }

    /// <summary>Month-1 retention of the recent vs the early complete cohorts, or why there is no comparison.</summary>
    internal static RichText CohortTrend(Findings findings)
    {
        if (findings.Cohorts is not { } c)
            return findings.MonthOne is null
                ? Fig.Text("Cohort trend: there are no complete cohorts, so no trend can be read.")
                : Fig.Text("Cohort trend: too few complete cohorts to compare early with recent ones.");
        var cohorts = RichText.Of($"month-1 retention of the cohorts {Fig.Name(c.LateCohorts[0])} to {Fig.Name(c.LateCohorts[^1])} is {Fig.RateWithInterval(c.Late.Rate, c.Late.CiLow, c.Late.CiHigh)} against {Fig.RateWithInterval(c.Early.Rate, c.Early.CiLow, c.Early.CiHigh)} for {Fig.Name(c.EarlyCohorts[0])} to {Fig.Name(c.EarlyCohorts[^1])} ({Fig.Of(c.Difference, NumberStyle.Points)}, {Fig.Of(c.PValue, NumberStyle.PValue)})");
        return findings.CohortTrend switch
        {
            Trend.Improving => RichText.Of($"Cohort trend: improving; {cohorts}, and the intervals do not overlap.").As(Tone.Positive),
            Trend.Declining => RichText.Of($"Cohort trend: declining; {cohorts}, and the intervals do not overlap.").As(Tone.Negative),
            _ => RichText.Of($"Cohort trend: no clear trend; {cohorts}, and the intervals overlap."),
        };
    }

    private static RichText Share(GroupShare group) =>
        RichText.Of($"{Fig.RateWithInterval(group.Rate, group.CiLow, group.CiHigh)} of {Fig.Count(group.Of)}");
}
