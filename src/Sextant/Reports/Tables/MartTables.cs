using Sextant.Analysis.Marts;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Reports.Tables;

/// <summary>
/// The cohort marts as plain tables (docs/MARTS.md): the files <c>sextant marts --out</c> writes, and the tables
/// <c>sextant export</c> and data tests see under the same names.
/// </summary>
public static class MartTables
{
    /// <summary>The four mart tables: cohort_funnel, cohort_engagement, cohort_feature_adoption and user_health_mart.</summary>
    public static IReadOnlyList<ResultTable> All(MartsResult marts)
    {
        ArgumentNullException.ThrowIfNull(marts);
        return [CohortFunnel(marts.Funnel), CohortEngagement(marts.Engagement), CohortFeatureAdoption(marts.Engagement), UserHealthMart(marts.Health)];
    }

    /// <summary>
    /// cohort_funnel: one row per sign-up month, oldest first: cohort, cohort_size, complete, then per step i (from 1) its name
    /// (step_i), users (step_i_users), conversion from the previous step (step_i_from_previous, for step 1 from the cohort) with
    /// its Wilson interval (step_i_ci_low, step_i_ci_high) and from the cohort (step_i_from_cohort, step_i_cohort_ci_low,
    /// step_i_cohort_ci_high). Without a funnel, the first three columns and no rows.
    /// </summary>
    public static ResultTable CohortFunnel(CohortFunnelResult? funnel)
    {
        var columns = new List<(string, TableColumnType)> { ("cohort", Text), ("cohort_size", Integer), ("complete", Flag) };
        var steps = funnel?.Steps.Count ?? 0;
        for (var i = 1; i <= steps; i++)
            columns.AddRange([($"step_{i}", Text), ($"step_{i}_users", Integer), ($"step_{i}_from_previous", Real), ($"step_{i}_ci_low", Real), ($"step_{i}_ci_high", Real),
                ($"step_{i}_from_cohort", Real), ($"step_{i}_cohort_ci_low", Real), ($"step_{i}_cohort_ci_high", Real)]);
        var rows = (funnel?.Cohorts ?? []).Select(row => (object?[])[row.Cohort, row.CohortSize, row.Complete,
            .. row.Steps.SelectMany(s => new object?[] { s.Name, s.Users, s.FromPrevious, s.CiLow, s.CiHigh, s.FromCohort, s.CohortCiLow, s.CohortCiHigh })]);
        return ResultTable.Of("cohort_funnel", rows, [.. columns]);
    }

    /// <summary>cohort_engagement: one row per sign-up cohort and month since its sign-up month.</summary>
    public static ResultTable CohortEngagement(CohortEngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var rows = engagement.Months.Select(r => new object?[]
            { r.Cohort, r.CohortSize, r.Month, (long)r.MonthsSinceSignup, (long)r.Days, r.ActiveUsers, r.MeanDau, r.Stickiness, r.RetainedShare, r.CiLow, r.CiHigh, r.Complete });
        return ResultTable.Of("cohort_engagement", rows, ("cohort", Text), ("cohort_size", Integer), ("month", Text), ("months_since_signup", Integer),
            ("days", Integer), ("active_users", Integer), ("mean_dau", Real), ("stickiness", Real), ("retained_share", Real), ("ci_low", Real), ("ci_high", Real), ("complete", Flag));
    }

    /// <summary>cohort_feature_adoption: one row per sign-up cohort and feature.</summary>
    public static ResultTable CohortFeatureAdoption(CohortEngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var rows = engagement.Adoption.Select(r => new object?[]
            { r.Cohort, r.CohortSize, r.Feature, r.Adopters, r.Rate, r.CiLow, r.CiHigh, r.EarlyAdopters, r.EarlyRate, r.EarlyCiLow, r.EarlyCiHigh, r.Complete });
        return ResultTable.Of("cohort_feature_adoption", rows, ("cohort", Text), ("cohort_size", Integer), ("feature", Text), ("adopters", Integer), ("rate", Real),
            ("ci_low", Real), ("ci_high", Real), ("adopters_30d", Integer), ("rate_30d", Real), ("ci_low_30d", Real), ("ci_high_30d", Real), ("complete_30d", Flag));
    }

    /// <summary>user_health_mart: one row per scored user, the plan read from the subscriptions and where it came from.</summary>
    public static ResultTable UserHealthMart(UserHealthMart health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var rows = health.Rows.Select(u => new object?[]
        {
            u.UserKey, u.Score, u.AtRisk, u.ExpansionReady, u.Plan, u.PlanFromSubscription ? "subscriptions" : "profile", (long)u.Features, (long)u.ActiveDaysLast30,
            (long)u.DaysSinceActive, u.Segment, u.Recency, u.Frequency, u.Breadth, u.Collaboration, u.Trend, u.Tenure,
        });
        return ResultTable.Of("user_health_mart", rows, ("user_id", Text), ("score", Real), ("at_risk", Flag), ("expansion_ready", Flag), ("plan", Text),
            ("plan_source", Text), ("features_30", Integer), ("active_days_30", Integer), ("days_since_active", Integer), ("segment", Text),
            ("recency", Real), ("frequency", Real), ("breadth", Real), ("collaboration", Real), ("trend", Real), ("tenure", Real));
    }
}
