using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Health;

/// <summary>
/// Scores every recently active signed-up user's health from 0 to 100 as of the data end
/// (<see cref="HealthQuery.AsOf"/>, else the latest event; later events are ignored). Windows are
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
/// profile plan is in <see cref="HealthQuery.ExpansionPlans"/>, f₃₀ ≥ <see cref="HealthQuery.ExpansionMinFeatures"/> and
/// a₃₀ ≥ <see cref="HealthQuery.ExpansionMinActiveDays"/>.</para>
/// </summary>
public static class HealthRunner
{
    private const int CollaborationDays = 60;
    private const string NoSegment = "(none)";

    /// <summary>Computes health as of the query's data end; one parallel pass over each user's rows.</summary>
    public static HealthResult Run(EventTable table, HealthQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var weights = query.Weights ?? HealthWeights.Default;
        var dataEnd = query.AsOf ?? table.MaxTimestamp;
        var population = $"signed-up users with at least one active event in the {HealthQuery.PopulationDays} days ending on the data end's day";
        if (table.EventCount == 0 || dataEnd == long.MinValue)
            return new HealthResult(dataEnd, "", population, [], [], [], new long[10], 0, 0, 0);

        var activity = Measure(table, query, dataEnd);
        var endDay = table.Calendar.DayOf(dataEnd);

        // Scored users get consecutive slots in user order.
        var slots = new int[activity.Length];
        var count = 0;
        for (var user = 0; user < activity.Length; user++) slots[user] = activity[user].LastDay == int.MinValue ? -1 : count++;

        var plan = table.Attributes["plan"];
        var segment = table.Attributes["segment"];
        var expansionPlans = ExpansionPlanMask(plan, query.ExpansionPlans ?? []);
        var rows = new UserHealth[count];
        Parallel.For(0, activity.Length, user =>
        {
            if (slots[user] < 0) return;
            var a = activity[user];
            var planCode = plan is null ? 0 : plan.Codes[user];
            var segmentCode = segment is null ? 0 : segment.Codes[user];
            rows[slots[user]] = Score(table.UserKeys[user], a, endDay, query, weights,
                segmentCode == 0 ? null : segment!.Values[segmentCode - 1],
                planCode == 0 ? null : plan!.Values[planCode - 1],
                expansionPlans[planCode]);
        });

        var result = Summarise(rows, dataEnd, DateOnly.FromDayNumber(endDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), population);
        return query.ExpansionPlans is { Count: > 0 } ? result : result with { Warnings = [HealthQuery.NoExpansionPlansWarning] };
    }

    /// <summary>The score and flags of one user from their activity counts.</summary>
    internal static UserHealth Score(string userKey, UserActivity a, int endDay, HealthQuery query, HealthWeights weights,
        string? segment, string? plan, bool expandablePlan)
    {
        var daysSince = endDay - a.LastDay;
        var recency = Math.Exp(-daysSince / query.RecencyHalfLifeDays);
        var frequency = Math.Min(1.0, a.ActiveDays30 / (double)query.FrequencyTargetDays);
        var breadth = Math.Min(1.0, a.Features30 / (double)query.BreadthTargetFeatures);
        var collaboration = a.CollaboratedLast30 ? 1.0 : a.CollaboratedPrior30 ? 0.5 : 0.0;
        var trend = 0.5 + (a.ActiveDays14 - a.ActiveDaysPrior14) / 28.0;
        // Days since sign-up over the tenure target; an unknown sign-up counts as half-way.
        var tenure = a.SignupDay == int.MinValue ? 0.5 : Math.Clamp((endDay - a.SignupDay) / (double)query.TenureTargetDays, 0, 1);
        var weighted = weights.Recency * recency + weights.Frequency * frequency + weights.Breadth * breadth
            + weights.Collaboration * collaboration + weights.Trend * trend + weights.Tenure * tenure;
        var score = Math.Clamp(100 * weighted / weights.Sum, 0, 100);
        var expansionReady = expandablePlan && a.Features30 >= query.ExpansionMinFeatures && a.ActiveDays30 >= query.ExpansionMinActiveDays;
        return new UserHealth(userKey, score, recency, frequency, breadth, collaboration, trend, tenure, a.ActiveDays30, a.Features30, daysSince,
            segment, plan, score < query.AtRiskBelow, expansionReady);
    }

