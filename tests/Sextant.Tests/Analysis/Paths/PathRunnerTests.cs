using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Paths;

public sealed class PathRunnerTests
{
    private static PathResult Run(EventTable table, PathQuery? query = null) => new InMemoryEngine(table).Run(query ?? new PathQuery());

    private static string[] Path(PathCount path) => [.. path.Steps];

    private static Dictionary<string, long> Counts(PathResult result) =>
        result.Paths.ToDictionary(p => string.Join(">", p.Steps), p => p.Count);

    [Fact]
    public void A_gap_just_over_the_session_gap_splits_but_exactly_the_gap_does_not()
    {
        // Given x, then y exactly 30 min later (same session), then z 30 min 1 s after y (new session).
        var table = Load(null, At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:30:00Z"), At("a", "z", "2024-01-01T11:00:01Z"));

        var result = Run(table);

        Assert.Equal(2, result.Sequences);
        Assert.Equal(new Dictionary<string, long> { ["x>y"] = 1, ["z"] = 1 }, Counts(result));
    }

    [Fact]
    public void Consecutive_repeats_collapse_but_a_later_return_is_a_new_step()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "x", "2024-01-01T10:01:00Z"), At("a", "y", "2024-01-01T10:02:00Z"),
            At("a", "y", "2024-01-01T10:03:00Z"), At("a", "x", "2024-01-01T10:04:00Z"));

        var path = Run(table).Paths.Single();

        Assert.Equal(["x", "y", "x"], Path(path));
    }

    [Fact]
    public void Cleaning_rules_apply_in_order_before_repeats_collapse_and_an_emptied_name_is_dropped()
    {
        var table = Load(null,
            At("a", "view_home", "2024-01-01T10:00:00Z"), At("a", "debug_tick", "2024-01-01T10:00:30Z"), At("a", "view_pricing", "2024-01-01T10:01:00Z"),
            At("a", "view_docs", "2024-01-01T10:02:00Z"), At("a", "signup", "2024-01-01T10:03:00Z"));

        // ^view_.* → view first: the three views become one step once repeats collapse (debug_tick, emptied, is gone).
        var viewsFirst = Run(table, new PathQuery { Cleaning = [new("^view_.*", "view"), new("^view_pricing$", "pricing"), new("^debug_.*", "")] });
        // The pricing rule first renames view_pricing, which the general rule then no longer matches.
        var pricingFirst = Run(table, new PathQuery { Cleaning = [new("^view_pricing$", "pricing"), new("^view_.*", "view"), new("^debug_.*", "")] });

        Assert.Equal(["view", "signup"], Path(viewsFirst.Paths.Single()));
        Assert.Equal(["view", "pricing", "view", "signup"], Path(pricingFirst.Paths.Single()));
    }

    [Fact]
    public void Excluded_events_are_removed_before_sessions_and_collapsing()
    {
        // The heartbeat would bridge the 50-minute gap and split x from x; excluded, the two x are one session and one step.
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "heartbeat", "2024-01-01T10:25:00Z"), At("a", "x", "2024-01-01T10:26:00Z"),
            At("a", "y", "2024-01-01T11:16:00Z"));

        var result = Run(table, new PathQuery { ExcludeEvents = ["heartbeat"] });

        Assert.Equal(new Dictionary<string, long> { ["x"] = 1, ["y"] = 1 }, Counts(result));
    }

    [Fact]
    public void A_start_event_mid_sequence_begins_the_path_at_its_first_occurrence()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:01:00Z"), At("a", "s", "2024-01-01T10:02:00Z"),
            At("a", "z", "2024-01-01T10:03:00Z"), At("a", "s", "2024-01-01T10:04:00Z"), At("a", "w", "2024-01-01T10:05:00Z"),
            At("b", "x", "2024-01-01T10:00:00Z"));

        var result = Run(table, new PathQuery { Start = "s", MaxSteps = 3 });

        // b's sequence has no s: it counts as a sequence without a path.
        Assert.Equal(["s", "z", "s"], Path(result.Paths.Single()));
        Assert.Equal((2L, 1L, 1L), (result.Sequences, result.SequencesWithPath, result.Users));
        Assert.Equal(1.0, result.Paths[0].Share);
    }

    [Fact]
    public void An_end_event_ends_the_path_at_its_last_occurrence_and_runs_backward_for_at_most_max_steps()
    {
        var table = Load(null,
            At("a", "p", "2024-01-01T10:00:00Z"), At("a", "q", "2024-01-01T10:01:00Z"), At("a", "e", "2024-01-01T10:02:00Z"),
            At("a", "r", "2024-01-01T10:03:00Z"), At("a", "t", "2024-01-01T10:04:00Z"), At("a", "e", "2024-01-01T10:05:00Z"),
            At("a", "f", "2024-01-01T10:06:00Z"),
            At("b", "q", "2024-01-01T10:00:00Z"), At("b", "e", "2024-01-01T10:01:00Z"));

        var result = Run(table, new PathQuery { End = "e", MaxSteps = 3 });

        Assert.Equal(new Dictionary<string, long> { ["r>t>e"] = 1, ["q>e"] = 1 }, Counts(result));
    }

    [Fact]
    public void Top_paths_rank_by_count_then_by_steps_and_share_is_of_sequences_with_a_path()
    {
        var events = new List<EventRecord>();
        void Session(string user, int day, params string[] names)
        {
            for (var i = 0; i < names.Length; i++) events.Add(At(user, names[i], $"2024-01-{day:00}T10:0{i}:00Z"));
        }
        Session("u1", 1, "x", "y"); Session("u2", 1, "x", "y"); Session("u3", 1, "x", "y");
        Session("u1", 2, "x", "z"); Session("u2", 2, "x", "z");
        Session("u1", 3, "a"); Session("u2", 3, "a");
        Session("u3", 3, "b");
        var table = Load(null, [.. events]);

        var result = Run(table, new PathQuery { Top = 3 });

        // [a] and [x, z] tie at 2: "a" sorts before "x".
        Assert.Equal([["x", "y"], ["a"], ["x", "z"]], result.Paths.Select(Path).ToArray());
        Assert.Equal([3L, 2, 2], result.Paths.Select(p => p.Count).ToArray());
        Assert.Equal(3 / 8.0, result.Paths[0].Share, 12);
        Assert.Equal(4, result.UniquePaths);
    }

    [Fact]
    public void Users_count_distinct_entities_while_count_is_sequences()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:01:00Z"),
            At("a", "x", "2024-01-05T10:00:00Z"), At("a", "y", "2024-01-05T10:01:00Z"),
            At(null, "x", "2024-01-02T10:00:00Z", anonymous: "visitor"), At(null, "y", "2024-01-02T10:01:00Z", anonymous: "visitor"));

        var path = Run(table).Paths.Single();

        Assert.Equal((3L, 2L), (path.Count, path.Users));
    }

    [Fact]
    public void A_zero_gap_makes_the_whole_history_one_sequence()
    {
        var table = Load(null, At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-05T10:00:00Z"), At("a", "x", "2024-02-05T10:00:00Z"));

        var result = Run(table, new PathQuery { SessionGap = TimeSpan.Zero });

        Assert.Equal(1, result.Sequences);
        Assert.Equal(["x", "y", "x"], Path(result.Paths.Single()));
    }

    private static EventTable BranchingPaths()
    {
        // Paths: [x, y, z] twice, [x, y] once, [w, y, z] once.
        return Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:01:00Z"), At("a", "z", "2024-01-01T10:02:00Z"),
            At("b", "x", "2024-01-01T10:00:00Z"), At("b", "y", "2024-01-01T10:01:00Z"), At("b", "z", "2024-01-01T10:02:00Z"),
            At("c", "x", "2024-01-01T10:00:00Z"), At("c", "y", "2024-01-01T10:01:00Z"),
            At("d", "w", "2024-01-01T10:00:00Z"), At("d", "y", "2024-01-01T10:01:00Z"), At("d", "z", "2024-01-01T10:02:00Z"));
    }

    [Fact]
    public void Edges_aggregate_every_path_by_step_and_pair()
    {
        var result = Run(BranchingPaths(), new PathQuery { Top = 1 });

        Assert.Equal(
            [new PathEdge(1, "x", "y", 3), new PathEdge(1, "w", "y", 1), new PathEdge(2, "y", "z", 3)],
            result.Edges);
    }

    [Fact]
    public void Dropoff_counts_the_sequences_whose_path_ends_at_each_node()
    {
        var result = Run(BranchingPaths());

        Assert.Equal(
            [new PathDropoff(1, "w", 0, 1, 0), new PathDropoff(1, "x", 0, 3, 0), new PathDropoff(2, "y", 1, 4, 0.25), new PathDropoff(3, "z", 3, 3, 1)],
            result.Dropoff);
    }

    [Fact]
    public void Converters_are_sequences_whose_entity_converts_at_or_after_the_path_start()
    {
        var table = Load(null,
            // a converts two days after [x, y]; b never does; c converted before its [x, y] session.
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:01:00Z"), At("a", "upgrade", "2024-01-03T10:00:00Z"),
            At("b", "x", "2024-01-01T10:00:00Z"), At("b", "y", "2024-01-01T10:01:00Z"),
            At("c", "upgrade", "2024-01-01T09:00:00Z"), At("c", "x", "2024-01-01T10:00:00Z"), At("c", "y", "2024-01-01T10:01:00Z"),
            // d never converts after [z]; e converts within its [z] session.
            At("d", "z", "2024-01-01T10:00:00Z"),
            At("e", "z", "2024-01-01T10:00:00Z"), At("e", "upgrade", "2024-01-01T10:05:00Z"));

        var conversion = Run(table, new PathQuery { Converted = "upgrade", ExcludeEvents = ["upgrade"] }).Conversion!;

        Assert.Equal((5L, 2L, 0.4), (conversion.Sequences, conversion.Converted, conversion.Rate));
        var xy = conversion.Paths[0];
        Assert.Equal(["x", "y"], xy.Steps);
        Assert.Equal((3L, 1L), (xy.Sequences, xy.Converted));
        Assert.Equal(1 / 3.0, xy.Rate, 12);
        // Wilson 95% for 1 of 3 (z = 1.96): [0.061490, 0.792345].
        Assert.Equal(0.061490, xy.CiLow, 5);
        Assert.Equal(0.792345, xy.CiHigh, 5);
        Assert.Equal(0.5, xy.RestRate, 12);
        var z = conversion.Paths[1];
        Assert.Equal((2L, 1L, 0.5, 1 / 3.0), (z.Sequences, z.Converted, z.Rate, z.RestRate));
    }

    [Fact]
    public void Co_usage_lift_compares_users_of_both_with_independent_use()
    {
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-09T10:00:00Z"),
            At("b", "y", "2024-01-01T10:00:00Z"), At("b", "x", "2024-01-01T10:01:00Z"),
            At("c", "x", "2024-01-01T10:00:00Z"),
            At("d", "z", "2024-01-01T10:00:00Z"),
            At("e", "y", "2024-01-01T10:00:00Z"), At("e", "z", "2024-01-01T10:01:00Z"));

        // 5 users; x by 3, y by 3, z by 2. Both x and y: 2 → lift 2 / (3 × 3 / 5) = 10/9; y and z: 1 → 1 / (3 × 2 / 5) = 5/6.
        var all = Run(table, new PathQuery { MinPairSupport = 1 }).Network;
        var supported = Run(table, new PathQuery { MinPairSupport = 2 }).Network;

        Assert.Equal(5, all.Users);
        Assert.Equal([("x", "y", 2L), ("y", "z", 1L)], all.Pairs.Select(p => (p.A, p.B, p.Users)).ToArray());
        Assert.Equal(10 / 9.0, all.Pairs[0].Lift, 12);
        Assert.Equal(5 / 6.0, all.Pairs[1].Lift, 12);
        Assert.Equal(("x", "y"), (supported.Pairs.Single().A, supported.Pairs.Single().B));
    }

    [Fact]
    public void Transitions_link_consecutive_distinct_events_within_a_session_only()
    {
        var table = Load(null,
            // a: session [x, y] then, after two hours, session [z, x]; y → z crosses sessions and is not a transition.
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "x", "2024-01-01T10:05:00Z"), At("a", "y", "2024-01-01T10:10:00Z"),
            At("a", "z", "2024-01-01T12:10:00Z"), At("a", "x", "2024-01-01T12:15:00Z"),
            At("b", "x", "2024-01-01T10:00:00Z"), At("b", "z", "2024-01-01T10:01:00Z"));

        var transitions = Run(table).Network.Transitions;

        Assert.Equal(
            [new Transition("x", "y", 1, 0.5), new Transition("x", "z", 1, 0.5), new Transition("z", "x", 1, 1)],
            transitions);
    }

    [Fact]
    public void An_empty_table_has_no_sequences_and_no_paths()
    {
        var table = Load(null);

        var result = Run(table);

        Assert.Equal((0L, 0L, 0L), (result.Sequences, result.UniquePaths, result.Network.Users));
        Assert.Empty(result.Paths);
        Assert.Empty(result.Edges);
    }

    [Fact]
    public void A_start_and_an_end_together_are_rejected_with_a_clear_message()
    {
        var table = Load(null, At("a", "x", "2024-01-01T10:00:00Z"));

        var error = Assert.Throws<SextantException>(() => Run(table, new PathQuery { Start = "x", End = "x" }));
        var unknown = Assert.Throws<SextantException>(() => Run(table, new PathQuery { Start = "nope" }));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);
    }
}
