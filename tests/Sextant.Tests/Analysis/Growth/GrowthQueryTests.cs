using Sextant.Analysis.Engagement;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;

namespace Sextant.Tests.Analysis.Growth;

/// <summary>The growth query's equality and the baselines its shaper derives from hand-made measures.</summary>
public sealed class GrowthQueryTests
{
    private static GrowthQuery Query(params GrowthLever[] levers) =>
        new(new EngagementQuery(), new RetentionQuery(), new RevenueQuery(), levers, BusinessMau: 1_000, YearlyGrowth: 0.1, Draws: 1000, Seed: 3);

    private static GrowthLever Seo() => new("SEO content", LeverRate.SearchSignups, 0.1, 0.25, 0.5, 0.6, 6, 6) { Values = ["content_seo", "organic"] };

    private static GrowthLever Api() => new("API", LeverRate.TeamPaidConversion, 0.03, 0.08, 0.15, 0.5, 5, 3) { Values = ["small_team", "enterprise"] };

    [Fact]
    public void Two_separately_built_equal_queries_are_equal_and_hash_alike()
    {
        Assert.Equal(Query(Seo(), Api()), Query(Seo(), Api()));
        Assert.Equal(Query(Seo(), Api()).GetHashCode(), Query(Seo(), Api()).GetHashCode());
        Assert.NotEqual(Query(Seo(), Api()), Query(Seo() with { Values = ["organic"] }, Api()));
    }

    [Fact]
    public void Baselines_sum_the_counts_of_the_values_the_levers_name()
    {
        // Given 10 recent users: channels organic 3, paid 2, content_seo 1; 4 new, 2 collaborating;
        // segments small_team 4 users (1 paying), enterprise 1 (1 paying), solo 5 (5 paying); MAU 50.
        var measures = new GrowthMeasures(1_200, 50, 0.3, 0.2, 10, 4, 2,
            [new("channel", "organic", 3), new("channel", "paid", 2), new("channel", "content_seo", 1), new("segment", "small_team", 2), new("segment", "solo", 6)],
            [new("segment", "small_team", 4, 1), new("segment", "enterprise", 1, 1), new("segment", "solo", 5, 5)]);

        var baseline = GrowthShaper.Baseline(Query(Seo(), Api()), measures);

        // Then search reaches (3 + 1) / 10; team pays 2 / 5 and reaches 2 / 10 active users;
        // activation's audience is 4 / 10, collaboration 2 / 10; business.mau 1,000 / 50 scales revenue × 20.
        double Rate(LeverRate rate) => baseline.Rates.Single(r => r.Rate == rate).Baseline;
        double Audience(LeverRate rate) => baseline.Rates.Single(r => r.Rate == rate).AudienceShare;
        Assert.Equal((0.4, 0.4), (Rate(LeverRate.SearchSignups), Audience(LeverRate.SearchSignups)));
        Assert.Equal((0.4, 0.2), (Rate(LeverRate.TeamPaidConversion), Audience(LeverRate.TeamPaidConversion)));
        Assert.Equal((0.3, 0.4), (Rate(LeverRate.Activation), Audience(LeverRate.Activation)));
        Assert.Equal((0.2, 0.2), (Rate(LeverRate.Collaboration), Audience(LeverRate.Collaboration)));
        Assert.Equal((0.2, 0.0), (Rate(LeverRate.MobileRetention), Audience(LeverRate.MobileRetention)));
        Assert.Equal((20.0, 24_000.0), (baseline.ScaleFactor, baseline.AnnualRevenue));
    }
}
