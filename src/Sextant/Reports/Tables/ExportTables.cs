using Sextant.Analysis.Experiments;
using Sextant.Analysis.Health;
using Sextant.Events;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Reports.Tables;

/// <summary>
/// Every table <c>sextant export</c> writes: the events as the engine sees them, and each result of
/// a report (engagement series, feature adoption, funnel steps and breakdown, retention curve and
/// matrix, revenue, LTV, experiment arms and comparisons, user health, and the cohort marts).
/// </summary>
public static class ExportTables
{
    /// <summary>The result tables of a report's analyses.</summary>
    public static IReadOnlyList<ResultTable> Results(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var tables = new List<ResultTable>
        {
            AnalysisTables.Engagement(inputs.Metrics),
            AnalysisTables.FeatureAdoption(inputs.Metrics),
            AnalysisTables.FunnelSteps(inputs.Funnel),
            AnalysisTables.FunnelBreakdown(inputs.ChannelFunnel) with { Name = "segment_funnel" },
            AnalysisTables.CohortRetention(inputs.Retention),
            AnalysisTables.RetentionMatrix(inputs.Retention),
            AnalysisTables.RevenueMonths(inputs.Revenue),
            AnalysisTables.LtvByCohort(inputs.Revenue),
            ExperimentArms(inputs.Experiments),
            ExperimentComparisons(inputs.Experiments),
            UserHealth(inputs.Health),
        };
        // The cohort marts, when the report computed them: cohort_funnel, cohort_engagement, cohort_feature_adoption, user_health_mart.
        if (inputs.Marts is { } marts) tables.AddRange(MartTables.All(marts));
        return tables;
    }

    /// <summary>
    /// events: one row per stored event in the engine's order (by user, then time), with the user
    /// after identity resolution, the event, its instant and the built-in columns.
    /// </summary>
    public static ResultTable Events(EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] builtIn = ["event_id", "platform", "session_id", "workspace_id", "revenue", "source"];
        var columns = builtIn.Select(table.Property).ToArray();
        var users = table.UserKeys;
        var userIndex = table.UserIndex;
        var rows = new object?[table.EventCount][];
        for (var row = 0; row < rows.Length; row++)
        {
            var values = new object?[3 + columns.Length];
            values[0] = users[userIndex[row]];
            values[1] = table.EventNames[table.EventCodes[row]];
            values[2] = table.Timestamps[row];
            for (var c = 0; c < columns.Length; c++) values[3 + c] = columns[c][row];
            rows[row] = values;
        }
        return ResultTable.Of("events", rows, [("user_id", Text), ("event", Text), ("timestamp", Instant), .. builtIn.Select(name => (name, Text))]);
    }

    /// <summary>experiment_arms: per experiment, metric and arm, the users and the per-user mean and variance.</summary>
    public static ResultTable ExperimentArms(IReadOnlyList<ExperimentResult> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var rows = experiments.SelectMany(e => e.Metrics.SelectMany(m => m.Arms.Select(arm => new object?[]
            { e.Experiment, m.Name, arm.Variant, arm.Variant == e.Control, arm.N, arm.Mean, arm.Variance })));
        return ResultTable.Of("experiment_arms", rows, ("experiment", Text), ("metric", Text), ("variant", Text), ("is_control", Flag),
            ("users", Integer), ("mean", Real), ("variance", Real));
    }

    /// <summary>experiment_comparisons: each treatment against the control on each metric, with intervals and p-values.</summary>
    public static ResultTable ExperimentComparisons(IReadOnlyList<ExperimentResult> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var rows = experiments.SelectMany(e => e.Metrics.SelectMany(m => m.Comparisons.Select(c => new object?[]
        {
            e.Experiment, m.Name, e.Control, c.Variant, c.AbsoluteLift, c.CiLow, c.CiHigh, c.RelativeLift, c.RelativeCiLow, c.RelativeCiHigh,
            c.PValue, c.AdjustedPValue, c.ChanceToWin, c.ExpectedLoss, c.Significant, m.Test, m.CupedTheta,
        })));
        return ResultTable.Of("experiment_comparisons", rows, ("experiment", Text), ("metric", Text), ("control", Text), ("variant", Text),
            ("absolute_lift", Real), ("ci_low", Real), ("ci_high", Real), ("relative_lift", Real), ("relative_ci_low", Real), ("relative_ci_high", Real),
            ("p_value", Real), ("adjusted_p_value", Real), ("chance_to_win", Real), ("expected_loss", Real), ("significant", Flag), ("test", Text), ("cuped_theta", Real));
    }

    /// <summary>user_health: one row per scored user (the columns of user_health.csv).</summary>
    public static ResultTable UserHealth(HealthResult health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var rows = health.Users.Select(u => new object?[]
        {
            u.UserKey, u.Score, u.Recency, u.Frequency, u.Breadth, u.Collaboration, u.Trend, u.Tenure, (long)u.ActiveDaysLast30, (long)u.Features,
            u.Segment, u.Plan, u.AtRisk, u.ExpansionReady,
        });
        return ResultTable.Of("user_health", rows, ("user_id", Text), ("score", Real), ("recency", Real), ("frequency", Real), ("breadth", Real),
            ("collaboration", Real), ("trend", Real), ("tenure", Real), ("active_days_30", Integer), ("features_30", Integer), ("segment", Text),
            ("plan", Text), ("at_risk", Flag), ("expansion_ready", Flag));
    }
}