    /// <summary>
    /// Activity counts per signed-up user as of <paramref name="dataEnd"/>; <see cref="UserActivity.LastDay"/> is int.MinValue
    /// for users with no active event in the last 90 days.
    /// </summary>
    internal static UserActivity[] Measure(EventTable table, HealthQuery query, long dataEnd)
    {
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var collaboration = new bool[table.EventNames.Length];
        foreach (var name in query.CollaborationEvents ?? [])
        {
            var code = table.EventCode(name);
            if (code >= 0) collaboration[code] = true;
        }
        var calendar = table.Calendar;
        var endDay = calendar.DayOf(dataEnd);
        var firstInstant = calendar.DayStart(endDay - HealthQuery.PopulationDays + 1);
        var timestamps = table.Timestamps;
        var codes = table.EventCodes;
        var offsets = table.UserOffsets;
        var words = (table.EventNames.Length + 63) / 64;
        var activity = new UserActivity[table.SignedUpUserCount];
        Parallel.For(0, table.SignedUpUserCount, () => new ulong[words], (user, _, seen) =>
        {
            int lastDay = int.MinValue, days30 = 0, days14 = 0, prior14 = 0, features = 0;
            bool recentCollaboration = false, priorCollaboration = false;
            var end = offsets[user + 1];
            for (var row = offsets[user]; row < end; row++)
            {
                var t = timestamps[row];
                if (t < firstInstant) continue;
                // Rows are sorted by time within the user, so nothing later can count.
                if (t > dataEnd) break;
                var code = codes[row];
                if (!active[code]) continue;
                var day = calendar.DayOf(t);
                var age = endDay - day;
                if (age < CollaborationDays && collaboration[code])
                {
                    if (age < 30) recentCollaboration = true;
                    else priorCollaboration = true;
                }
                if (age < 30)
                {
                    ref var word = ref seen[code >> 6];
                    var bit = 1UL << (code & 63);
                    if ((word & bit) == 0)
                    {
                        word |= bit;
                        features++;
                    }
                }
                if (day == lastDay) continue;
                lastDay = day;
                if (age < 30) days30++;
                if (age < 14) days14++;
                else if (age < 28) prior14++;
            }
            if (features > 0) Array.Clear(seen);
            var signupDay = table.SignupAt[user] == long.MinValue ? int.MinValue : calendar.DayOf(table.SignupAt[user]);
            activity[user] = new UserActivity(lastDay, days30, days14, prior14, features, recentCollaboration, priorCollaboration, signupDay);
            return seen;
        }, _ => { });
        return activity;
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
            var key = row.Segment ?? NoSegment;
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

    private static bool[] ExpansionPlanMask(CodedColumn? plan, IReadOnlyList<string> plans)
    {
        var mask = new bool[(plan?.Values.Length ?? 0) + 1];
        if (plan is null) return mask;
        for (var i = 0; i < plan.Values.Length; i++) mask[i + 1] = plans.Contains(plan.Values[i], StringComparer.Ordinal);
        return mask;
    }

    private static void Validate(HealthQuery query)
    {
        var w = query.Weights ?? HealthWeights.Default;
        double[] weights = [w.Recency, w.Frequency, w.Breadth, w.Collaboration, w.Trend, w.Tenure];
        if (weights.Any(x => !double.IsFinite(x) || x < 0) || !(w.Sum > 0))
            throw new SextantException($"health weights must be finite, non-negative and not all zero; got {string.Join(", ", weights.Select(x => x.ToString(CultureInfo.InvariantCulture)))}");
        if (!(query.RecencyHalfLifeDays > 0)) throw new SextantException($"health recency scale must be a positive number of days; got {query.RecencyHalfLifeDays.ToString(CultureInfo.InvariantCulture)}");
        if (query.FrequencyTargetDays is < 1 or > 30) throw new SextantException($"health frequency target must be 1 to 30 active days; got {query.FrequencyTargetDays}");
        if (query.BreadthTargetFeatures < 1) throw new SextantException($"health breadth target must be at least 1 feature; got {query.BreadthTargetFeatures}");
    }
}

/// <summary>One user's activity counts as of a data end d (local calendar days; see <see cref="HealthRunner"/>).</summary>
/// <param name="LastDay">The last active day within d − 89 … d, or int.MinValue when none.</param>
/// <param name="ActiveDays30">Active days in d − 29 … d.</param>
/// <param name="ActiveDays14">Active days in d − 13 … d.</param>
/// <param name="ActiveDaysPrior14">Active days in d − 27 … d − 14.</param>
/// <param name="Features30">Distinct active event names in d − 29 … d.</param>
/// <param name="CollaboratedLast30">A collaboration event in d − 29 … d.</param>
/// <param name="CollaboratedPrior30">A collaboration event in d − 59 … d − 30.</param>
/// <param name="SignupDay">Local day of the sign-up, or int.MinValue when unknown.</param>
internal readonly record struct UserActivity(int LastDay, int ActiveDays30, int ActiveDays14, int ActiveDaysPrior14, int Features30,
    bool CollaboratedLast30, bool CollaboratedPrior30, int SignupDay = int.MinValue);
