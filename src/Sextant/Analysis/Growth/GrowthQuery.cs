using Sextant.Analysis.Engagement;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;

namespace Sextant.Analysis.Growth;

/// <summary>
/// Growth levers modelled on baselines measured from the data (docs/GROWTH.md): MAU and
/// activation from engagement, month-1 retention, the last 12 complete months' revenue, and the
/// audience of each lever among the last 30 days' active users.
/// </summary>
/// <param name="Engagement">The engagement whose MAU, activation rate and collaboration events the baselines use.</param>
/// <param name="Retention">The retention whose month-1 average is the mobile lever's baseline.</param>
/// <param name="Revenue">The revenue whose last 12 complete months are the annual revenue.</param>
/// <param name="Levers">The levers; their values name the channels, platforms and segments a rate reads.</param>
/// <param name="BusinessMau">business.mau, or null to keep every money figure at the sample's scale.</param>
/// <param name="YearlyGrowth">business.growth: the revenue's yearly growth without the levers.</param>
/// <param name="Draws">Monte Carlo draws.</param>
/// <param name="Seed">Random seed (the same seed gives the same figures).</param>
public sealed record GrowthQuery(
    EngagementQuery Engagement,
    RetentionQuery Retention,
    RevenueQuery Revenue,
    ValueList<GrowthLever> Levers,
    double? BusinessMau = null,
    double YearlyGrowth = 0,
    int Draws = 10_000,
    int Seed = 42) : IAnalysisQuery<GrowthMeasures, GrowthResult>
{
    /// <summary>
    /// The range the baselines are measured over: its end is the data end of the 30-day active
    /// window and of the engagement, retention and revenue queries (see <see cref="Within"/>).
    /// </summary>
    public TimeRange Range { get; init; }

    /// <summary>Only this cohort's users make the baselines, or everyone when null.</summary>
    public Cohort? Cohort { get; init; }

    /// <summary>The same query measured over <paramref name="range"/> and <paramref name="cohort"/>, its baseline queries too.</summary>
    public GrowthQuery Within(TimeRange range, Cohort? cohort) => this with
    {
        Range = range,
        Cohort = cohort,
        Engagement = Engagement with { Range = range, Cohort = cohort },
        Retention = Retention with { Range = range, Cohort = cohort },
        Revenue = Revenue with { Range = range, Cohort = cohort },
    };
}
