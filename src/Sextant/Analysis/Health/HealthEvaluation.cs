using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Health;

/// <summary>How well the at-risk flag, computed at a cutoff, predicted churn in the 30 days after it.</summary>
/// <param name="Cutoff">The cutoff (UTC µs): health used only events at or before it.</param>
/// <param name="Users">Signed-up users active in the 30 days ending on the cutoff's day (the evaluated population).</param>
/// <param name="Churned">Of them, users with no active event in the 30 days after the cutoff.</param>
/// <param name="AtRisk">Of them, users flagged at risk at the cutoff.</param>
/// <param name="AtRiskChurned">Users both flagged at risk and churned.</param>
/// <param name="Precision">AtRiskChurned / AtRisk: the churn rate among flagged users (0 when none are flagged).</param>
/// <param name="Recall">AtRiskChurned / Churned: the share of churners that were flagged (0 when nobody churned).</param>
/// <param name="BaseRate">Churned / Users: the churn rate of the whole population (0 when empty).</param>
/// <param name="Lift">Precision / BaseRate: how many times likelier a flagged user is to churn than the average one (0 when the base rate is 0).</param>
public sealed record ChurnPrediction(long Cutoff, long Users, long Churned, long AtRisk, long AtRiskChurned,
    double Precision, double Recall, double BaseRate, double Lift);

/// <summary>Back-tests of the health score against what users went on to do.</summary>
public static class HealthEvaluation
{
    /// <summary>The churn horizon: 30 days (30 × 24 hours) after the cutoff instant.</summary>
    public const int ChurnDays = 30;

    /// <summary>
    /// Computes health as of <paramref name="cutoff"/> (events after it ignored; the end of the query's own range is replaced) for users
    /// active in the 30 days ending on the cutoff's day, then calls a user churned when they have no active event in
    /// (cutoff, cutoff + 30 × 24 h]. Precision and recall are those of the at-risk flag as a churn prediction.
    /// </summary>
    /// <exception cref="SextantException">The 30 days after the cutoff end after the data end, so churn is not yet observable.</exception>
    public static ChurnPrediction ChurnPrediction(EventTable table, HealthQuery query, long cutoff)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var horizon = cutoff + ChurnDays * Timestamp.MicrosPerDay;
        if (horizon > table.MaxTimestamp)
            throw new SextantException($"churn needs {ChurnDays} days of data after the cutoff; the cutoff must be at least {ChurnDays} days before the data end");

        var health = new InMemoryEngine(table).Run(query with { Range = new TimeRange(query.Range.From, new Timestamp(cutoff + 1)) });
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var slots = new Dictionary<string, int>(table.SignedUpUserCount, StringComparer.Ordinal);
        for (var user = 0; user < table.SignedUpUserCount; user++) slots[table.UserKeys[user]] = user;
        long users = 0, churned = 0, atRisk = 0, both = 0;
        foreach (var row in health.Users)
        {
            if (row.ActiveDaysLast30 == 0) continue;
            var isChurned = !ActiveBetween(table, active, slots[row.UserKey], cutoff, horizon);
            users++;
            if (isChurned) churned++;
            if (row.AtRisk) atRisk++;
            if (row.AtRisk && isChurned) both++;
        }
        var precision = atRisk == 0 ? 0 : both / (double)atRisk;
        var recall = churned == 0 ? 0 : both / (double)churned;
        var baseRate = users == 0 ? 0 : churned / (double)users;
        return new ChurnPrediction(cutoff, users, churned, atRisk, both, precision, recall, baseRate, baseRate == 0 ? 0 : precision / baseRate);
    }

    /// <summary>True when the user has an active event in (after, until].</summary>
    private static bool ActiveBetween(EventTable table, bool[] active, int user, long after, long until)
    {
        for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
        {
            var t = table.Timestamps[row];
            if (t > until) return false;
            if (t > after && active[table.EventCodes[row]]) return true;
        }
        return false;
    }
}
