using Sextant.Analysis.Refresh;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Analysis.Refresh.RefreshStores;

namespace Sextant.Tests.Analysis.Refresh;

/// <summary>
/// For random splits of one data set into appended batches, refreshing after every batch ends
/// with the same bytes as a full recompute (verified against the event table) and as a full
/// refresh of a store that ingested everything at once.
/// </summary>
public sealed class RefreshPropertyTests
{
    public static TheoryData<int, bool, string> Splits()
    {
        var data = new TheoryData<int, bool, string>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6 })
            foreach (var chronological in new[] { true, false })
                data.Add(seed, chronological, seed % 2 == 0 ? "America/New_York" : "UTC");
        return data;
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Incremental_refreshes_over_appended_batches_equal_a_full_recompute_byte_for_byte(int seed, bool chronological, string zone)
    {
        var random = new Random(seed);
        var settings = new RefreshSettings(TimeZoneInfo.FindSystemTimeZoneById(zone), ["billing_charge"]);
        var (events, profiles) = DataSet(random);
        var batches = random.Next(2, 7);
        var eventBatch = chronological ? ChronologicalCuts(events, batches, random) : events.Select(_ => random.Next(batches)).ToArray();
        // Profiles keep their order across batches, so a profile's later version is written later, as in one ingest.
        var profileBatch = profiles.Select(_ => random.Next(batches)).Order().ToArray();

        using var directory = new TempDirectory();
        var split = directory.File("split.db");
        for (var batch = 0; batch < batches; batch++)
        {
            Append(split, events.Where((_, i) => eventBatch[i] == batch), profiles.Where((_, i) => profileBatch[i] == batch));
            var result = RunRefresh(split, settings);
            Assert.Equal(batch == 0 ? RefreshMode.Full : RefreshMode.Incremental, result.Mode == RefreshMode.Unchanged ? RefreshMode.Incremental : result.Mode);
        }
        var incremental = Files(split);

        var whole = directory.File("whole.db");
        Append(whole, events, profiles);
        Assert.True(RunRefresh(whole, settings, full: true).Verified);
        Assert.True(RunRefresh(split, settings, full: true).Verified);

        var recomputed = Files(split);
        var wholeFiles = Files(whole);
        for (var i = 0; i < incremental.Length; i++)
        {
            Assert.Equal(recomputed[i], incremental[i]);
            Assert.Equal(wholeFiles[i], incremental[i]);
        }
    }

    /// <summary>
    /// About 40 users and 30 anonymous ids over 75 days across four months: anonymous visits
    /// before sign-up, sign-up events carrying both ids (some anonymous ids linked to two users),
    /// identity and billing events (not activity), revenue, three sources, repeated event ids, and
    /// profiles with and without sign-up instants, some written twice. Instants are unique, so the
    /// earliest link never ties.
    /// </summary>
    private static (List<EventRecord> Events, List<UserProfile> Profiles) DataSet(Random random)
    {
        var start = At("2025-01-20T00:00:00Z").UnixMicroseconds;
        var span = 75L * Timestamp.MicrosPerDay;
        string[] names = ["view_page", "edit_page", "comment", "$identify", "billing_charge"];
        string[] sources = ["web", "app", "im,port"];
        var events = new List<EventRecord>();
        for (var i = 0; i < 400; i++)
        {
            var time = new Timestamp(start + random.NextInt64(span) / 1000 * 1000 + i);
            var kind = random.Next(10);
            var user = kind < 6 ? $"u{random.Next(40)}" : null;
            var anonymous = kind >= 6 ? $"a{random.Next(30)}" : kind == 0 ? $"a{random.Next(30)}" : null;
            decimal? revenue = random.Next(8) == 0 ? random.Next(1, 5000) / 100m : null;
            events.Add(new EventRecord($"e{i}", user, anonymous, names[random.Next(names.Length)], time, null, null, null, revenue, "{}", sources[random.Next(sources.Length)]));
        }
        for (var i = 0; i < 25; i++)
        {
            var time = new Timestamp(start + random.NextInt64(span) / 1000 * 1000 + 500 + i);
            events.Add(new EventRecord($"s{i}", $"u{random.Next(40)}", $"a{random.Next(30)}", "signup", time, null, null, null, null, "{}", "web"));
        }
        for (var i = 0; i < 6; i++) events.Add(events[random.Next(events.Count)]);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events));

        var profiles = new List<UserProfile>();
        for (var i = 0; i < 30; i++)
        {
            var user = $"u{random.Next(45)}";
            Timestamp? signup = random.Next(3) == 0 ? null : new Timestamp(start - 10 * Timestamp.MicrosPerDay + random.NextInt64(span));
            profiles.Add(new UserProfile(user, signup, null, null, null, null, null, null, "{}"));
        }
        return (events, profiles);
    }

    /// <summary>Batch of each event when the data are cut by time at random instants.</summary>
    private static int[] ChronologicalCuts(List<EventRecord> events, int batches, Random random)
    {
        var order = events.Select(e => e.Timestamp.UnixMicroseconds).Order().ToArray();
        var cuts = Enumerable.Range(0, batches - 1).Select(_ => order[random.Next(order.Length)]).Order().ToArray();
        return [.. events.Select(e => cuts.Count(cut => e.Timestamp.UnixMicroseconds >= cut))];
    }
}
