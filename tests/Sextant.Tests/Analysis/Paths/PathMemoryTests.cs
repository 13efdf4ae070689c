using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Paths;

/// <summary>Runs alone, so the process-wide allocation count is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation measured alone";
}

[Collection(AllocationCollection.Name)]
public sealed class PathMemoryTests
{
    [Fact]
    public void Co_usage_of_users_with_thousands_of_distinct_events_allocates_in_proportion_to_the_events()
    {
        // Given 50 users with 600 distinct event names each (30,000 events): counting every pair
        // each user did would be 50 × 600 × 599 / 2 ≈ 9 million pairs.
        var events = new EventRecord[30_000];
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < events.Length; i++)
            events[i] = At("u" + (i % 50), "ev_" + i, start.AddMinutes(i / 50).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var table = Load(null, events);
        var query = new PathQuery { MinPairSupport = 1 };
        new InMemoryEngine(table).Run(query); // warm up: JIT and pools are not the analysis's memory

        // When paths run with every event eligible for co-usage
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = new InMemoryEngine(table).Run(query);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Then the allocations stay within a fixed multiple of the events (9 million pairs would
        // take hundreds of MB), and the pairs come only from the most used events.
        Assert.True(allocated < 64L << 20, $"allocated {allocated / 1e6:F0} MB");
        Assert.Equal(30, result.Network.Pairs.Count);
        Assert.Equal(50, result.Network.Users);
    }

    [Fact]
    public void Co_usage_is_counted_among_at_most_the_cap_of_most_used_events_and_only_those_that_can_reach_the_support()
    {
        // Given 600 events: event k used by k users
        var users = Enumerable.Range(0, 600).Select(k => (long)k).ToArray();
        var names = Enumerable.Range(0, 600).Select(k => "e" + k.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // When the events are chosen with a support of 30, then of 200
        var low = PathMeasurer.CoUsageEvents(users, names, 30);
        var high = PathMeasurer.CoUsageEvents(users, names, 200);

        // Then 570 qualify with 30 users and the cap keeps the 500 most used (100 … 599);
        // with 200 users only 200 … 599 can ever have a pair that reaches the support.
        Assert.Equal(Enumerable.Range(100, 500), low);
        Assert.Equal(Enumerable.Range(200, 400), high);
    }
}
