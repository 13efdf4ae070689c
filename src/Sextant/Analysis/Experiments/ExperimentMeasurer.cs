using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Measures an experiment in memory (SEMANTICS.md, Experiments): users by their first exposure in
/// the range, users exposed to more than one variant left out and counted, each metric measured
/// from exposure over the analysis window and summed per arm, overall and per segment group.
/// </summary>
internal static class ExperimentMeasurer
{
    /// <exception cref="SextantException">No metrics, unknown experiment, missing control, or an unknown segment, breakdown, cohort or trait.</exception>
    public static ExperimentMeasures Measure(EventTable table, ExperimentQuery query)
    {
        if (query.Metrics.Count == 0) throw new SextantException($"experiment '{query.Name}' has no metrics: give --metric or list metrics under experiments in sextant.yaml");
        var dataEnd = query.Range.LastInstant ?? (table.EventCount == 0 ? long.MaxValue / 4 : table.MaxTimestamp);
        var cohort = UserScope.Of(table, query with { Breakdowns = default });
        var (variants, exposures, excluded) = query.VariantAttribute is null ? Exposures(table, query, dataEnd, cohort) : ExposuresFromAttribute(table, query, cohort);
        var counts = new long[variants.Count];
        foreach (var exposure in exposures) counts[exposure.Arm]++;
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var window = query.Window is { } w ? w.Ticks / 10 : long.MaxValue / 4;

        var measured = query.MeasuredMetrics
            .Select(spec => MetricMeasurement.Measure(table, spec, active, exposures, window, dataEnd, query.Cuped && spec.Kind != MetricKind.Ratio)).ToList();
        var metrics = measured.Select(m => new MetricMeasures(m.Spec.Text, m.Proportion, m.SumsByArm(exposures, variants.Count).Select(s => s.ToMeasures()).ToList())).ToList();
        var segments = query.SegmentSets.Select(set => Segment(table, query, set, cohort, measured, exposures, variants.Count)).ToList();
        return new ExperimentMeasures(variants, counts, excluded, query.Range.To is null && table.EventCount == 0 ? null : dataEnd, metrics, segments);
    }

    /// <summary>Every group of one dimension set with its signed-up users and its sums per metric and arm.</summary>
    private static SegmentMeasures Segment(EventTable table, ExperimentQuery query, ValueList<Breakdown> set, UserScope cohort,
        List<MetricMeasurement> measured, Exposure[] exposures, int arms)
    {
        var scope = cohort.Regroup(table, set, query.Range);
        var users = new long[scope.GroupCount];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (cohort.Includes(user)) users[scope.GroupOf(user)]++;
        var groupOf = exposures.Select(e => scope.GroupOf(e.User)).ToArray();
        var sums = measured.Select(m => m.SumsByGroup(exposures, arms, groupOf, scope.GroupCount)).ToList();
        var groups = Enumerable.Range(0, scope.GroupCount).Where(g => users[g] > 0)
            .Select(g => new SegmentGroupMeasures(scope.Keys[g], users[g],
                sums.Select(byGroup => (IReadOnlyList<MetricSums>)byGroup[g].Select(s => s.ToMeasures()).ToList()).ToList()))
            .ToList();
        return new SegmentMeasures(set, groups);
    }

    /// <summary>Variants (control first), one exposure per user at their first exposure, and how many users saw several variants.</summary>
    private static (List<string> Variants, Exposure[] Exposures, long Excluded) Exposures(EventTable table, ExperimentQuery query, long dataEnd, UserScope cohort)
    {
        var assignments = table.Assignments;
        var experiment = Array.IndexOf(assignments.ExperimentNames, query.Name);
        if (experiment < 0)
            throw new SextantException($"no experiment named '{query.Name}' in the assignments (experiments: {(assignments.ExperimentNames.Length == 0 ? "none" : string.Join(", ", assignments.ExperimentNames))})");
        var firstRow = Array.IndexOf(assignments.Experiment, experiment);
        var endRow = Array.LastIndexOf(assignments.Experiment, experiment) + 1;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var row = firstRow; row < endRow; row++) names.Add(assignments.Variant[row]);
        if (!names.Remove(query.Control))
            throw new SextantException($"experiment '{query.Name}' has no control variant '{query.Control}' (variants: {string.Join(", ", names)}); name it with --control");
        var variants = new List<string> { query.Control };
        variants.AddRange(names);

        var exposures = new List<Exposure>();
        long excluded = 0;
        // Rows are sorted by user, then exposure instant: a user's rows are consecutive, the first is the first exposure.
        for (var row = firstRow; row < endRow;)
        {
            var user = assignments.User[row];
            var end = row;
            var mixed = false;
            while (end < endRow && assignments.User[end] == user)
            {
                mixed |= assignments.Variant[end] != assignments.Variant[row];
                end++;
            }
            var first = assignments.AssignedAt[row];
            // Users whose first exposure falls in the range; of an open-ended range, a mixed user is counted
            // even when exposed after the latest event, but only exposures up to the data end are analysed.
            if (cohort.Includes(user) && first >= query.Range.FromMicros && first < query.Range.ToMicros)
            {
                if (mixed) excluded++;
                else if (first <= dataEnd) exposures.Add(new Exposure(user, variants.IndexOf(assignments.Variant[row]), first));
            }
            row = end;
        }
        return (variants, [.. exposures], excluded);
    }

    /// <summary>Every signed-up user with a value of the variant attribute, exposed at sign-up (the data start when unknown).</summary>
    private static (List<string> Variants, Exposure[] Exposures, long Excluded) ExposuresFromAttribute(EventTable table, ExperimentQuery query, UserScope cohort)
    {
        var column = table.Attributes[query.VariantAttribute!]
            ?? throw new SextantException(NameCheck.Unknown("profile attribute", query.VariantAttribute!, "--variant-attribute", table.Attributes.Names));
        var names = new SortedSet<string>(column.Values, StringComparer.Ordinal);
        if (!names.Remove(query.Control))
            throw new SextantException($"attribute '{query.VariantAttribute}' has no control value '{query.Control}' (values: {string.Join(", ", names)}); name it with --control");
        var variants = new List<string> { query.Control };
        variants.AddRange(names);
        var armOfCode = new int[column.Values.Length + 1];
        for (var code = 1; code <= column.Values.Length; code++) armOfCode[code] = variants.IndexOf(column.Values[code - 1]);
        var exposures = new List<Exposure>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var code = column.Codes[user];
            if (code == 0 || !cohort.Includes(user)) continue;
            var at = table.SignupAt[user] != long.MinValue ? table.SignupAt[user] : table.MinTimestamp == long.MaxValue ? 0 : table.MinTimestamp;
            if (query.Range.Contains(at)) exposures.Add(new Exposure(user, armOfCode[code], at));
        }
        return (variants, [.. exposures], 0);
    }
}
