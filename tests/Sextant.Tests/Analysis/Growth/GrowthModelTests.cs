using Sextant.Analysis.Growth;

namespace Sextant.Tests.Analysis.Growth;

public sealed class GrowthModelTests
{
    private static GrowthBaseline Baseline(double annual, params (LeverRate Rate, double Audience)[] rates) =>
        new(annual, 1000, 1, annual, rates.Select(r => new RateBaseline(r.Rate, 0.5, r.Audience, "test")).ToList());

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2, 11.5 / 12)] // months 1..12: 0.5, then 1 eleven times
    [InlineData(12, 6.5 / 12)] // 1/12 + 2/12 + … + 12/12 = 78/12, averaged over 12
    public void The_ramp_factor_averages_a_linear_ramp_over_the_first_year(double ramp, double expected) =>
        Assert.Equal(expected, GrowthShaper.RampFactor(ramp), 12);

    [Fact]
    public void A_sure_lever_with_a_fixed_uplift_has_one_value_worked_out_by_hand()
    {
        var lever = new GrowthLever("x", LeverRate.Activation, 0.1, 0.1, 0.1, 1, 2, 0);

        var result = GrowthShaper.Model(Baseline(1_000_000, (LeverRate.Activation, 0.5)), [lever], yearlyGrowth: 0, draws: 1000);

        // 1,000,000 × audience 0.5 × uplift 0.1 × ramp 1 = 50,000; score = 50,000 × 1 / 2.
        var impact = result.Levers.Single();
        Assert.Equal((50_000.0, 50_000.0, 50_000.0), (impact.P10, impact.P50, impact.P90));
        Assert.Equal(25_000, impact.Score, 6);
    }

    [Fact]
    public void Levers_acting_together_multiply_rather_than_add()
    {
        GrowthLever[] levers = [new("a", LeverRate.Activation, 0.1, 0.1, 0.1, 1, 1, 0), new("b", LeverRate.Collaboration, 0.1, 0.1, 0.1, 1, 1, 0)];

        var result = GrowthShaper.Model(Baseline(1_200_000, (LeverRate.Activation, 1), (LeverRate.Collaboration, 1)), levers, yearlyGrowth: 0, draws: 500);

        // Each month 100,000 × (1.1 × 1.1 − 1) = 21,000, twelve months 252,000 (adding would give 240,000).
        Assert.Equal(252_000, result.CompoundAdditionalP50, 6);
        Assert.Equal(100_000 * 1.21, result.Projection[0].P50, 6);
        Assert.Equal(252_000, result.Projection[^1].CumulativeAdditionalP50, 6);
    }

    [Fact]
    public void A_lever_that_may_fail_has_a_zero_low_percentile_and_ranks_by_expected_impact_times_confidence_over_effort()
    {
        GrowthLever[] levers = [new("unsure", LeverRate.Activation, 0.1, 0.2, 0.3, 0.5, 1, 0), new("cheap", LeverRate.Collaboration, 0.1, 0.2, 0.3, 0.9, 1, 0), new("costly", LeverRate.SearchSignups, 0.1, 0.2, 0.3, 0.9, 10, 0)];

        var result = GrowthShaper.Model(Baseline(1_000_000, (LeverRate.Activation, 1), (LeverRate.Collaboration, 1), (LeverRate.SearchSignups, 1)), levers, 0);

        Assert.Equal(["cheap", "unsure", "costly"], result.Levers.Select(l => l.Lever));
        Assert.Equal(0, result.Levers.Single(l => l.Lever == "unsure").P10);
        Assert.InRange(result.Levers.Single(l => l.Lever == "cheap").ExpectedIfItWorks, 195_000, 205_000); // triangular mean 0.2
        Assert.All(result.Sensitivity.Zip(result.Sensitivity.Skip(1)), pair => Assert.True(pair.First.Swing >= pair.Second.Swing));
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures_and_bad_ranges_are_refused()
    {
        var baseline = Baseline(1_000_000, [.. Enum.GetValues<LeverRate>().Select(r => (r, 0.4))]);
        var first = GrowthShaper.Model(baseline, GrowthLever.Defaults, 0.1, 10_000, seed: 7);
        var second = GrowthShaper.Model(baseline, GrowthLever.Defaults, 0.1, 10_000, seed: 7);

        Assert.Equal(first.Levers.Select(l => l.P50), second.Levers.Select(l => l.P50));
        Assert.Equal(first.CompoundAdditionalP90, second.CompoundAdditionalP90);
        Assert.Equal(3, first.TopLevers.Count);
        Assert.Throws<SextantException>(() => GrowthShaper.Model(baseline, [new GrowthLever("bad", LeverRate.Activation, 0.3, 0.2, 0.1, 1, 1, 0)], 0));
    }
}
