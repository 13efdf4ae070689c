using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Analyses an A/B/n experiment on an <see cref="EventTable"/> (SEMANTICS.md, Experiments): users
/// by their first exposure, users exposed to more than one variant excluded and counted, each
/// metric measured from exposure over the analysis window, every treatment compared with the
/// control, then segments, guardrails and a verdict. Every metric is taken as higher-is-better.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the analysis.</summary>
    /// <exception cref="SextantException">Unknown experiment, missing control, no metrics, or an unknown segment attribute.</exception>
    public static ExperimentResult Run(EventTable table, ExperimentQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Metrics.Count == 0) throw new SextantException($"experiment '{query.Name}' has no metrics: give --metric or list metrics under experiments in sextant.yaml");
        var dataEnd = query.AsOf ?? (table.EventCount == 0 ? long.MaxValue / 4 : table.MaxTimestamp);
        var (variants, exposures, excluded) = query.VariantAttribute is null ? Exposures(table, query, dataEnd) : ExposuresFromAttribute(table, query);
        var counts = new long[variants.Count];
        foreach (var exposure in exposures) counts[exposure.Arm]++;
        var srm = SampleRatioOf(query, variants, counts);
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var window = query.Window is { } w ? w.Ticks / 10 : long.MaxValue / 4;

        var specs = query.Metrics.Concat((query.Guardrails ?? []).Select(g => g.Metric)).DistinctBy(m => m.Text).ToList();
        var measured = specs.Select(spec => MetricMeasurement.Measure(table, spec, active, exposures, window, dataEnd, query.Cuped && spec.Kind != MetricKind.Ratio)).ToList();
        var metrics = measured.Select(m => MetricAnalysis.Analyse(m, variants, exposures, query)).ToList();
        var segments = SegmentAnalysis.Run(table, query, measured, variants, exposures);
        var guardrails = (query.Guardrails ?? []).SelectMany(g => GuardrailCheck(g, metrics.Single(m => m.Name == g.Metric.Text), segments)).ToList();
        var primary = metrics.First(m => m.Name == query.Metrics[0].Text);
        var arms = variants.Select((v, i) => new ArmCount(v, counts[i])).ToList();
        return new ExperimentResult(query.Name, query.Control, query.AsOf is null && table.EventCount == 0 ? null : new Timestamp(dataEnd).ToString(), query.Alpha, srm, arms, excluded,
            metrics.Where(m => query.Metrics.Any(q => q.Text == m.Name)).ToList(), guardrails, segments,
            ExperimentVerdict.Decide(srm, primary, guardrails, query.MinimumEffect));
    }

    /// <summary>Variants (control first), one exposure per user at their first exposure, and how many users saw several variants.</summary>
    private static (List<string> Variants, Exposure[] Exposures, long Excluded) Exposures(EventTable table, ExperimentQuery query, long dataEnd)
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
        // Rows are sorted by user, then exposure instant: a user's rows are consecutive.
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
            if (mixed) excluded++;
            else if (assignments.AssignedAt[row] <= dataEnd) exposures.Add(new Exposure(user, variants.IndexOf(assignments.Variant[row]), assignments.AssignedAt[row]));
            row = end;
        }
        return (variants, [.. exposures], excluded);
    }

    /// <summary>Every signed-up user with a value of the variant attribute, exposed at sign-up (the data start when unknown).</summary>
    private static (List<string> Variants, Exposure[] Exposures, long Excluded) ExposuresFromAttribute(EventTable table, ExperimentQuery query)
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
            if (code == 0) continue;
            var at = table.SignupAt[user] != long.MinValue ? table.SignupAt[user] : table.MinTimestamp == long.MaxValue ? 0 : table.MinTimestamp;
            exposures.Add(new Exposure(user, armOfCode[code], at));
        }
        return (variants, [.. exposures], 0);
    }

    private static SampleRatio SampleRatioOf(ExperimentQuery query, List<string> variants, long[] counts)
    {
        var shares = variants.Select(v => query.Split is null ? 1.0 : query.Split.GetValueOrDefault(v)).ToList();
        if (shares.Any(s => s <= 0))
            throw new SextantException($"the split must give every variant a positive share (variants: {string.Join(", ", variants)})");
        var test = SampleRatioMismatch.Test(counts, shares);
        var total = shares.Sum();
        return new SampleRatio(test.ChiSquare, test.PValue, test.Mismatch, shares.Select(s => s / total).ToList());
    }

    /// <summary>A guardrail over all users and within every segment value: harm hidden in one platform still stops a launch.</summary>
    private static IEnumerable<GuardrailResult> GuardrailCheck(Guardrail guardrail, MetricResult metric, IReadOnlyList<SegmentResult> segments)
    {
        GuardrailResult Check(Comparison c, bool significantlyWorse, string? segment) =>
            new(metric.Name, guardrail.Margin, c.Variant, c.RelativeLift, c.RelativeCiLow, c.RelativeCiHigh,
                Harmed: significantlyWorse && c.RelativeLift < -guardrail.Margin, NonInferior: c.RelativeCiLow > -guardrail.Margin, segment);
        foreach (var c in metric.Comparisons) yield return Check(c, c.RelativeCiHigh < 0, null);
        foreach (var segment in segments.Where(s => s.Metric == metric.Name))
            foreach (var c in segment.Comparisons)
                yield return Check(c, c.Significant && c.AbsoluteLift < 0, $"{segment.Attribute}={segment.Value}");
    }
}
