namespace Sextant.Reports.Dashboards;

/// <summary>Every dashboard, in the order the index and navigation list them.</summary>
public static class DashboardSet
{
    /// <summary>Builds every dashboard from the analyses' results; the executive summary comes first.</summary>
    public static IReadOnlyList<Dashboard> Build(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var pages = new List<Dashboard>
        {
            NorthStarDashboard.Build(inputs),
            EngagementDashboard.Build(inputs),
            FunnelDashboard.Build(inputs),
            RetentionDashboard.Build(inputs),
            AdoptionDashboard.Build(inputs),
            PowerUsersDashboard.Build(inputs),
            PathsDashboard.Build(inputs),
            ExperimentsDashboard.Build(inputs),
            GrowthDashboard.Build(inputs),
            RevenueDashboard.Build(inputs),
            HealthDashboard.Build(inputs),
        };
        pages.Insert(0, ExecutiveDashboard.Build(inputs, pages));
        return pages;
    }
}
