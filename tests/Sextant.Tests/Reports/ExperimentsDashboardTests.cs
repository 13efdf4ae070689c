using Sextant.Reports.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

/// <summary>Chart ids of the experiments dashboard: one experiment's charts never take another's id.</summary>
public sealed class ExperimentsDashboardTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    [Fact]
    public void Experiments_whose_names_differ_only_in_case_or_punctuation_get_different_chart_ids()
    {
        // Given two experiments named "Onboarding-Checklist" and "onboarding checklist"
        var experiment = fixture.Inputs.Experiments[0];
        var inputs = fixture.Inputs with
        {
            Experiments = [experiment with { Experiment = "Onboarding-Checklist" }, experiment with { Experiment = "onboarding checklist" }],
        };

        // When the experiments dashboard is built
        var charts = ExperimentsDashboard.Build(inputs).Charts;

        // Then every chart has its own id, each experiment has its primary-metric chart, and ids stay [a-z0-9_]
        Assert.Equal(charts.Count, charts.Select(c => c.Id).Distinct().Count());
        Assert.Equal(2, charts.Count(c => c.Id.EndsWith("_metric_0", StringComparison.Ordinal)));
        Assert.All(charts, c => Assert.Matches("^[a-z0-9_]+$", c.Id));
    }

    [Fact]
    public void An_experiment_name_shared_by_no_other_keeps_its_readable_chart_id()
    {
        // Given names whose readable forms differ, and two that share one
        var ids = ExperimentsDashboard.Identifiers(["Pricing Test", "a.b", "A_B"]);

        // Then the lone name keeps the readable id, and the pair carry a hash of their exact names
        Assert.Equal("pricing_test", ids["Pricing Test"]);
        Assert.Matches("^a_b_[0-9a-f]{8}$", ids["a.b"]);
        Assert.Matches("^a_b_[0-9a-f]{8}$", ids["A_B"]);
        Assert.NotEqual(ids["a.b"], ids["A_B"]);
    }
}
