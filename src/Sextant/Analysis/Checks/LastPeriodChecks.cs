using System.Globalization;
using Sextant.Analysis.Revenue;

namespace Sextant.Analysis.Checks;

/// <summary>
/// Checks of the data's last months: a last month that has not ended is partial, and a last
/// complete month whose revenue or active users jump away from the trend usually means an edge
/// artefact (subscriptions that never end, a late batch of events) rather than news.
/// </summary>
internal static class LastPeriodChecks
{
    /// <summary>A change smaller than this is never flagged, however quiet the months before were.</summary>
    internal const double MinimumFlaggedChange = 0.10;

    /// <summary>The trend is judged against at most this many monthly changes before the last.</summary>
    internal const int TrendChanges = 11;

    /// <summary>Complete months needed to judge a trend: the last change and three before it.</summary>
    internal const int MinimumMonths = 5;

    /// <summary>The two checks on the months of a revenue analysis.</summary>
    public static IEnumerable<CheckOutcome> Run(IReadOnlyList<RevenueMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        yield return Complete(months);
        yield return OnTrend(months);
    }

    private static CheckOutcome Complete(IReadOnlyList<RevenueMonth> months)
    {
        if (months.Count == 0 || months[^1].Complete)
            return new CheckOutcome("last_month_complete", CheckStatus.Pass, 0, "the data's last month has ended by the data end");
        var last = months[^1].Month;
        var previous = months.LastOrDefault(m => m.Complete)?.Month;
        return new CheckOutcome("last_month_complete", CheckStatus.Warn, 1,
            $"the last month {last} has not ended by the data end: its figures are partial; headline figures use "
            + (previous is null ? "no month (none is complete)" : previous));
    }

    private static CheckOutcome OnTrend(IReadOnlyList<RevenueMonth> months)
    {
        var complete = months.Where(m => m.Complete).ToList();
        if (complete.Count < MinimumMonths)
            return new CheckOutcome("last_month_on_trend", CheckStatus.Pass, 0,
                $"fewer than {MinimumMonths} complete months ({complete.Count}): the last month's trend is not judged");
        var breaks = new List<string>();
        Judge(complete, "revenue", m => m.Revenue, breaks);
        Judge(complete, "active users", m => m.ActiveUsers, breaks);
        var last = complete[^1].Month;
        return breaks.Count == 0
            ? new CheckOutcome("last_month_on_trend", CheckStatus.Pass, 0,
                $"revenue and active users of the last complete month ({last}) change no more than the months before")
            : new CheckOutcome("last_month_on_trend", CheckStatus.Warn, breaks.Count,
                string.Join("; ", breaks) + ": check the edge of the data (subscriptions that never end, events missing or late) before reading it as news");
    }

    /// <summary>Flags the last change when it exceeds both the minimum and every change of the months before.</summary>
    private static void Judge(List<RevenueMonth> complete, string what, Func<RevenueMonth, double> value, List<string> breaks)
    {
        var changes = new List<double>();
        for (var i = Math.Max(1, complete.Count - TrendChanges - 1); i < complete.Count; i++)
        {
            var before = value(complete[i - 1]);
            changes.Add(before == 0 ? double.NaN : value(complete[i]) / before - 1);
        }
        var last = changes[^1];
        var earlier = changes.SkipLast(1).Where(c => !double.IsNaN(c)).Select(Math.Abs).ToList();
        if (double.IsNaN(last) || earlier.Count == 0 || Math.Abs(last) <= MinimumFlaggedChange || Math.Abs(last) <= earlier.Max()) return;
        breaks.Add(string.Create(CultureInfo.InvariantCulture,
            $"{what} of {complete[^1].Month} changed {Reports.NumberText.SignedPercent(last)} from {complete[^2].Month}, more than any of the {earlier.Count} monthly changes before it (largest {earlier.Max():0.0%})"));
    }
}
