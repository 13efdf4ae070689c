using MathNet.Numerics.Distributions;
using Sextant.Stats;

namespace Sextant.Analysis.Growth;

/// <summary>
/// Models growth levers on measured baselines. Revenue is taken as proportional to the rate a
/// lever moves within its audience, so a lever adds AnnualRevenue × audience × uplift, reached
/// linearly over its ramp-up. Uplifts are drawn from a triangular (low, likely, high)
/// distribution and each lever works with probability = its confidence; 10,000 seeded draws give
/// P10 / P50 / P90. Levers acting together multiply revenue (1 + a₁u₁)(1 + a₂u₂)…, never add.
/// </summary>
public static partial class GrowthShaper
{
    /// <summary>Runs the model on baselines.</summary>
    /// <exception cref="SextantException">A lever with an uplift range out of order, or a confidence outside 0–1.</exception>
    public static GrowthResult Model(GrowthBaseline baseline, IReadOnlyList<GrowthLever> levers, double yearlyGrowth, int draws = 10_000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(levers);
        foreach (var lever in levers)
            if (!(lever.UpliftLow <= lever.UpliftLikely && lever.UpliftLikely <= lever.UpliftHigh) || lever.Confidence is < 0 or > 1 || lever.EffortMonths <= 0 || lever.RampUpMonths < 0)
                throw new SextantException($"growth lever '{lever.Name}': needs low ≤ likely ≤ high uplift, a confidence from 0 to 1, a positive effort and a ramp-up of 0 or more months");
        var audience = levers.Select(l => baseline.Rates.Single(r => r.Rate == l.Rate).AudienceShare).ToArray();
        var random = new Random(seed);
        var impacts = new List<LeverImpact>();
        for (var i = 0; i < levers.Count; i++)
        {
            var lever = levers[i];
            var perYear = baseline.AnnualRevenue * audience[i] * RampFactor(lever.RampUpMonths);
            var conditional = new double[draws];
            var unconditional = new double[draws];
            for (var d = 0; d < draws; d++)
            {
                conditional[d] = perYear * Uplift(lever, random);
                unconditional[d] = random.NextDouble() < lever.Confidence ? conditional[d] : 0;
            }
            var expected = conditional.Average();
            impacts.Add(new LeverImpact(lever.Name, lever.Rate, baseline.Rates.Single(r => r.Rate == lever.Rate).Baseline, audience[i], lever.UpliftLow, lever.UpliftLikely, lever.UpliftHigh,
                lever.Confidence, lever.EffortMonths, lever.RampUpMonths, Percentile(unconditional, 0.1), Percentile(unconditional, 0.5), Percentile(unconditional, 0.9),
                expected, expected * lever.Confidence / lever.EffortMonths, 0));
        }
        var ranked = impacts.OrderByDescending(l => l.Score).Select((l, i) => l with { Rank = i + 1 }).ToList();
        var top = ranked.Take(3).Select(l => levers.First(x => x.Name == l.Lever)).ToList();
        var topAudience = top.Select(l => audience[levers.ToList().IndexOf(l)]).ToArray();
        var (projection, p10, p50, p90) = Project(baseline, top, topAudience, yearlyGrowth, draws, random);
        return new GrowthResult(
            baseline.Extrapolated
                ? "modelled and extrapolated: measured baselines scaled by business.mau / sample MAU; uplifts, confidence, effort and ramp-up are assumptions"
                : "modelled on the sample's own revenue (business.mau is not set, so nothing is extrapolated); uplifts, confidence, effort and ramp-up are assumptions",
            baseline, draws, seed, ranked, top.Select(l => l.Name).ToList(), projection, p10, p50, p90, Sensitivity(baseline, top, topAudience, yearlyGrowth, out var likely), likely);
    }

    /// <summary>Average share of the full effect over the first 12 months with a linear ramp: (1/12) Σ min(1, m / ramp).</summary>
    internal static double RampFactor(double rampMonths) =>
        Enumerable.Range(1, 12).Average(m => Ramp(m, rampMonths));

    private static double Ramp(int month, double rampMonths) => rampMonths <= 0 ? 1 : Math.Min(1, month / rampMonths);

