using Sextant.Analysis;
using Sextant.Analysis.Health;
using Sextant.Configuration;

namespace Sextant.Tests.Marts;

/// <summary>The keys the marts add to sextant.yaml: health.expansion.plan_from and sign-up day cohorts.</summary>
public sealed class MartsConfigTests
{
    [Fact]
    public void Plan_from_is_profile_by_default_and_subscriptions_when_set()
    {
        Assert.Equal(PlanSource.Profile, ConfigLoader.Parse("health: {}", "s.yaml").Health.ExpansionPlanFrom);
        Assert.Equal(PlanSource.Subscriptions, ConfigLoader.Parse("health:\n  expansion: {plan_from: subscriptions}", "s.yaml").Health.ExpansionPlanFrom);
    }

    [Fact]
    public void An_unknown_plan_source_is_an_error_naming_the_key_and_the_choices()
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse("health:\n  expansion: {plan_from: billing}", "s.yaml"));

        Assert.Contains("health.expansion.plan_from", error.Message, StringComparison.Ordinal);
        Assert.Contains("profile | subscriptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_up_cohort_reads_its_days_and_refuses_a_bad_date_or_an_empty_range()
    {
        var cohort = ConfigLoader.Parse("cohorts:\n  - {name: march, signed_up_from: 2024-03-01, signed_up_to: 2024-04-01}", "s.yaml").Cohorts.Single();
        Assert.Equal(new SignedUpBetween(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), cohort.Definition);
        Assert.Equal("signed up on or after 2024-03-01 and before 2024-04-01", Sextant.Analysis.Syntax.CohortText.Describe(cohort.Definition));

        var badDate = Assert.Throws<SextantException>(() => ConfigLoader.Parse("cohorts:\n  - {name: m, signed_up_from: 2024-13-01}", "s.yaml"));
        Assert.Contains("signed_up_from", badDate.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<SextantException>(() => ConfigLoader.Parse("cohorts:\n  - {name: m, signed_up_from: 2024-03-01, signed_up_to: 2024-03-01}", "s.yaml"));
        Assert.Contains("must be after", empty.Message, StringComparison.Ordinal);
        var two = Assert.Throws<SextantException>(() => ConfigLoader.Parse("cohorts:\n  - {name: m, did: x, signed_up_from: 2024-03-01}", "s.yaml"));
        Assert.Contains("takes one condition", two.Message, StringComparison.Ordinal);
    }
}
