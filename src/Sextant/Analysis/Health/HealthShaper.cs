using System.Globalization;

namespace Sextant.Analysis.Health;

/// <summary>
/// Scores every recently active signed-up user's health from 0 to 100 as of the data end
/// (the last instant of <see cref="HealthQuery.Range"/>, else the latest event; later events, and events before the range's start, are ignored). Windows are
/// local calendar days ending on the data end's day d, that day included: "the last 30 days" are
/// d − 29 … d. Only active events count (SEMANTICS.md, Activity).
/// <para>Population: signed-up users with at least one active event in the last 90 days
/// (d − 89 … d). Visitors and users inactive for 90 days or more are left out.</para>
/// <para>Components, each in [0, 1]:</para>
/// <list type="bullet">
/// <item><description>recency = exp(−s / τ), s = d − the last active day (0 when active on d), τ = <see cref="HealthQuery.RecencyHalfLifeDays"/> (14): 14 days ago gives e^−1 ≈ 0.368.</description></item>
/// <item><description>frequency = min(1, a₃₀ / <see cref="HealthQuery.FrequencyTargetDays"/>), a₃₀ = active days in the last 30 (target 12; a target of 30 gives a₃₀ / 30).</description></item>
/// <item><description>breadth = min(1, f₃₀ / <see cref="HealthQuery.BreadthTargetFeatures"/>), f₃₀ = distinct active event names in the last 30 days (target 5).</description></item>
/// <item><description>collaboration = 1 with a collaboration event in the last 30 days, else 0.5 with one in the 30 before (d − 59 … d − 30), else 0.</description></item>
/// <item><description>trend = 0.5 + (a₁₄ − p₁₄) / 28, a₁₄ = active days in d − 13 … d, p₁₄ = active days in d − 27 … d − 14. Both are 0…14, so the
/// trend is 0 (active every prior day, none since), 0.5 (steady) or 1 (none before, every day since), with no clamping needed.</description></item>
/// </list>
/// <para>Score = 100 × Σ wᵢ × componentᵢ / Σ wᵢ. At risk: score &lt; <see cref="HealthQuery.AtRiskBelow"/>. Expansion-ready: the
/// plan (the profile's, or the live subscription's per <see cref="HealthQuery.ExpansionPlanFrom"/>) is in <see cref="HealthQuery.ExpansionPlans"/>, f₃₀ ≥ <see cref="HealthQuery.ExpansionMinFeatures"/> and
/// a₃₀ ≥ <see cref="HealthQuery.ExpansionMinActiveDays"/>.</para>
/// </summary>
public static class HealthShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static HealthResult Shape(HealthQuery query, HealthMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var population = $"signed-up users with at least one active event in the {HealthQuery.PopulationDays} days ending on the data end's day";
        if (measures.DataEndDay is not { } endDay)
            return new HealthResult(measures.DataEnd, "", population, [], [], [], new long[10], 0, 0, 0);

        var weights = query.Weights ?? HealthWeights.Default;
        var plans = query.ExpansionPlans.ToHashSet(StringComparer.Ordinal);
        var rows = new UserHealth[measures.Users.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var inputs = measures.Users[i];
            rows[i] = Score(inputs, query, weights, inputs.Plan is { } plan && plans.Contains(plan));
        }

        var result = Summarise(rows, measures.DataEnd, endDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), population);
        if (query.Breakdowns.Count > 0) result = result with { Groups = Groups(query, measures, rows) };
        return query.ExpansionPlans.Count > 0 ? result : result with { Warnings = [HealthQuery.NoExpansionPlansWarning] };
    }

    /// <summary>The score and flags of one user from their activity counts.</summary>
    private static UserHealth Score(HealthInputs a, HealthQuery query, HealthWeights weights, bool expandablePlan)
    {
        var daysSince = a.DaysSinceActive;
        var recency = Math.Exp(-daysSince / query.RecencyHalfLifeDays);
        var frequency = Math.Min(1.0, a.ActiveDays30 / (double)query.FrequencyTargetDays);
        var breadth = Math.Min(1.0, a.Features30 / (double)query.BreadthTargetFeatures);
        var collaboration = a.CollaboratedLast30 ? 1.0 : a.CollaboratedPrior30 ? 0.5 : 0.0;
        var trend = 0.5 + (a.ActiveDays14 - a.ActiveDaysPrior14) / 28.0;
        // Days since sign-up over the tenure target; an unknown sign-up counts as half-way.
        var tenure = a.TenureDays is not { } tenureDays ? 0.5 : Math.Clamp(tenureDays / (double)query.TenureTargetDays, 0, 1);
        var weighted = weights.Recency * recency + weights.Frequency * frequency + weights.Breadth * breadth
            + weights.Collaboration * collaboration + weights.Trend * trend + weights.Tenure * tenure;
        var score = Math.Clamp(100 * weighted / weights.Sum, 0, 100);
        var expansionReady = expandablePlan && a.Features30 >= query.ExpansionMinFeatures && a.ActiveDays30 >= query.ExpansionMinActiveDays;
        return new UserHealth(a.UserKey, score, recency, frequency, breadth, collaboration, trend, tenure, a.ActiveDays30, a.Features30, daysSince,
            a.Segment, a.Plan, score < query.AtRiskBelow, expansionReady, a.PlanFromSubscription);
    }

    /// <summary>Counts per breakdown group: the largest by scored users keep their row (ties by label), the rest are one Other row.</summary>
    private static List<HealthGroup> Groups(HealthQuery query, HealthMeasures measures, UserHealth[] rows)
    {
        var keys = measures.Groups;
        var sums = new (long Users, long AtRisk, long Expansion, double Sum)[keys.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            ref var s = ref sums[measures.Users[i].Group];
            s = (s.Users + 1, s.AtRisk + (rows[i].AtRisk ? 1 : 0), s.Expansion + (rows[i].ExpansionReady ? 1 : 0), s.Sum + rows[i].Score);
        }
        // Only groups with a scored user are shown.
        var shown = Enumerable.Range(0, keys.Count).Where(g => sums[g].Users > 0).ToList();
        var (kept, other) = TopGroups.Split(shown.Select(g => keys[g]).ToList(), i => sums[shown[i]].Users, query.BreakdownLimit);
        HealthGroup Row(string label, IReadOnlyList<string> values, (long Users, long AtRisk, long Expansion, double Sum) s) =>
            new(label, values, s.Users, s.AtRisk, s.Expansion, s.Users == 0 ? 0 : s.Sum / s.Users);
        var groups = kept.Select(i => Row(Breakdowns.Label(keys[shown[i]]), [.. keys[shown[i]]], sums[shown[i]])).ToList();
        if (other.Count > 0)
        {
            var merged = other.Select(i => sums[shown[i]]).Aggregate((a, b) => (a.Users + b.Users, a.AtRisk + b.AtRisk, a.Expansion + b.Expansion, a.Sum + b.Sum));
            groups.Add(Row(Breakdowns.OtherValues, [], merged));
        }
        return groups;
    }

    private static HealthResult Summarise(UserHealth[] rows, long dataEnd, string dataEndDay, string population)
    {
        var scores = new double[rows.Length];
        var histogram = new long[10];
        var bySegment = new Dictionary<string, (long Users, long AtRisk, long Expansion, double Sum)>(StringComparer.Ordinal);
        long atRisk = 0, expansion = 0;
        double total = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            scores[i] = row.Score;
            total += row.Score;
            histogram[Math.Min(9, (int)(row.Score / 10))]++;
            if (row.AtRisk) atRisk++;
            if (row.ExpansionReady) expansion++;
            var key = row.Segment ?? Breakdowns.NoValue;
            var s = bySegment.GetValueOrDefault(key);
            bySegment[key] = (s.Users + 1, s.AtRisk + (row.AtRisk ? 1 : 0), s.Expansion + (row.ExpansionReady ? 1 : 0), s.Sum + row.Score);
        }
        var segments = bySegment
            .Select(p => new SegmentHealth(p.Key, p.Value.Users, p.Value.AtRisk, p.Value.Expansion, p.Value.Sum / p.Value.Users))
            .OrderByDescending(s => s.Users).ThenBy(s => s.Segment, StringComparer.Ordinal).ToList();
        Array.Sort(scores);
        var deciles = scores.Length == 0 ? [] : Enumerable.Range(1, 9).Select(k => Quantile(scores, k / 10.0)).ToList();
        return new HealthResult(dataEnd, dataEndDay, population, rows, segments, deciles, histogram,
            rows.Length == 0 ? 0 : total / rows.Length, atRisk, expansion);
    }

    /// <summary>Quantile of sorted values by linear interpolation between order statistics (position p × (n − 1)).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
