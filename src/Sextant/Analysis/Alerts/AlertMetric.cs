namespace Sextant.Analysis.Alerts;

/// <summary>The metric names rules use: events, active_users, signups, revenue, funnel:NAME, source:NAME.</summary>
public static class AlertMetric
{
    /// <summary>What a metric may be, for messages.</summary>
    public const string Expectation = "events | active_users | signups | revenue | funnel:NAME | source:NAME";

    /// <summary>The metrics that need no name.</summary>
    public static readonly IReadOnlyList<string> Plain = [DailySeriesBuilder.Events, DailySeriesBuilder.ActiveUsers, DailySeriesBuilder.Signups, DailySeriesBuilder.Revenue];

    /// <summary>
    /// Why <paramref name="metric"/> is no metric, or null when it is one: a funnel must be one of
    /// <paramref name="funnels"/> (sextant.yaml's funnels). Sources are checked against the data later.
    /// </summary>
    public static string? Problem(string metric, IReadOnlyList<string> funnels)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(funnels);
        if (Plain.Contains(metric, StringComparer.Ordinal)) return null;
        if (metric.StartsWith(DailySeriesBuilder.FunnelPrefix, StringComparison.Ordinal))
        {
            var name = metric[DailySeriesBuilder.FunnelPrefix.Length..];
            if (funnels.Contains(name, StringComparer.Ordinal)) return null;
            return funnels.Count == 0
                ? $"metric '{metric}' names a funnel, but sextant.yaml defines none (funnels:)"
                : $"metric '{metric}' names no funnel of sextant.yaml (funnels: {string.Join(", ", funnels)})";
        }
        if (metric.StartsWith(DailySeriesBuilder.SourcePrefix, StringComparison.Ordinal) && metric.Length > DailySeriesBuilder.SourcePrefix.Length) return null;
        return $"metric expects {Expectation}, got '{metric}'";
    }
}
