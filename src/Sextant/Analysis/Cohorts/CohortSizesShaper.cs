using Sextant.Analysis.Syntax;
using Sextant.Stats;

namespace Sextant.Analysis.Cohorts;

/// <summary>Turns cohort member counts into sizes with shares and intervals.</summary>
public static class CohortSizesShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static CohortSizesResult Shape(CohortSizesQuery query, CohortSizesMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var sizes = query.Cohorts.Zip(measures.Counts, (cohort, count) =>
        {
            var interval = Proportions.Wilson(count.Users, measures.Users);
            return new CohortSize(cohort.Name, CohortText.Describe(cohort.Definition), count.Users,
                measures.Users == 0 ? 0 : count.Users / (double)measures.Users, interval.Low, interval.High, count.Visitors);
        }).ToList();
        return new CohortSizesResult(measures.Users, sizes);
    }
}
