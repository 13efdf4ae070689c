using Sextant.Analysis.Funnels;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;
using static Sextant.Tests.Support.SemanticsFixtures.FunnelFixtures;

namespace Sextant.Tests.Analysis.Funnels;

/// <summary>The step funnel's rules on the hand-made cases of <see cref="FunnelFixtures"/>, which the replay suites also run on every database.</summary>
public sealed class FunnelRunnerTests
{
    private static FunnelResult Run(SemanticsCase<FunnelQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    private static long[] Users(FunnelResult result) => result.Steps.Select(s => s.Users).ToArray();

    [Fact]
    public void Users_are_counted_at_the_furthest_step_they_reach_in_order()
    {
        var result = Run(FurthestStep);

        Assert.Equal([3L, 2, 1], Users(result));
        Assert.Equal(2 / 3.0, result.Steps[1].ConversionFromPrevious, 12);
        Assert.Equal(0.5, result.Steps[2].ConversionFromPrevious, 12);
        Assert.Equal(1 / 3.0, result.Steps[2].ConversionFromStart, 12);
        Assert.Equal(1, result.Steps[1].DropOff);
        // Times from the previous step: a 1 h, b 48 h; the median of the two is 24.5 h.
        Assert.Equal(24.5 * 3600, result.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal(24 * 3600, result.Steps[2].MedianSecondsFromStart);
        Assert.Equal(2, result.BiggestDropStep);
    }

    [Fact]
    public void Wilson_intervals_bracket_each_conversion()
    {
        var step = Run(OneOfTwo).Steps[1];

        // 1 of 2: Wilson 95% = [0.0945, 0.9055] (z = 1.96).
        Assert.Equal(0.094531, step.CiLow, 5);
        Assert.Equal(0.905469, step.CiHigh, 5);
    }

    [Fact]
    public void A_later_repeat_of_step_one_opens_a_new_attempt_and_its_timings_count()
    {
        var result = Run(LaterRepeat);

        Assert.Equal([1L, 1], Users(result));
        Assert.Equal(86_400, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void Timings_come_from_the_earliest_attempt_reaching_each_step()
    {
        // With a one-day window the first attempt stops at y; the second reaches z.
        var result = Run(EarliestAttempt);

        Assert.Equal([1L, 1, 1], Users(result));
        Assert.Equal(5 * 3600, result.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal(2 * 3600, result.Steps[2].MedianSecondsFromStart);
        Assert.Equal(3600, result.Steps[2].MedianSecondsFromPrevious);
    }

    [Fact]
    public void A_step_at_the_same_instant_as_the_previous_one_counts_even_if_stored_first()
    {
        var result = Run(SameInstant);

        Assert.Equal([1L, 1], Users(result));
        Assert.Equal(0, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void One_event_cannot_satisfy_two_steps()
    {
        Assert.Equal([1L, 0], Users(Run(OneEventTwoSteps)));
        Assert.Equal([1L, 1], Users(Run(TwoEventsTwoSteps)));
    }

    [Fact]
    public void A_step_exactly_at_the_window_end_counts_and_one_microsecond_later_does_not()
    {
        Assert.Equal([2L, 1], Users(Run(WindowEnd)));
    }

    [Fact]
    public void Strict_order_resets_on_an_event_that_is_no_step_but_not_on_a_repeated_step()
    {
        var strict = Run(StrictReset);
        var ordered = Run(StrictResetOrdered);

        Assert.Equal([2L, 1], Users(strict));
        Assert.Equal([2L, 2], Users(ordered));
    }

    [Fact]
    public void Unordered_funnels_count_any_k_steps_in_any_order()
    {
        Assert.Equal([2L, 1], Users(Run(Unordered)));
        Assert.Equal([1L, 0], Users(Run(UnorderedAsOrdered)));
    }

    [Fact]
    public void An_excluded_event_between_step_one_and_the_last_matched_step_removes_the_user()
    {
        var result = Run(Exclusion);

        Assert.Equal([2L, 1], Users(result));
        Assert.Equal(1, result.ExcludedUsers);
    }

    [Fact]
    public void Step_sets_accept_any_of_their_events()
    {
        Assert.Equal([1L, 1], Users(Run(StepSet)));
    }

    [Fact]
    public void Anonymous_steps_before_sign_up_count_for_the_user_they_were_linked_to()
    {
        Assert.Equal([1L, 1], Users(Run(AnonymousBeforeSignup)));
    }

    [Fact]
    public void Fewer_than_two_steps_is_a_clear_error()
    {
        var error = Assert.Throws<SextantException>(() => new InMemoryEngine(OneStep.Data.Load()).Run(OneStep.Query));

        Assert.Contains("at least 2 steps", error.Message, StringComparison.Ordinal);
    }
}
