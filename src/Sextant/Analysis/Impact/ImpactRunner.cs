using MathNet.Numerics.Distributions;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Impact;

/// <summary>
/// Feature impact as an observational comparison: eligible users are signed-up users observed for
/// the adoption window and the outcome's horizon; adopters used the feature within the adoption
/// window. The naive estimate is the raw difference of means. The adjusted estimate stratifies on
/// a propensity score — a logistic regression of adoption on segment, channel, platform, sign-up
/// quarter, activation and early activity — into equal-sized strata and averages the
/// within-stratum differences with adopters' weights (effect on the adopters; Rosenbaum &amp; Rubin 1984).
/// </summary>
public static class ImpactRunner
{
    private static readonly string[] Attributes = ["segment", "channel", "platform"];

    /// <summary>Runs the comparison.</summary>
    /// <exception cref="SextantException">The feature was never recorded, or no user is eligible.</exception>
    public static ImpactResult Run(EventTable table, ImpactQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var feature = table.EventCode(query.Feature);
        if (feature < 0) throw new SextantException(NameCheck.Unknown("feature event", query.Feature, null, table.EventNames));
        var dataEnd = query.AsOf ?? table.MaxTimestamp;
        var horizonDays = query.Outcome == ImpactOutcome.Retention ? 60 : 365;
        var covariates = new CovariateEncoder(table, Attributes);
        // The project's activation criteria (activation.events), never the demo's create/edit pages.
        var activation = (query.ActivationEvents ?? []).Select(table.EventCode).Distinct().ToArray();
        var outcomes = new OutcomeMeasure(table, query, horizonDays);

        var rows = new List<double[]>();
        var adopted = new List<bool>();
        var values = new List<double>();
        var users = new List<int>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue) continue;
            var signupDay = table.Calendar.DayOf(signup);
            if (table.Calendar.DayStart(signupDay + Math.Max(horizonDays, query.AdoptionDays)) - 1 > dataEnd) continue;
            var (adopter, activated, early) = EarlyUse(table, user, signup, query.AdoptionDays, feature, activation);
            rows.Add(covariates.Encode(user, signup, activated, early));
            adopted.Add(adopter);
            values.Add(outcomes.Value(user, signup, signupDay));
            users.Add(user);
        }
        if (rows.Count == 0) throw new SextantException($"no user has been observed for {horizonDays} days after sign-up yet");

        var naive = Difference(Enumerable.Range(0, rows.Count).ToList(), adopted, values);
        var beta = LogisticRegression.Fit(rows, adopted);
        var propensity = rows.Select(r => LogisticRegression.Predict(beta, r)).ToArray();
        var (adjusted, dropped) = Stratified(propensity, adopted, values, query.Strata);
        var adopters = adopted.LongCount(a => a);
        var sampleMau = RecentUsers.Count(table, dataEnd);
        var (valuePerUnit, valueText) = outcomes.ValuePerUnit(dataEnd, sampleMau);
        var adoptersPerYear = adopters * 365.0 / Math.Max(1, SpanDays(table, users));
        var incremental = adjusted.Difference * adoptersPerYear * valuePerUnit;
        return new ImpactResult(query.Feature, query.Outcome, rows.Count, adopters,
            Mean(values, adopted, true), Mean(values, adopted, false), naive, adjusted, dropped,
            activation.Length == 0
                ? ["segment", "channel", "platform", "sign-up quarter", "active days in the adoption window"]
                : ["segment", "channel", "platform", "sign-up quarter", $"activated ({string.Join(" + ", query.ActivationEvents!)}) within the adoption window", "active days in the adoption window"],
            incremental, valueText,
            "observational association: adopters chose to adopt; the adjusted estimate accounts only for the covariates listed, not for anything unmeasured")
        {
            IncrementalAnnualRevenueExtrapolated = query.BusinessMau is { } mau && sampleMau > 0 ? incremental * mau / sampleMau : null,
        };
    }

    /// <summary>One pass over the adoption window: the feature used, activation (every activation event; never without any), active days.</summary>
    private static (bool Adopter, bool Activated, int ActiveDays) EarlyUse(EventTable table, int user, long signup, int days, int feature, int[] activation)
    {
        var end = signup + days * Timestamp.MicrosPerDay;
        var adopter = false;
        var done = new bool[activation.Length];
        var activeDays = 0;
        var lastDay = int.MinValue;
        for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
        {
            var t = table.Timestamps[row];
            if (t < signup) continue;
            if (t > end) break;
            var code = table.EventCodes[row];
            adopter |= code == feature;
            for (var i = 0; i < activation.Length; i++) done[i] |= code == activation[i];
            var day = table.Calendar.DayOf(t);
            if (day != lastDay) { activeDays++; lastDay = day; }
        }
        return (adopter, activation.Length > 0 && done.All(d => d), activeDays);
    }

    private static double Mean(List<double> values, List<bool> adopted, bool group)
    {
        double sum = 0;
        long n = 0;
        for (var i = 0; i < values.Count; i++)
            if (adopted[i] == group) { sum += values[i]; n++; }
        return n == 0 ? 0 : sum / n;
    }

    private static EffectEstimate Difference(List<int> members, List<bool> adopted, List<double> values)
    {
        var treated = ArmSummary.FromValues(members.Where(i => adopted[i]).Select(i => values[i]).ToList());
        var control = ArmSummary.FromValues(members.Where(i => !adopted[i]).Select(i => values[i]).ToList());
        var se = Math.Sqrt(treated.VarianceOfMean + control.VarianceOfMean);
        var d = treated.Mean - control.Mean;
        return new EffectEstimate(d, se, d - Proportions.Z95 * se, d + Proportions.Z95 * se);
    }

    /// <summary>Equal-sized propensity strata; Σ (n_t,s / n_t)(ȳ_t,s − ȳ_c,s) with variance Σ (n_t,s / n_t)²(v_t,s/n_t,s + v_c,s/n_c,s).</summary>
    private static (EffectEstimate Estimate, long Dropped) Stratified(double[] propensity, List<bool> adopted, List<double> values, int strata)
    {
        var order = Enumerable.Range(0, propensity.Length).OrderBy(i => propensity[i]).ToArray();
        double estimate = 0, variance = 0, kept = 0;
        long dropped = 0;
        for (var s = 0; s < strata; s++)
        {
            var members = order[(int)((long)s * order.Length / strata)..(int)((long)(s + 1) * order.Length / strata)].ToList();
            var treated = ArmSummary.FromValues(members.Where(i => adopted[i]).Select(i => values[i]).ToList());
            var control = ArmSummary.FromValues(members.Where(i => !adopted[i]).Select(i => values[i]).ToList());
            if (treated.N == 0) continue;
            if (control.N == 0)
            {
                dropped += treated.N;
                continue;
            }
            kept += treated.N;
            estimate += treated.N * (treated.Mean - control.Mean);
            variance += (double)treated.N * treated.N * (treated.VarianceOfMean + control.VarianceOfMean);
        }
        if (kept == 0) return (new EffectEstimate(0, 0, 0, 0), dropped);
        var difference = estimate / kept;
        var se = Math.Sqrt(variance) / kept;
        return (new EffectEstimate(difference, se, difference - Proportions.Z95 * se, difference + Proportions.Z95 * se), dropped);
    }

    private static double SpanDays(EventTable table, List<int> users)
    {
        if (users.Count == 0) return 1;
        var first = users.Min(u => table.SignupAt[u]);
        var last = users.Max(u => table.SignupAt[u]);
        return Math.Max(1, (last - first) / (double)Timestamp.MicrosPerDay);
    }

    /// <summary>Two-sided normal p-value of an estimate, for reports.</summary>
    public static double PValue(EffectEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return estimate.StandardError > 0 ? 2 * (1 - Normal.CDF(0, 1, Math.Abs(estimate.Difference / estimate.StandardError))) : 1;
    }
}
