using Sextant.Analysis.Experiments;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Experiments;

/// <summary>Experiment analysis on the tiny hand-made stores of <see cref="ExperimentFixtures"/>, whose answers are worked out by hand.</summary>
public sealed class ExperimentRunnerTests
{
    private static ExperimentResult Run(SemanticsCase<ExperimentQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void A_user_exposed_to_two_variants_is_excluded_and_counted_and_the_control_comes_first()
    {
        var result = Run(ExperimentFixtures.TwoVariants);

        Assert.Equal([("control", 1L), ("treatment", 1L)], result.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal(1, result.ExcludedMultipleExposure);
    }

    [Fact]
    public void Users_known_only_from_their_assignment_are_in_the_experiment_and_score_zero()
    {
        // Given four assigned users, two per arm, of whom only one per arm has an event (and none has a profile),
        // when conversion and count are analysed
        var result = Run(ExperimentFixtures.AssignedOnly);

        // Then every assigned user is counted: 1 of 2 converts in each arm (not 1 of 1), and the users
        // without events are in n with value 0, so the count's sample variance is that of {1, 0}: 0.5.
        Assert.Equal([("control", 2L), ("treatment", 2L)], result.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal([(2L, 0.5, 0.25), (2L, 0.5, 0.25)], result.Metrics[0].Arms.Select(a => (a.N, a.Mean, a.Variance)));
        Assert.Equal([(2L, 0.5, 0.5), (2L, 0.5, 0.5)], result.Metrics[1].Arms.Select(a => (a.N, a.Mean, a.Variance)));
    }

    [Fact]
    public void Count_metrics_give_per_arm_mean_and_variance_and_a_welch_comparison()
    {
        // Control counts 0, 1, 2 (mean 1, variance 1); treatment 2, 3, 4 (mean 3, variance 1).
        var metric = Run(ExperimentFixtures.Welch).Metrics.Single();

        Assert.Equal([("control", 3L, 1.0, 1.0), ("treatment", 3L, 3.0, 1.0)], metric.Arms.Select(a => (a.Variant, a.N, a.Mean, a.Variance)));
        var comparison = metric.Comparisons.Single();
        Assert.Equal(2, comparison.AbsoluteLift, 12);
        Assert.Equal(2, comparison.RelativeLift!.Value, 12);
        // Welch: t = 2 / √(1/3 + 1/3) = 2.449490, df = 4; two-sided p = 0.070484 (Student t, 4 df).
        Assert.Equal(0.070484, comparison.PValue, 5);
        Assert.Equal("welch_t", metric.Test);
        Assert.True(metric.SmallSample);
    }

    [Fact]
    public void Conversion_within_a_window_leaves_out_users_whose_window_has_not_ended()
    {
        // a converts on day 7 exactly (inside), b on day 8 (outside), c converts, late is exposed 2 days before the data end.
        var metric = Run(ExperimentFixtures.ConversionWindow).Metrics.Single();

        Assert.Equal([(2L, 0.5), (1L, 1.0)], metric.Arms.Select(a => (a.N, a.Mean)));
        Assert.Equal(0.25, metric.Arms[0].Variance, 12); // p(1 − p)
        Assert.Equal("fisher_exact", metric.Test); // fewer than 5 successes
        // Exact Beta–Binomial with uniform priors: treatment Beta(2, 1), control Beta(2, 2);
        // P(T > C) = ∫ (1 − c²)·6c(1 − c) dc = 6(1/2 − 1/3 − 1/4 + 1/5) = 0.7.
        Assert.Equal(0.7, metric.Comparisons.Single().ChanceToWin, 9);
    }

    [Fact]
    public void A_ratio_metric_uses_the_ratio_of_sums_per_arm()
    {
        var metric = Run(ExperimentFixtures.RatioOfSums).Metrics.Single();

        Assert.Equal(0.25, metric.Arms[0].Mean, 12); // 1 comment / 4 views
        Assert.Equal(1.0, metric.Arms[1].Mean, 12);
    }

    [Fact]
    public void Sample_ratio_mismatch_makes_the_verdict_inconclusive()
    {
        var result = Run(ExperimentFixtures.SampleRatioMismatch);

        // χ² = (150 − 100)²/100 + (50 − 100)²/100 = 50.
        Assert.Equal(50, result.Srm.Chi2, 9);
        Assert.True(result.Srm.Mismatch);
        Assert.Equal("inconclusive", result.Verdict.Decision.Code());
    }

    [Fact]
    public void Unknown_experiments_and_controls_are_named()
    {
        var table = ExperimentFixtures.UnknownControl.Data.Load();

        Assert.Contains("experiments: exp", Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(ExperimentFixtures.UnknownExperiment.Query)).Message, StringComparison.Ordinal);
        Assert.Contains("no control variant 'control' (variants: A)", Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(ExperimentFixtures.UnknownControl.Query)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_winner_ships_and_a_harmed_guardrail_stops_it()
    {
        // Conversion 60% in treatment, 30% in control; treatment users never come back on day 1, control users all do.
        var table = ExperimentFixtures.Winner.Load();

        var winner = new InMemoryEngine(table).Run(ExperimentFixtures.Winner.Query);
        var guarded = new InMemoryEngine(table).Run(ExperimentFixtures.HarmedGuardrail.Query);

        Assert.Equal("ship", winner.Verdict.Decision.Code());
        Assert.True(winner.Metrics[0].Comparisons[0].Significant);
        Assert.True(guarded.Guardrails.Single().Harmed);
        Assert.Equal("dont_ship", guarded.Verdict.Decision.Code());
    }
}
