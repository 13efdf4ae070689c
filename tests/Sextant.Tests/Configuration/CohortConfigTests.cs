using Sextant.Analysis;
using Sextant.Configuration;

namespace Sextant.Tests.Configuration;

public sealed class CohortConfigTests
{
    [Fact]
    public void Cohorts_read_behaviour_property_and_nested_conditions()
    {
        var config = ConfigLoader.Parse("""
            cohorts:
              - name: creators
                did: create_page
                at_least: 3
                within: 7d
              - name: dormant
                did_not: edit_page
                within: 30d
                of: range
              - name: paid_creators
                all:
                  - property: plan
                    in: [paid, team]
                  - any:
                      - did: create_page
                      - did: use_template
            """, "sextant.yaml");
        Assert.Equal(3, config.Cohorts.Count);
        Assert.Equal(new Cohort("creators", new PerformedEvent("create_page", 3, TimeSpan.FromDays(7))), config.Cohorts[0]);
        Assert.Equal(new PerformedEvent("edit_page", 1, TimeSpan.FromDays(30), CohortAnchor.Range, Did: false), config.Cohorts[1].Definition);
        Assert.Equal(new AllOf([new HasProperty("plan", PropertyComparison.In, ["paid", "team"]), new AnyOf([new PerformedEvent("create_page"), new PerformedEvent("use_template")])]),
            config.Cohorts[2].Definition);
    }

    [Theory]
    [InlineData("cohorts:\n  - name: x\n", "needs a condition")]
    [InlineData("cohorts:\n  - name: x\n    did: a\n    property: plan\n    in: [p]\n", "takes one condition")]
    [InlineData("cohorts:\n  - did: a\n", "needs a name")]
    [InlineData("cohorts:\n  - name: x\n    property: plan\n", "needs either in or not_in")]
    [InlineData("cohorts:\n  - name: x\n    did: a\n    times: 3\n", "unknown key 'cohorts[0].times'")]
    [InlineData("cohorts:\n  - name: x\n    did: a\n  - name: x\n    did: b\n", "repeats the cohort name 'x'")]
    public void A_bad_cohort_is_an_error_naming_the_problem(string yaml, string expected)
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse(yaml, "sextant.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
