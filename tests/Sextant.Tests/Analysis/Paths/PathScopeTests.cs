using Sextant.Analysis;
using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Paths;

/// <summary>Paths over a date range and a cohort, and query equality.</summary>
public sealed class PathScopeTests
{
    private static TimeRange Day(string from, string to) => TimeRange.Between(
        Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds,
        Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds);

    private static Dictionary<string, long> Counts(PathResult result) =>
        result.Paths.ToDictionary(p => string.Join(">", p.Steps), p => p.Count);

    [Fact]
    public void Only_events_in_the_range_make_paths_but_a_conversion_after_the_range_counts()
    {
        // Given a: x > y on Jan 1, z > w on Jan 2, upgrade on Jan 5; b: z on Jan 2
        var table = Load(null,
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:10:00Z"),
            At("a", "z", "2024-01-02T10:00:00Z"), At("a", "w", "2024-01-02T10:05:00Z"),
            At("a", "upgrade", "2024-01-05T10:00:00Z"), At("b", "z", "2024-01-02T11:00:00Z"));

        // When paths look at Jan 2 only, with upgrade as the (excluded) conversion event
        var result = new InMemoryEngine(table).Run(new PathQuery
        {
            Range = Day("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"),
            Converted = "upgrade",
            ExcludeEvents = ["upgrade"],
        });

        // Then Jan 1's x > y is gone: 2 sequences, z > w (a) and z (b)
        Assert.Equal((2L, 2L, 2L), (result.Sequences, result.SequencesWithPath, result.Users));
        Assert.Equal(new Dictionary<string, long> { ["z>w"] = 1, ["z"] = 1 }, Counts(result));
        // and a's upgrade on Jan 5, after the range, still converts a's path: 1 of 2 sequences.
        var conversion = result.Conversion!;
        Assert.Equal((2L, 1L), (conversion.Sequences, conversion.Converted));
        Assert.Equal(1, conversion.Paths.Single(p => p.Steps.SequenceEqual(["z", "w"])).Converted);
        // Transitions and co-usage see only the range too: one transition z → w, two users with an event.
        Assert.Equal(("z", "w", 1L), (result.Network.Transitions.Single().From, result.Network.Transitions.Single().To, result.Network.Transitions.Single().Count));
        Assert.Equal(2, result.Network.Users);
    }

    [Fact]
    public void A_cohort_keeps_only_its_members_paths()
    {
        // Given a team user a (x > y) and a solo user b (x > z)
        var table = Load(null, [User("a", segment: "team"), User("b", segment: "solo")], [],
            At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T10:01:00Z"),
            At("b", "x", "2024-01-01T10:00:00Z"), At("b", "z", "2024-01-01T10:01:00Z"));
        var team = new Cohort("team", new HasProperty("segment", PropertyComparison.In, ["team"]));

        var all = new InMemoryEngine(table).Run(new PathQuery());
        var members = new InMemoryEngine(table).Run(new PathQuery { Cohort = team });

        // Then everyone has two paths, the cohort only a's.
        Assert.Equal(new Dictionary<string, long> { ["x>y"] = 1, ["x>z"] = 1 }, Counts(all));
        Assert.Equal(new Dictionary<string, long> { ["x>y"] = 1 }, Counts(members));
        Assert.Equal((1L, 1L), (members.Users, members.Network.Users));
    }

    [Fact]
    public void Two_separately_built_equal_queries_are_equal_and_hash_alike()
    {
        PathQuery Build() => new()
        {
            Start = "x",
            Cleaning = [new("^view_.*", "view")],
            ExcludeEvents = new List<string> { "heartbeat" },
            Range = Day("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"),
            Cohort = new Cohort("team", new HasProperty("segment", PropertyComparison.In, new[] { "team" })),
        };

        Assert.Equal(Build(), Build());
        Assert.Equal(Build().GetHashCode(), Build().GetHashCode());
        Assert.NotEqual(Build(), Build() with { ExcludeEvents = ["heartbeat", "ping"] });
    }
}
