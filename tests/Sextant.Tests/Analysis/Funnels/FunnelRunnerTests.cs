using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class FunnelRunnerTests
{
    private static FunnelResult Run(EventTable table, string steps, FunnelOrder order = FunnelOrder.Ordered, TimeSpan? window = null, string[]? exclude = null) =>
        new InMemoryEngine(table).Run(new FunnelQuery([.. steps.Split(',').Select(FunnelStepText.Parse)], window ?? FunnelQuery.DefaultWindow, order, exclude));

    private static long[] Users(FunnelResult result) => result.Steps.Select(s => s.Users).ToArray();

    [Fact]
    public void Users_are_counted_at_the_furthest_step_they_reach_in_order()
    {
        var table = Load(null,
            At("a", "signup", "2024-01-01T10:00:00Z"), At("a", "create", "2024-01-01T11:00:00Z"), At("a", "share", "2024-01-02T10:00:00Z"),
            At("b", "signup", "2024-01-01T10:00:00Z"), At("b", "create", "2024-01-03T10:00:00Z"),
            At("c", "signup", "2024-01-01T10:00:00Z"),
            At("d", "create", "2024-01-01T10:00:00Z"), At("d", "share", "2024-01-01T11:00:00Z"));

        var result = Run(table, "signup,create,share");

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
        var table = Load(null, At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T11:00:00Z"), At("b", "x", "2024-01-01T10:00:00Z"));

        var step = Run(table, "x,y").Steps[1];

        // 1 of 2: Wilson 95% = [0.0945, 0.9055] (z = 1.96).
        Assert.Equal(0.094531, step.CiLow, 5);
        Assert.Equal(0.905469, step.CiHigh, 5);
    }

    [Fact]
    public void A_later_repeat_of_step_one_opens_a_new_attempt_and_its_timings_count()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T00:00:00Z"),
            At("a", "x", "2024-01-20T00:00:00Z"),
            At("a", "y", "2024-01-21T00:00:00Z"));

        var result = Run(table, "x,y");

        Assert.Equal([1L, 1], Users(result));
        Assert.Equal(86_400, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void Timings_come_from_the_earliest_attempt_reaching_each_step()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T00:00:00Z"), At("a", "y", "2024-01-01T05:00:00Z"),
            At("a", "x", "2024-01-03T00:00:00Z"), At("a", "y", "2024-01-03T01:00:00Z"), At("a", "z", "2024-01-03T02:00:00Z"));

        // With a one-day window the first attempt stops at y; the second reaches z.
        var result = Run(table, "x,y,z", window: TimeSpan.FromDays(1));

        Assert.Equal([1L, 1, 1], Users(result));
        Assert.Equal(5 * 3600, result.Steps[1].MedianSecondsFromPrevious);
        Assert.Equal(2 * 3600, result.Steps[2].MedianSecondsFromStart);
        Assert.Equal(3600, result.Steps[2].MedianSecondsFromPrevious);
    }

    [Fact]
    public void A_step_at_the_same_instant_as_the_previous_one_counts_even_if_stored_first()
    {
        var table = Load(null, At("a", "y", "2024-01-01T00:00:00Z"), At("a", "x", "2024-01-01T00:00:00Z"));

        var result = Run(table, "x,y");

        Assert.Equal([1L, 1], Users(result));
        Assert.Equal(0, result.Steps[1].MedianSecondsFromPrevious);
    }

    [Fact]
    public void One_event_cannot_satisfy_two_steps()
    {
        var once = Load(null, At("a", "x", "2024-01-01T00:00:00Z"));
        var twice = Load(null, At("a", "x", "2024-01-01T00:00:00Z"), At("a", "x", "2024-01-01T00:00:00Z"));

        Assert.Equal([1L, 0], Users(Run(once, "x,x")));
        Assert.Equal([1L, 1], Users(Run(twice, "x,x")));
    }

    [Fact]
    public void A_step_exactly_at_the_window_end_counts_and_one_microsecond_later_does_not()
    {
        var table = Load(null,
            At("on", "x", "2024-01-01T00:00:00Z"), At("on", "y", "2024-01-15T00:00:00Z"),
            At("late", "x", "2024-01-01T00:00:00Z"), At("late", "y", "2024-01-15T00:00:00.000001Z"));

        Assert.Equal([2L, 1], Users(Run(table, "x,y")));
    }

    [Fact]
    public void Strict_order_resets_on_an_event_that_is_no_step_but_not_on_a_repeated_step()
    {
        var table = Load(null,
            At("broken", "x", "2024-01-01T00:00:00Z"), At("broken", "other", "2024-01-01T01:00:00Z"), At("broken", "y", "2024-01-01T02:00:00Z"),
            At("repeat", "x", "2024-01-01T00:00:00Z"), At("repeat", "x", "2024-01-01T01:00:00Z"), At("repeat", "y", "2024-01-01T02:00:00Z"));

        var strict = Run(table, "x,y", FunnelOrder.Strict);
        var ordered = Run(table, "x,y");

        Assert.Equal([2L, 1], Users(strict));
        Assert.Equal([2L, 2], Users(ordered));
    }

    [Fact]
    public void Unordered_funnels_count_any_k_steps_in_any_order()
    {
        var table = Load(null,
            At("backwards", "y", "2024-01-01T00:00:00Z"), At("backwards", "x", "2024-01-01T01:00:00Z"),
            At("half", "y", "2024-01-01T00:00:00Z"));

        Assert.Equal([2L, 1], Users(Run(table, "x,y", FunnelOrder.Unordered)));
        Assert.Equal([1L, 0], Users(Run(table, "x,y")));
    }

    [Fact]
    public void An_excluded_event_between_step_one_and_the_last_matched_step_removes_the_user()
    {
        var table = Load(null,
            At("excluded", "x", "2024-01-01T00:00:00Z"), At("excluded", "refund", "2024-01-01T01:00:00Z"), At("excluded", "y", "2024-01-01T02:00:00Z"),
            At("after", "x", "2024-01-01T00:00:00Z"), At("after", "y", "2024-01-01T02:00:00Z"), At("after", "refund", "2024-01-01T03:00:00Z"),
            At("before", "refund", "2023-12-31T00:00:00Z"), At("before", "x", "2024-01-01T00:00:00Z"));

        var result = Run(table, "x,y", exclude: ["refund"]);

        Assert.Equal([2L, 1], Users(result));
        Assert.Equal(1, result.ExcludedUsers);
    }

    [Fact]
    public void Step_sets_accept_any_of_their_events()
    {
        var table = Load(null, At("a", "x", "2024-01-01T00:00:00Z"), At("a", "y2", "2024-01-01T01:00:00Z"));

        Assert.Equal([1L, 1], Users(Run(table, "x,y1|y2")));
    }

    [Fact]
    public void Anonymous_steps_before_sign_up_count_for_the_user_they_were_linked_to()
    {
        var table = Load(null,
            Event("m1", null, "page_view", "2024-01-01T00:00:00Z", anonymous: "dev"),
            Event("m2", "u", "signup", "2024-01-01T00:05:00Z", anonymous: "dev"));

        Assert.Equal([1L, 1], Users(Run(table, "page_view,signup")));
    }

    [Fact]
    public void Fewer_than_two_steps_is_a_clear_error()
    {
        var table = Load(null, At("a", "x", "2024-01-01T00:00:00Z"));

        var error = Assert.Throws<SextantException>(() => Run(table, "x"));

        Assert.Contains("at least 2 steps", error.Message, StringComparison.Ordinal);
    }
}
