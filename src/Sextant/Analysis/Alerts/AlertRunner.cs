using System.Globalization;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
using Sextant.Events;

namespace Sextant.Analysis.Alerts;

/// <summary>Which days <see cref="AlertRunner"/> judges.</summary>
/// <param name="Days">Without a range: the last this many complete days of each series.</param>
/// <param name="From">First day to judge (inclusive), or null for the series' first.</param>
/// <param name="To">Day after the last day to judge (exclusive), or null for the data's last.</param>
public sealed record AlertWindow(int Days = AlertWindow.DefaultDays, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Days judged by default: the last week.</summary>
    public const int DefaultDays = 7;

    /// <summary>True when a day range was given instead of a number of days.</summary>
    public bool IsRange => From is not null || To is not null;
}

/// <summary>
/// Builds the daily series of a table, binds sextant.yaml's alert rules to them (every series with
/// the default rule when there are none), and judges the days asked for against the seasonal
/// baseline (docs/ALERTS.md).
/// </summary>
public static class AlertRunner
{
    /// <summary>The label of the rule that applies when sextant.yaml has none.</summary>
    public const string DefaultRule = "default";

    /// <summary>Judges the days of <paramref name="window"/> under <paramref name="config"/>'s rules.</summary>
    /// <exception cref="SextantException">
    /// The table is empty, the window asks for no day, or a rule names a source the store does not
    /// contain or revenue no event carries (the message names the rule's line).
    /// </exception>
    public static AlertsResult Run(EventTable table, SextantConfig config, AlertWindow window)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(window);
        if (!window.IsRange && window.Days < 1) throw new SextantException($"--days must be at least 1, got {window.Days}");
        var funnels = config.Funnels.Select(f => (f.Name, FunnelQueries.FromConfig(f))).ToList();
        var series = DailySeriesBuilder.Build(table, config.Activity.ExcludeEvents, funnels);
        var results = Bind(series, config.Alerts.Rules).Select(pair => Judge(pair.Series, pair.Rule, pair.Label, window)).ToList();
        var order = series.Select((s, i) => (s.Metric, i)).ToDictionary(p => p.Metric, p => p.i, StringComparer.Ordinal);
        var alerts = results.SelectMany(r => r.Alerts).OrderBy(a => a.Day).ThenBy(a => order[a.Metric]).ThenBy(a => a.Rule, StringComparer.Ordinal).ToList();
        return new AlertsResult(new Timestamp(table.MaxTimestamp), config.TimeZoneId, [.. results.Select(r => r.Series)], alerts);
    }

    /// <summary>Each rule with its series; without rules, every series with a default rule (revenue only when some event carries revenue).</summary>
    private static List<(DailySeries Series, AlertRuleConfig Rule, string Label)> Bind(IReadOnlyList<DailySeries> series, IReadOnlyList<AlertRuleConfig> rules)
    {
        var byMetric = series.ToDictionary(s => s.Metric, StringComparer.Ordinal);
        if (rules.Count == 0)
            return [.. series.Where(s => s.Metric != DailySeriesBuilder.Revenue || HasRevenue(s))
                .Select(s => (s, new AlertRuleConfig { Metric = s.Metric }, DefaultRule))];
        var bound = new List<(DailySeries, AlertRuleConfig, string)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var where = rule.Location.Length == 0 ? $"alerts.rules[{i}]" : $"{rule.Location}: alerts.rules[{i}]";
            if (AlertMetric.Problem(rule.Metric, [.. series.Where(s => s.Metric.StartsWith(DailySeriesBuilder.FunnelPrefix, StringComparison.Ordinal)).Select(s => s.Metric[DailySeriesBuilder.FunnelPrefix.Length..])]) is { } problem)
                throw new SextantException($"{where} {problem}");
            if (!byMetric.TryGetValue(rule.Metric, out var found))
            {
                var sources = series.Where(s => s.Metric.StartsWith(DailySeriesBuilder.SourcePrefix, StringComparison.Ordinal)).Select(s => s.Metric[DailySeriesBuilder.SourcePrefix.Length..]).ToList();
                throw new SextantException(sources.Count == 0
                    ? $"{where} metric '{rule.Metric}' names a source, but no stored event has a source"
                    : $"{where} metric '{rule.Metric}' names a source the store does not contain (sources: {string.Join(", ", sources)})");
            }
            if (found.Metric == DailySeriesBuilder.Revenue && !HasRevenue(found))
                throw new SextantException($"{where} metric 'revenue': no stored event carries revenue");
            bound.Add((found, rule, string.Create(CultureInfo.InvariantCulture, $"rules[{i}]")));
        }
        return bound;
    }

    private static bool HasRevenue(DailySeries series) => series.Values.Any(v => v != 0);

    private static (AlertSeriesResult Series, List<Alert> Alerts) Judge(DailySeries series, AlertRuleConfig rule, string label, AlertWindow window)
    {
        var usable = series.LastCompleteDay - series.FirstDay + 1;
        var points = SeasonalBaseline.Fit(series.Values, series.Volumes, series.FirstDay, series.Kind, usable);
        var lastDay = series.FirstDay + series.Length - 1;
        int first, last;
        if (window.IsRange)
        {
            first = Math.Max(series.FirstDay, window.From?.DayNumber ?? series.FirstDay);
            last = Math.Min(lastDay, (window.To?.DayNumber ?? lastDay + 1) - 1);
        }
        else
        {
            last = Math.Min(lastDay, series.LastCompleteDay);
            first = Math.Max(series.FirstDay, last - window.Days + 1);
        }
        var days = new List<AlertDay>();
        var alerts = new List<Alert>();
        var drop = rule.Direction is "both" or "drop";
        var spike = rule.Direction is "both" or "spike";
        for (var day = first; day <= last; day++)
        {
            var i = day - series.FirstDay;
            var value = series.Values[i];
            var point = points[i];
            var volume = series.Kind == SeriesKind.Rate ? series.Volumes[i] : point?.Expected ?? value;
            var status = day > series.LastCompleteDay ? AlertDayStatus.Incomplete
                : double.IsNaN(value) ? AlertDayStatus.NoValue
                : point is null ? AlertDayStatus.NotEnoughHistory
                : volume < rule.MinVolume ? AlertDayStatus.LowVolume
                : (drop && point.Value.Z < -rule.Sensitivity) || (spike && point.Value.Z > rule.Sensitivity) ? AlertDayStatus.Alert
                : AlertDayStatus.Normal;
            var date = DateOnly.FromDayNumber(day);
            days.Add(new AlertDay(date, double.IsNaN(value) ? null : value, point?.Expected, point?.Scale,
                point is { } p && !double.IsNaN(p.Z) ? p.Z : null, series.Volumes[i], status));
            if (status == AlertDayStatus.Alert)
            {
                var z = point!.Value.Z;
                alerts.Add(new Alert(date, series.Metric, value, point.Value.Expected, point.Value.Scale, z, z < 0 ? AlertDirection.Drop : AlertDirection.Spike, label, rule.Sensitivity));
            }
        }
        var judged = days.Count(d => d.Status is AlertDayStatus.Normal or AlertDayStatus.Alert);
        var lastComplete = series.LastCompleteDay >= series.FirstDay ? DateOnly.FromDayNumber(series.LastCompleteDay) : (DateOnly?)null;
        var result = new AlertSeriesResult(series.Metric, label, rule.Sensitivity, rule.Direction, rule.MinVolume, lastComplete,
            judged, days.Count - judged, alerts.Count, Note(days, judged, alerts.Count, lastComplete), days);
        return (result, alerts);
    }

    /// <summary>"7 days judged (2025-06-23 to 2025-06-29), 1 alert; 2 low volume".</summary>
    private static string Note(List<AlertDay> days, int judged, int alerts, DateOnly? lastComplete)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Plural(int n, string one) => string.Create(CultureInfo.InvariantCulture, $"{n} {one}{(n == 1 ? "" : "s")}");
        if (days.Count == 0) return lastComplete is null ? "no complete day yet" : "no day in the range asked for";
        var text = $"{Plural(judged, "day")} judged ({Day(days[0].Day)} to {Day(days[^1].Day)}), {Plural(alerts, "alert")}";
        var skipped = days.Where(d => d.Status is not (AlertDayStatus.Normal or AlertDayStatus.Alert)).GroupBy(d => d.Status)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Reason(g.Key)}")).ToList();
        return skipped.Count == 0 ? text : text + "; not judged: " + string.Join(", ", skipped);
    }

    private static string Reason(AlertDayStatus status) => status switch
    {
        AlertDayStatus.Incomplete => "incomplete",
        AlertDayStatus.NotEnoughHistory => $"with under {SeasonalBaseline.MinimumHistory + SeasonalBaseline.MinimumErrors} days of history",
        AlertDayStatus.LowVolume => "below min_volume",
        _ => "without a value",
    };
}