    private static double Uplift(GrowthLever lever, Random random) =>
        lever.UpliftLow == lever.UpliftHigh ? lever.UpliftLikely : Triangular.Sample(random, lever.UpliftLow, lever.UpliftHigh, lever.UpliftLikely);

    private static (List<ProjectionMonth> Months, double P10, double P50, double P90) Project(
        GrowthBaseline baseline, List<GrowthLever> top, double[] audience, double yearlyGrowth, int draws, Random random)
    {
        var monthly = new double[12, draws];
        var additional = new double[draws];
        var cumulative = new double[12, draws];
        var uplift = new double[top.Count];
        for (var d = 0; d < draws; d++)
        {
            for (var i = 0; i < top.Count; i++) uplift[i] = random.NextDouble() < top[i].Confidence ? Uplift(top[i], random) : 0;
            var sum = 0.0;
            for (var m = 1; m <= 12; m++)
            {
                var factor = 1.0;
                for (var i = 0; i < top.Count; i++) factor *= 1 + audience[i] * uplift[i] * Ramp(m, top[i].RampUpMonths);
                var without = BaselineMonth(baseline, yearlyGrowth, m);
                monthly[m - 1, d] = without * factor;
                sum += without * (factor - 1);
                cumulative[m - 1, d] = sum;
            }
            additional[d] = sum;
        }
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var revenue = Enumerable.Range(0, draws).Select(d => monthly[m - 1, d]).ToArray();
            var added = Enumerable.Range(0, draws).Select(d => cumulative[m - 1, d]).ToArray();
            return new ProjectionMonth(m, BaselineMonth(baseline, yearlyGrowth, m), Percentile(revenue, 0.1), Percentile(revenue, 0.5), Percentile(revenue, 0.9), Percentile(added, 0.5));
        }).ToList();
        return (months, Percentile(additional, 0.1), Percentile(additional, 0.5), Percentile(additional, 0.9));
    }

    private static double Percentile(double[] values, double q) => Quantiles.Of([.. values], q) ?? 0;

    private static double BaselineMonth(GrowthBaseline baseline, double yearlyGrowth, int month) =>
        baseline.AnnualRevenue / 12 * Math.Pow(1 + yearlyGrowth, month / 12.0);

    /// <summary>12-month additional revenue of the top levers at likely values, all working, with one input moved.</summary>
    private static List<SensitivityRow> Sensitivity(GrowthBaseline baseline, List<GrowthLever> top, double[] audience, double yearlyGrowth, out double likely)
    {
        double Deterministic(Func<int, (double Uplift, double Audience, double Ramp)> inputs)
        {
            var total = 0.0;
            for (var m = 1; m <= 12; m++)
            {
                var factor = 1.0;
                for (var i = 0; i < top.Count; i++)
                {
                    var (u, a, r) = inputs(i);
                    factor *= 1 + a * u * Ramp(m, r);
                }
                total += BaselineMonth(baseline, yearlyGrowth, m) * (factor - 1);
            }
            return total;
        }
        likely = Deterministic(i => (top[i].UpliftLikely, audience[i], top[i].RampUpMonths));
        var rows = new List<SensitivityRow>();
        for (var moved = 0; moved < top.Count; moved++)
        {
            var lever = top[moved];
            var j = moved;
            (double, double, double) Likely(int i) => (top[i].UpliftLikely, audience[i], top[i].RampUpMonths);
            void Add(string parameter, double low, double high, Func<double, (double, double, double)> with)
            {
                var atLow = Deterministic(i => i == j ? with(low) : Likely(i));
                var atHigh = Deterministic(i => i == j ? with(high) : Likely(i));
                rows.Add(new SensitivityRow(lever.Name, parameter, low, high, atLow, atHigh, Math.Abs(atHigh - atLow)));
            }
            Add("uplift", lever.UpliftLow, lever.UpliftHigh, v => (v, audience[j], lever.RampUpMonths));
            Add("audience", audience[j] * 0.75, Math.Min(1, audience[j] * 1.25), v => (lever.UpliftLikely, v, lever.RampUpMonths));
            Add("ramp_up_months", lever.RampUpMonths * 1.5, lever.RampUpMonths * 0.5, v => (lever.UpliftLikely, audience[j], v));
        }
        return [.. rows.OrderByDescending(r => r.Swing)];
    }
}
