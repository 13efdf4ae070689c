using Sextant.Stats;

namespace Sextant.Tests.Stats;

/// <summary>
/// The relative lift's interval and p-value as GrowthBook's frequentist engine computes them: delta-method
/// variance, Student's t at the Welch–Satterthwaite degrees of freedom. Expected values come from
/// relative_lift_reference.py beside this file (scipy 1.10.1), which restates the formula from gbstats.
/// </summary>
public sealed class RelativeLiftTests
{
    public static TheoryData<string, ArmSummary, ArmSummary, double[]> Cases() => new()
    {
        // estimate, degrees of freedom, low, high, two-sided p, one-sided p (greater)
        { "growthbook", ArmSummary.FromSums(3407, 1396.87, 52377.9767), ArmSummary.FromSums(3461, 2422.7, 134698.29),
            [0.7073170731707317, 5841.742032093565, -0.03526008906611777, 1.449894235407581, 0.06191182745618358, 0.03095591372809179] },
        { "ten_per_arm", ArmSummary.FromSums(10, 100, 1002.25), ArmSummary.FromSums(10, 105, 1111.5),
            [0.05, 13.235294117647056, -0.027020287095176065, 0.12702028709517607, 0.18453441914691737, 0.09226720957345869] },
        { "proportions_2000", new ArmSummary(2000, 0.10, 0.10 * 0.90), new ArmSummary(2000, 0.125, 0.125 * 0.875),
            [0.24999999999999994, 3960.5973209244366, 0.030802378070927977, 0.4691976219290719, 0.02540280044571175, 0.012701400222855874] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Relative_interval_and_p_value_use_student_t_at_welch_degrees_of_freedom(string name, ArmSummary control, ArmSummary treatment, double[] expected)
    {
        // Given two arms, when the relative lift is tested
        var test = Lift.RelativeTest(control, treatment)!.Value;
        var greater = Lift.RelativeTest(control, treatment, alternative: Alternative.Greater)!.Value;

        // Then every figure is scipy's to 1e-9 (the normal quantile would miss the bounds by 1.5e-4 in the GrowthBook case)
        _ = name; // names the case in the test list
        Assert.Equal(expected[0], test.Lift.Estimate, 1e-9);
        Assert.Equal(expected[1], test.DegreesOfFreedom, 1e-6);
        Assert.Equal(expected[2], test.Lift.Low, 1e-9);
        Assert.Equal(expected[3], test.Lift.High, 1e-9);
        Assert.Equal(expected[4], test.PValue, 1e-9);
        Assert.Equal(expected[5], greater.PValue, 1e-9);
        Assert.Equal(test.Lift, Lift.Relative(control, treatment)!.Value);
    }

    [Fact]
    public void Without_a_variance_the_relative_interval_falls_back_to_the_normal_quantile_and_p_is_one()
    {
        var test = Lift.RelativeTest(new ArmSummary(1, 2, 0), new ArmSummary(1, 3, 0))!.Value;

        Assert.Equal(0.5, test.Lift.Estimate, 12);
        Assert.True(double.IsPositiveInfinity(test.DegreesOfFreedom));
        Assert.Equal((0.5, 0.5), (test.Lift.Low, test.Lift.High));
        Assert.Equal(1, test.PValue);
    }
}
