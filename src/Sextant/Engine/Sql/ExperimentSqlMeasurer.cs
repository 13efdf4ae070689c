using Sextant.Analysis.Experiments;

namespace Sextant.Engine.Sql;

/// <summary>
/// Experiments pushed down: the variants (control first, then by name) and the users left out
/// for seeing several variants from two small statements, then <see cref="ExperimentSql"/>'s one
/// row per variant laid out as the in-memory measurer's per-arm sums.
/// </summary>
internal static class ExperimentSqlMeasurer
{
    /// <param name="session">The warehouse and time zone.</param>
    /// <param name="query">What to measure.</param>
    /// <exception cref="NotSupportedException">Segments, breakdowns, a cohort filter, a variant attribute or a trait metric.</exception>
    /// <exception cref="SextantException">No metrics, an unknown experiment or a missing control variant.</exception>
    public static ExperimentMeasures Measure(SqlSession session, ExperimentQuery query)
    {
        if (query.Metrics.Count == 0) throw new SextantException($"experiment '{query.Name}' has no metrics: give --metric or list metrics under experiments in sextant.yaml");
        if (query.VariantAttribute is not null) throw new NotSupportedException("experiments with a variant attribute are not pushed down yet");
        if (query.Cohort is not null) throw new NotSupportedException("experiment cohort filters are not pushed down yet");
        if (query.Segments.Count > 0 || query.Breakdowns.Count > 0) throw new NotSupportedException("experiment segments and breakdowns are not pushed down yet");

        var variants = Variants(session, query);
        var latest = session.LatestEventInstant();
        var dataEnd = query.Range.LastInstant ?? latest ?? ExperimentSqlPlan.Unbounded;
        // With no events and no range end nothing is censored: every window ends before the unbounded data end.
        long firstOpenDay = query.Range.To is null && latest is null ? int.MaxValue : session.CalendarAround(dataEnd).DayOf(dataEnd + 1);
        var plan = ExperimentSqlPlan.Of(query, dataEnd, firstOpenDay);

        var users = new long[variants.Count];
        var sums = plan.Metrics.Select(_ => new MetricSums[variants.Count]).ToArray();
        session.Read(ExperimentSql.Build(session.Sql, query, plan, session.ZoneLiteral), row =>
        {
            var arm = variants.IndexOf(row.GetString(0));
            users[arm] = row.GetInt64(1);
            for (var m = 0; m < sums.Length; m++)
            {
                var at = 2 + 6 * m;
                sums[m][arm] = new MetricSums(row.GetInt64(at), row.GetDouble(at + 1), row.GetDouble(at + 2),
                    row.GetDouble(at + 3), row.GetDouble(at + 4), row.GetDouble(at + 5));
            }
        });
        long excluded = 0;
        session.Read(ExperimentSql.Excluded(session.Sql, query), row => excluded = row.GetInt64(0));

        var none = new MetricSums(0, 0, 0, 0, 0, 0);
        var metrics = plan.Metrics.Select((metric, m) =>
            new MetricMeasures(metric.Spec.Text, metric.Spec.IsProportion, sums[m].Select(s => s ?? none).ToList())).ToList();
        return new ExperimentMeasures(variants, users, excluded, query.Range.To is null && latest is null ? null : dataEnd, metrics, []);
    }

    /// <summary>The experiment's variants, control first, then the others by name; fails as the in-memory measurer does.</summary>
    private static List<string> Variants(SqlSession session, ExperimentQuery query)
    {
        var experiments = new SortedSet<string>(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        session.Read(ExperimentSql.Variants, row =>
        {
            var experiment = row.GetString(0);
            experiments.Add(experiment);
            if (experiment == query.Name) names.Add(row.GetString(1));
        });
        if (!experiments.Contains(query.Name))
            throw new SextantException($"no experiment named '{query.Name}' in the assignments (experiments: {(experiments.Count == 0 ? "none" : string.Join(", ", experiments))})");
        if (!names.Remove(query.Control))
            throw new SextantException($"experiment '{query.Name}' has no control variant '{query.Control}' (variants: {string.Join(", ", names)}); name it with --control");
        return [query.Control, .. names];
    }
}
