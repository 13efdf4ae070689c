using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Retention;

public sealed class RetentionBreakdownTests
{
    [Fact]
    public void Each_value_gets_its_own_average_curve_and_the_values_add_up_to_everyone()
    {
        var result = new InMemoryEngine(RetentionFixtures.BySegment.Load()).Run(RetentionFixtures.BySegment.Query);

        Assert.Equal("segment", result.BreakdownBy);
        // Month 1 (February) is complete: everyone 2 of 3, ind 1 of 2, ent 1 of 1.
        Assert.Equal((2L, 3L), (result.Average[1].Users, result.Average[1].Eligible));
        Assert.Equal([("ind", 2L, 1L, 2L), ("ent", 1L, 1L, 1L)], result.Breakdown.Select(b => (b.Value, b.Users, b.Average[1].Users, b.Average[1].Eligible)));
        Assert.Equal(result.Cohorts.Sum(c => c.Size), result.Breakdown.Sum(b => b.Users));
    }
}
