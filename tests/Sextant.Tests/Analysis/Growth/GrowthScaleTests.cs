using Sextant.Application.Requests;
using Sextant.Configuration;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Growth;

/// <summary>No figure is multiplied by a business size the user did not give (SEMANTICS.md, Scaling).</summary>
public sealed class GrowthScaleTests
{
    // Three users active from January to mid-March 2026; a pays 10 a month from January 1st.
    private static EventTable ThreeUsers() => Load(null,
        [User("a", "2026-01-01T00:00:00Z"), User("b", "2026-01-01T00:00:00Z"), User("c", "2026-01-01T00:00:00Z")],
        [Support.SubscriptionBuilder.Paid("a", 10, "2026-01-01T00:00:00Z")],
        At("a", "edit", "2026-01-01T10:00:00Z"), At("b", "edit", "2026-01-02T10:00:00Z"), At("c", "edit", "2026-01-03T10:00:00Z"),
        At("a", "edit", "2026-03-10T10:00:00Z"), At("b", "edit", "2026-03-11T10:00:00Z"), At("c", "edit", "2026-03-12T10:00:00Z"));

    private static readonly SextantConfig Levers = SextantConfig.Default with
    {
        Growth = new GrowthConfig { Levers = [new GrowthLeverConfig { Name = "more activation", Moves = "activation", Uplift = [0.1, 0.2, 0.3], Confidence = 1 }] },
    };

    [Fact]
    public void Without_business_mau_growth_stays_at_the_samples_own_revenue()
    {
        // Given three users and no business.mau, when growth is modelled,
        var growth = GrowthRequest.Model(ThreeUsers(), Levers, draws: 1000, seed: 1);

        // then nothing is scaled: the baseline is the measured January + February revenue (10 + 10),
        Assert.False(growth.Baseline.Extrapolated);
        Assert.Equal((3L, 1.0), (growth.Baseline.SampleMau, growth.Baseline.ScaleFactor));
        Assert.Equal(20, growth.Baseline.SampleAnnualRevenue, 6);
        Assert.Equal(growth.Baseline.SampleAnnualRevenue, growth.Baseline.AnnualRevenue);
        // and a lever can add at most revenue × audience (≤ 1) × its highest uplift.
        Assert.All(growth.Levers, l => Assert.InRange(l.P90, 0, 20 * 0.3));
        Assert.Contains("nothing is extrapolated", growth.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_growth_levers_in_the_configuration_growth_names_the_key_to_set()
    {
        // The demo product's five levers are not assumed on other data.
        var error = Assert.Throws<SextantException>(() => GrowthRequest.Model(ThreeUsers(), SextantConfig.Default, draws: 1000, seed: 1));

        Assert.Contains("growth.levers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_business_mau_growth_is_scaled_and_says_so()
    {
        var config = Levers with { Business = new BusinessConfig { Mau = 3_000 } };

        var growth = GrowthRequest.Model(ThreeUsers(), config, draws: 1000, seed: 1);

        // 3,000 business MAU over 3 sample MAU: every money figure × 1,000, labelled extrapolated.
        Assert.True(growth.Baseline.Extrapolated);
        Assert.Equal(1_000, growth.Baseline.ScaleFactor, 9);
        Assert.Equal(20_000, growth.Baseline.AnnualRevenue, 6);
        Assert.StartsWith("modelled and extrapolated", growth.Label, StringComparison.Ordinal);
    }
}
