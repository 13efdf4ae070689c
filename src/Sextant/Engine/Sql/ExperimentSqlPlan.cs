using Sextant.Analysis.Experiments;
using Sextant.Events;

namespace Sextant.Engine.Sql;

/// <summary>
/// What the experiment statement measures: each metric with its windows, the summed properties,
/// the data end and the first local day that has not ended by it (what right-censoring is judged against).
/// </summary>
/// <param name="Metrics">The measured metrics, in <see cref="ExperimentQuery.MeasuredMetrics"/> order.</param>
/// <param name="Properties">The distinct properties of sum metrics: column p<i>k</i> of the events.</param>
/// <param name="DataEnd">The last instant seen (UTC µs).</param>
/// <param name="FirstOpenDay">The day number of the local day holding DataEnd + 1 µs: days before it have ended.</param>
internal sealed record ExperimentSqlPlan(IReadOnlyList<ExperimentSqlMetric> Metrics, IReadOnlyList<string> Properties, long DataEnd, long FirstOpenDay)
{
    /// <summary>Plans <paramref name="query"/>'s metrics against the data end.</summary>
    /// <exception cref="NotSupportedException">A trait metric.</exception>
    public static ExperimentSqlPlan Of(ExperimentQuery query, long dataEnd, long firstOpenDay)
    {
        var specs = query.MeasuredMetrics;
        if (specs.FirstOrDefault(s => s.Kind == MetricKind.Trait) is { } trait)
            throw new NotSupportedException($"experiment trait metrics ({trait.Text}) are not pushed down yet");
        var properties = specs.Where(s => s.Kind == MetricKind.Sum).Select(s => s.Property!).Distinct(StringComparer.Ordinal).ToList();
        // As the in-memory measurer: an open analysis window reaches the data end; the CUPED look-back is at most 28 days then.
        long? window = query.Window is { } w ? w.Ticks / TimeSpan.TicksPerMicrosecond : null;
        var metrics = specs.Select(spec => new ExperimentSqlMetric(spec, window, query.Cuped && spec.Kind != MetricKind.Ratio,
            spec.Kind == MetricKind.Sum ? properties.IndexOf(spec.Property!) : -1, query.ExcludeEvents)).ToList();
        return new ExperimentSqlPlan(metrics, properties, dataEnd, firstOpenDay);
    }

    /// <summary>The open-ended window and its look-back when nothing bounds them: the in-memory measurer's stand-in for "no limit".</summary>
    internal const long Unbounded = long.MaxValue / 4;

    /// <summary>28 days: the CUPED look-back of an open-ended window.</summary>
    internal const long OpenLookBack = 28 * Timestamp.MicrosPerDay;

    /// <summary>
    /// A condition on <paramref name="column"/> keeping only the events some metric reads, or null
    /// when a metric reads every event (active-on-day, or a sum over every event).
    /// </summary>
    public string? EventFilter(SqlText sql, string column)
    {
        if (Metrics.Any(m => m.ReadsEveryEvent)) return null;
        var names = Metrics.SelectMany(m => m.Events).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "1 = 0" : $"{column} IN ({sql.List(names)})";
    }
}
