using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;

namespace Sextant.Tests.Analysis.Experiments;

/// <summary>The generator's planted experiments, recovered end to end, and simulated A/A tests.</summary>
public sealed class ExperimentPlantedTruthTests(StoredScenarioFixture fixture) : IClassFixture<StoredScenarioFixture>
{
    [Fact]
    public void The_planted_onboarding_lift_is_inside_the_interval_and_ships()
    {
        var dealt = fixture.Scenario.Data.Truth.ActivationByExperimentArm["onboarding_checklist"];
        var lift = dealt["treatment"] - dealt["control"];

        var result = new InMemoryEngine(fixture.Table).Run(new ExperimentQuery("onboarding_checklist", [MetricSpecText.Parse("conversion:edit_page:within=7d")]));

        var comparison = result.Metrics[0].Comparisons.Single();
        Assert.InRange(lift, comparison.CiLow, comparison.CiHigh);
        Assert.False(result.Srm.Mismatch);
        Assert.Equal("ship", result.Verdict.Decision.Code());
    }

    [Fact]
    public void The_planted_ios_harm_of_the_editor_redesign_is_flagged_by_its_guardrail()
    {
        var planted = fixture.Scenario.Data.Truth.Scenario.Experiments.Single(e => e.Name == "editor_redesign");
        var query = new ExperimentQuery("editor_redesign", [MetricSpecText.Parse("count:" + planted.Goal)],
            Guardrails: [new Guardrail(MetricSpecText.Parse(planted.Guardrail!), 0.02)], Segments: [Breakdown.Profile("platform")]);

        var result = new InMemoryEngine(fixture.Table).Run(query);

        var harmed = Assert.Single(result.Guardrails, g => g.Harmed);
        Assert.Equal("platform=" + planted.HarmedPlatform, harmed.Segment);
        Assert.Equal("dont_ship", result.Verdict.Decision.Code());
        Assert.Contains(result.Segments, s => s.Value == planted.HarmedPlatform && s.Metric == planted.Guardrail && s.Heterogeneous);
    }

    [Fact]
    public void Five_hundred_simulated_aa_tests_reject_about_five_percent_of_the_time()
    {
        var spec = MetricSpecText.Parse("conversion:edit_page:within=7d");
        var query = new ExperimentQuery("aa", [spec]);
        var table = fixture.Table;
        var assignments = table.Assignments;
        var experiment = Array.IndexOf(assignments.ExperimentNames, "onboarding_checklist");
        var exposures = Enumerable.Range(0, assignments.Count).Where(i => assignments.Experiment[i] == experiment && assignments.Variant[i] == "control")
            .Select(i => new Exposure(assignments.User[i], 0, assignments.AssignedAt[i])).ToArray();
        var measurement = MetricMeasurement.Measure(table, spec, ActiveEvents.Mask(table, null), exposures, long.MaxValue / 4, table.MaxTimestamp, cuped: false);
        var random = new Random(2026);

        var rejections = 0;
        for (var run = 0; run < 500; run++)
        {
            var split = exposures.Select(e => e with { Arm = random.Next(2) }).ToArray();
            var result = MetricAnalysis.FromSums(spec, ["a", "b"], measurement.SumsByArm(split, 2), cuped: false, query, measurement.Proportion);
            if (result.Comparisons[0].PValue < 0.05) rejections++;
        }

        // Only control users, split at random: every rejection is a false positive. 5% ± 2%.
        Assert.InRange(rejections / 500.0, 0.03, 0.07);
    }
}
