using Sextant.Analysis.Sources;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Sources;

public sealed class SourcesReaderTests
{
    /// <summary>
    /// Two sources, three days (UTC). On paper:
    /// 03-01: a has u1, u2, u1, the anonymous d1 (later linked to u3 by b) and the visitor d2: 5 events, users {u1, u2, u3};
    ///        b has u1 and u3+d1 (the link): 2 events, users {u1, u3}. Events spread (5−2)/5 = 0.6, users (3−2)/3.
    /// 03-02: a has u1, u2 and u1+d3; b has u1, u2 and u2+d3 an hour earlier (so d3 belongs to u2): 3 events and 2 users each.
    /// 03-03: only a (u1): the last day, partial; b's last day was 03-02, so b does not cover it.
    /// </summary>
    private const string Events = """
        {"event_id":"e1","user_id":"u1","event":"view","timestamp":"2024-03-01T08:00:00Z","source":"a"}
        {"event_id":"e2","user_id":"u2","event":"view","timestamp":"2024-03-01T09:00:00Z","source":"a"}
        {"event_id":"e3","anonymous_id":"d1","event":"view","timestamp":"2024-03-01T10:00:00Z","source":"a"}
        {"event_id":"e4","user_id":"u1","event":"buy","timestamp":"2024-03-01T11:00:00Z","source":"a"}
        {"event_id":"e12","anonymous_id":"d2","event":"view","timestamp":"2024-03-01T12:00:00Z","source":"a"}
        {"event_id":"e5","user_id":"u1","event":"view","timestamp":"2024-03-01T08:00:00Z","source":"b"}
        {"event_id":"e6","user_id":"u3","anonymous_id":"d1","event":"signup","timestamp":"2024-03-01T13:00:00Z","source":"b"}
        {"event_id":"e7","user_id":"u1","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"a"}
        {"event_id":"e8","user_id":"u2","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"a"}
        {"event_id":"e13","user_id":"u1","anonymous_id":"d3","event":"view","timestamp":"2024-03-02T10:00:00Z","source":"a"}
        {"event_id":"e9","user_id":"u1","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"b"}
        {"event_id":"e10","user_id":"u2","event":"view","timestamp":"2024-03-02T08:00:00Z","source":"b"}
        {"event_id":"e14","user_id":"u2","anonymous_id":"d3","event":"view","timestamp":"2024-03-02T09:00:00Z","source":"b"}
        {"event_id":"e11","user_id":"u1","event":"view","timestamp":"2024-03-03T08:00:00Z","source":"a"}
        """;

    private static SourcesReport Read(double threshold = 0.1)
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.jsonl", Events + "\n");
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        return SourcesReader.Read(store, TimeZoneInfo.Utc, threshold);
    }

    [Fact]
    public void Totals_per_source_are_counted_after_identity_resolution()
    {
        var report = Read();

        Assert.Equal(["a", "b"], report.Sources.Select(s => s.Source));
        var a = report.Sources[0];
        Assert.Equal((9L, 3L, 7L, 2L, 1L), (a.Events, a.Users, a.IdentifiedEvents, a.AnonymousEvents, a.LinkEvents));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 3)), (a.FirstDay, a.LastDay));
        var b = report.Sources[1];
        Assert.Equal((5L, 3L, 5L, 0L, 2L), (b.Events, b.Users, b.IdentifiedEvents, b.AnonymousEvents, b.LinkEvents));
        Assert.Equal(new DateOnly(2024, 3, 2), b.LastDay);
    }

    [Fact]
    public void Days_side_by_side_flag_only_complete_days_beyond_the_threshold()
    {
        var report = Read();

        Assert.Equal(3, report.Days.Count);
        var first = report.Days[0];
        Assert.Equal([new SourceDayCount("a", 5, 3, 1), new SourceDayCount("b", 2, 2, 0)], first.Sources);
        Assert.Equal(0.6, first.EventSpread, 12);
        Assert.Equal(1.0 / 3, first.UserSpread, 12);
        Assert.True(first.Disagrees);

        var second = report.Days[1];
        Assert.Equal([new SourceDayCount("a", 3, 2, 0), new SourceDayCount("b", 3, 2, 0)], second.Sources);
        Assert.False(second.Disagrees);

        var last = report.Days[2];
        Assert.True(last.Partial);
        Assert.Equal([new SourceDayCount("a", 1, 1, 0)], last.Sources);
        Assert.False(last.Disagrees);
        Assert.Equal([new DateOnly(2024, 3, 1)], report.Disagreements.Select(d => d.Day));
    }

    [Fact]
    public void A_threshold_above_the_spread_flags_nothing()
    {
        Assert.Empty(Read(threshold: 0.6).Disagreements);
        Assert.Single(Read(threshold: 0.59).Disagreements);
    }

    [Fact]
    public void Identity_merge_statistics_follow_the_earliest_link_rule()
    {
        var identity = Read().Identity;

        // d1 → u3 (linked by b, its anonymous event came from a), d3 → u2 (the earlier of two links), d2 never linked.
        Assert.Equal(new IdentityMergeStats(
            AnonymousIds: 3, LinkedAnonymousIds: 2, ConflictingAnonymousIds: 1, Visitors: 1, UsersWithLinkedIds: 2,
            ReattributedEvents: 1, UsersInSeveralSources: 3, CrossSourceLinks: 1), identity);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        var error = Assert.Throws<SextantException>(() => Read(threshold));
        Assert.Contains("--threshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spread_is_relative_to_the_largest_count()
    {
        Assert.Equal(0, SourcesReader.Spread([5]));
        Assert.Equal(0, SourcesReader.Spread([0, 0]));
        Assert.Equal(0.5, SourcesReader.Spread([10, 5, 7]));
    }
}
