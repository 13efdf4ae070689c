using Sextant.Analysis.Funnels;
using Sextant.Engine;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Marts;

/// <summary>
/// A funnel's conversion by sign-up cohort month, run on the funnel engine itself: each cohort's row is the funnel
/// restricted to the cohort <c>signed_up_from: month start, signed_up_to: next month start</c>
/// (combined with the query's own cohort), which is what <c>sextant funnel --cohort</c> with that cohort answers.
/// </summary>
public static class CohortFunnel
{
    /// <summary>
    /// One row per cohort of <paramref name="cohorts"/> (months and sizes, as <see cref="CohortEngagementMeasures"/> counts them).
    /// A row is complete when its sign-up month's end plus the window is at or before the data end.
    /// </summary>
    /// <param name="engine">The engine that runs each cohort's funnel.</param>
    /// <param name="calendar">The project calendar (month boundaries are local midnights).</param>
    /// <param name="funnel">The funnel, its range and cohort filter included: the range's start cuts the first cohort, its end is the data end.</param>
    /// <param name="cohorts">Sign-up months (first days) and sizes, oldest first.</param>
    /// <param name="dataEnd">The data end (UTC µs).</param>
    /// <exception cref="SextantException">The funnel names something the data do not have.</exception>
    public static CohortFunnelResult Run(IAnalysisEngine engine, ProjectCalendar calendar, FunnelQuery funnel, IReadOnlyList<(DateOnly Month, long Size)> cohorts, long dataEnd)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentNullException.ThrowIfNull(cohorts);
        var window = funnel.Window.Ticks / 10;
        var rows = new List<CohortFunnelRow>(cohorts.Count);
        foreach (var (month, size) in cohorts)
        {
            var result = engine.Run(funnel with { Cohort = SignupCohort(calendar, funnel, month) });
            var next = month.AddMonths(1);
            var complete = calendar.DayStart(next.DayNumber) + window <= dataEnd + 1;
            rows.Add(new CohortFunnelRow(CohortEngagementShaper.MonthLabel(month), size, complete, Steps(result.Steps.Select(s => (s.Name, s.Users)).ToList(), size, result)));
        }
        var completeRows = rows.Where(r => r.Complete).ToList();
        var pooledSize = completeRows.Sum(r => r.CohortSize);
        var names = funnel.Steps.Select((step, i) => rows.Count > 0 ? rows[0].Steps[i].Name : step.Name).ToList();
        var pooled = names.Select((name, i) => (name, completeRows.Sum(r => r.Steps[i].Users))).ToList();
        return new CohortFunnelResult(names, window / 1_000_000, rows, completeRows.Count, Steps(pooled, pooledSize, null));
    }

    /// <summary>
    /// The cohort a row's funnel counts: users who signed up in <paramref name="month"/> (from the range's first day when that
    /// is later, before its end's day when that is earlier), within the funnel's own cohort when it has one.
    /// </summary>
    public static Cohort SignupCohort(ProjectCalendar calendar, FunnelQuery funnel, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(funnel);
        var from = month;
        var to = month.AddMonths(1);
        if (funnel.Range.From is { } start && calendar.DateOf(start.UnixMicroseconds) is var first && first > from) from = first;
        if (funnel.Range.To is { } end && calendar.DateOf(end.UnixMicroseconds) is var last && last < to) to = last;
        var signedUp = new SignedUpBetween(from, to);
        var label = "signed up " + CohortEngagementShaper.MonthLabel(month);
        return funnel.Cohort is { } own
            ? new Cohort($"{own.Name}, {label}", new AllOf([own.Definition, signedUp]))
            : new Cohort(label, signedUp);
    }

    /// <summary>The steps of one row (from the funnel's own from-previous figures after step 1), or of the pooled average when <paramref name="funnel"/> is null.</summary>
    private static List<CohortFunnelStep> Steps(List<(string Name, long Users)> steps, long size, FunnelResult? funnel)
    {
        var rows = new List<CohortFunnelStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, users) = steps[i];
            var fromCohort = Proportions.Wilson(users, size);
            var rate = size == 0 ? 0 : users / (double)size;
            double fromPrevious, low, high;
            if (i == 0)
                (fromPrevious, low, high) = (rate, fromCohort.Low, fromCohort.High);
            else if (funnel is not null)
                (fromPrevious, low, high) = (funnel.Steps[i].ConversionFromPrevious, funnel.Steps[i].CiLow, funnel.Steps[i].CiHigh);
            else
            {
                var previous = steps[i - 1].Users;
                var interval = Proportions.Wilson(users, previous);
                (fromPrevious, low, high) = (previous == 0 ? 0 : users / (double)previous, interval.Low, interval.High);
            }
            rows.Add(new CohortFunnelStep(name, users, fromPrevious, low, high, rate, fromCohort.Low, fromCohort.High));
        }
        return rows;
    }
}
