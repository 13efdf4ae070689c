using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Impact;

/// <summary>
/// Measures a feature's adopters and non-adopters in memory: eligible users are signed-up users
/// (cohort members, signed up in the range) observed for the adoption window and the outcome's
/// horizon by the data end; adopters used the feature within the adoption window. Users are
/// put into equal-sized strata by a propensity score — a logistic regression of adoption on
/// segment, channel, platform, sign-up quarter, activation and early activity (Rosenbaum &amp;
/// Rubin 1984) — and each stratum's outcomes are summarised.
/// </summary>
internal static class ImpactMeasurer
{
    private static readonly string[] Attributes = ["segment", "channel", "platform"];

    /// <exception cref="SextantException">The feature was never recorded, no user is eligible, or the cohort or a breakdown names something the store does not have.</exception>
    public static ImpactMeasures Measure(EventTable table, ImpactQuery query)
    {
        var feature = table.EventCode(query.Feature);
        if (feature < 0) throw new SextantException(NameCheck.Unknown("feature event", query.Feature, null, table.EventNames));
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var horizonDays = query.HorizonDays;
        var scope = UserScope.Of(table, query);
        var covariates = new CovariateEncoder(table, Attributes);
        // The project's activation criteria (activation.events), never the demo's create/edit pages.
        var activation = query.ActivationEvents.Select(table.EventCode).Distinct().ToArray();
        var outcomes = new OutcomeMeasure(table, query, horizonDays);

        var rows = new List<double[]>();
        var adopted = new List<bool>();
        var values = new List<double>();
        var users = new List<int>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue || signup < query.Range.FromMicros || !scope.Includes(user)) continue;
            var signupDay = table.Calendar.DayOf(signup);
            if (table.Calendar.DayStart(signupDay + Math.Max(horizonDays, query.AdoptionDays)) - 1 > dataEnd) continue;
            var (adopter, activated, early) = EarlyUse(table, user, signup, query.AdoptionDays, feature, activation);
            rows.Add(covariates.Encode(user, signup, activated, early));
            adopted.Add(adopter);
            values.Add(outcomes.Value(user, signup, signupDay));
            users.Add(user);
        }
        if (rows.Count == 0) throw new SextantException($"no user has been observed for {horizonDays} days after sign-up yet");

        var beta = LogisticRegression.Fit(rows, adopted);
        var propensity = rows.Select(r => LogisticRegression.Predict(beta, r)).ToArray();
        var all = Enumerable.Range(0, rows.Count).ToList();
        var sampleMau = RecentUsers.Count(table, dataEnd);
        var (unitRevenue, unitUsers) = outcomes.UnitValue(dataEnd, sampleMau);
        return new ImpactMeasures(Summary(all, adopted, values, true), Summary(all, adopted, values, false), Strata(propensity, adopted, values, query.Strata),
            users.Min(u => table.SignupAt[u]), users.Max(u => table.SignupAt[u]), sampleMau, unitRevenue, unitUsers)
        {
            Groups = query.Breakdowns.Count == 0 ? [] : Groups(scope, users, propensity, adopted, values, query.Strata),
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

    /// <summary>Each breakdown group's users summarised on their own, stratified by the overall propensity score.</summary>
    private static List<ImpactGroupMeasures> Groups(UserScope scope, List<int> users, double[] propensity, List<bool> adopted, List<double> values, int strata) =>
        Enumerable.Range(0, users.Count).GroupBy(i => scope.GroupOf(users[i]))
            .Select(g =>
            {
                var members = g.ToList();
                return new ImpactGroupMeasures(scope.Keys[g.Key], Summary(members, adopted, values, true), Summary(members, adopted, values, false),
                    Strata(members, propensity, adopted, values, strata));
            })
            .ToList();

    /// <summary>Equal-sized strata by propensity, lowest first: each one's adopters and non-adopters.</summary>
    private static List<StratumMeasures> Strata(double[] propensity, List<bool> adopted, List<double> values, int strata) =>
        Strata(Enumerable.Range(0, propensity.Length).ToList(), propensity, adopted, values, strata);

    /// <summary>Equal-sized strata of <paramref name="rows"/> by propensity, lowest first.</summary>
    private static List<StratumMeasures> Strata(List<int> rows, double[] propensity, List<bool> adopted, List<double> values, int strata)
    {
        var order = rows.OrderBy(i => propensity[i]).ToArray();
        var result = new List<StratumMeasures>();
        for (var s = 0; s < strata; s++)
        {
            var members = order[(int)((long)s * order.Length / strata)..(int)((long)(s + 1) * order.Length / strata)].ToList();
            result.Add(new StratumMeasures(Summary(members, adopted, values, true), Summary(members, adopted, values, false)));
        }
        return result;
    }

    private static OutcomeSummary Summary(List<int> members, List<bool> adopted, List<double> values, bool group)
    {
        var summary = ArmSummary.FromValues(members.Where(i => adopted[i] == group).Select(i => values[i]).ToList());
        return new OutcomeSummary(summary.N, summary.Mean, summary.Variance);
    }
}
