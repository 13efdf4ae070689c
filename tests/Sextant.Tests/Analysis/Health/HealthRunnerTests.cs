using Sextant.Analysis;
using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Health;

/// <summary>
/// Each health component, the score, the flags and the population on users built by hand. The data end is
/// 2026-03-31 12:00 UTC (user "z"), so the last 30 days are Mar 2 … Mar 31, the 30 before are Jan 31 … Mar 1,
/// the last 14 are Mar 18 … Mar 31, the 14 before are Mar 4 … Mar 17, and the last 90 are Jan 1 … Mar 31.
/// </summary>
public sealed class HealthRunnerTests
{
    private const string End = "2026-03-31T12:00:00Z";

    /// <summary>One event per day at noon on <paramref name="days"/> consecutive days from <paramref name="firstDay"/>, cycling through the names.</summary>
    internal static IEnumerable<EventRecord> Daily(string user, string firstDay, int days, params string[] names) =>
        Enumerable.Range(0, days).Select(i => At(user, names[i % names.Length],
            DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T12:00:00Z"));

    /// <summary>Runs health; a query that names no collaboration events gets the demo's (share_page, comment, invite_member), which these hand-made users do.</summary>
    private static HealthResult Run(IReadOnlyList<UserProfile> users, HealthQuery? query, params EventRecord[] events) =>
        new InMemoryEngine(Load(null, users, [], [At("z", "edit_page", End), .. events])).Run(
            (query ?? DemoSettings.HealthQuery) with { CollaborationEvents = query is { CollaborationEvents.Count: > 0 } ? query.CollaborationEvents : DemoSettings.HealthQuery.CollaborationEvents });

    private static UserHealth Of(HealthResult result, string user) => result.Users.Single(u => u.UserKey == user);

    [Fact]
    public void A_user_last_active_fourteen_days_ago_has_every_component_as_worked_out_on_paper()
    {
        // Given one edit on Mar 17: 14 days before the data end's day.
        var result = Run([User("a"), User("z")], null, At("a", "edit_page", "2026-03-17T09:00:00Z"));

        // Then recency e^−1, frequency 1/12, breadth 1/5, no collaboration, trend 0.5 − 1/28 (one active day in the prior 14, none since).
        var a = Of(result, "a");
        Assert.Equal(Math.Exp(-1), a.Recency, 12);
        Assert.Equal(1 / 12.0, a.Frequency, 12);
        Assert.Equal(0.2, a.Breadth, 12);
        Assert.Equal(0, a.Collaboration);
        Assert.Equal(0.5 - 1 / 28.0, a.Trend, 12);
        Assert.Equal(14, a.DaysSinceActive);
        Assert.Equal((1, 1), (a.ActiveDaysLast30, a.Features));
        // No profile sign-up, so the first event (14 days ago) is the sign-up: tenure 14/180.
        Assert.Equal(14 / 180.0, a.Tenure, 12);
        var expected = 100 * (0.25 * Math.Exp(-1) + 0.20 / 12 + 0.15 * 0.2 + 0.15 * 0 + 0.05 * (0.5 - 1 / 28.0) + 0.20 * 14 / 180.0);
        Assert.Equal(expected, a.Score, 9);
        Assert.True(a.AtRisk);
        Assert.Equal("2026-03-31", result.DataEndDay);
    }

    [Fact]
    public void Recency_is_one_on_the_data_end_day_and_falls_by_e_every_fourteen_days()
    {
        var result = Run([User("z"), User("b"), User("c")], null,
            At("b", "edit_page", "2026-03-31T01:00:00Z"), At("c", "edit_page", "2026-03-03T01:00:00Z"));

        Assert.Equal(1, Of(result, "b").Recency, 12);
        Assert.Equal(Math.Exp(-2), Of(result, "c").Recency, 12);
    }

    [Fact]
    public void Frequency_counts_active_days_in_the_last_thirty_against_the_target()
    {
        // 6 active days; 12 days; 13 days; 5 events on one day count as one day.
        var result = Run([User("z"), User("six"), User("twelve"), User("thirteen"), User("oneday")], null,
            [.. Daily("six", "2026-03-20", 6, "edit_page"), .. Daily("twelve", "2026-03-10", 12, "edit_page"),
             .. Daily("thirteen", "2026-03-01", 13, "edit_page"),
             .. Enumerable.Range(0, 5).Select(h => At("oneday", "edit_page", $"2026-03-25T0{h}:00:00Z"))]);

        Assert.Equal(0.5, Of(result, "six").Frequency, 12);
        Assert.Equal(1, Of(result, "twelve").Frequency, 12);
        // Mar 1 is outside the last 30 days: 12 of the 13 days count.
        Assert.Equal(12, Of(result, "thirteen").ActiveDaysLast30);
        Assert.Equal(1 / 12.0, Of(result, "oneday").Frequency, 12);

        var plain = Run([User("z"), User("six")], new HealthQuery(FrequencyTargetDays: 30), [.. Daily("six", "2026-03-20", 6, "edit_page")]);
        Assert.Equal(0.2, Of(plain, "six").Frequency, 12);
    }

    [Fact]
    public void Breadth_counts_distinct_active_events_of_the_last_thirty_days_only()
    {
        // Given "wide" with six events in the window, and "narrow" with two in the window, one excluded and one older.
        var result = Run([User("z"), User("wide"), User("narrow")], new HealthQuery(ExcludeEvents: ["billing"]),
            [.. Daily("wide", "2026-03-20", 6, "a", "b", "c", "d", "e", "f"),
             At("narrow", "a", "2026-03-20T10:00:00Z"), At("narrow", "b", "2026-03-21T10:00:00Z"), At("narrow", "b", "2026-03-22T10:00:00Z"),
             At("narrow", "billing", "2026-03-22T11:00:00Z"), At("narrow", "c", "2026-02-20T10:00:00Z")]);

        Assert.Equal((1.0, 6), (Of(result, "wide").Breadth, Of(result, "wide").Features));
        Assert.Equal(2, Of(result, "narrow").Features);
        Assert.Equal(0.4, Of(result, "narrow").Breadth, 12);
    }

    [Fact]
    public void Collaboration_is_one_in_the_last_thirty_days_half_in_the_thirty_before_and_zero_earlier()
    {
        var result = Run([User("z"), User("b"), User("c"), User("d"), User("e"), User("f")], null,
            At("b", "comment", "2026-03-02T10:00:00Z"),                                             // day 29 before: last 30
            At("c", "share_page", "2026-03-01T10:00:00Z"),                                          // day 30 before: the 30 before
            At("d", "invite_member", "2026-01-31T10:00:00Z"), At("d", "edit_page", "2026-03-31T10:00:00Z"), // day 59 before
            At("e", "comment", "2026-01-30T10:00:00Z"), At("e", "edit_page", "2026-03-31T10:00:00Z"),      // day 60 before: too old
            At("f", "edit_page", "2026-03-30T10:00:00Z"));

        Assert.Equal([1.0, 0.5, 0.5, 0.0, 0.0], new[] { "b", "c", "d", "e", "f" }.Select(u => Of(result, u).Collaboration));

        var custom = Run([User("z"), User("f")], new HealthQuery(CollaborationEvents: ["edit_page"]), At("f", "edit_page", "2026-03-30T10:00:00Z"));
        Assert.Equal(1, Of(custom, "f").Collaboration);
    }

    [Fact]
    public void Trend_compares_active_days_in_the_last_fourteen_with_the_fourteen_before()
    {
        var result = Run([User("z"), User("stopped"), User("started"), User("steady"), User("rising")], null,
            [.. Daily("stopped", "2026-03-04", 14, "edit_page"),   // every prior day, none since: 0.5 − 14/28 = 0
             .. Daily("started", "2026-03-18", 14, "edit_page"),   // none before, every day since: 1
             At("steady", "edit_page", "2026-03-10T10:00:00Z"), At("steady", "edit_page", "2026-03-20T10:00:00Z"),
             .. Daily("rising", "2026-03-16", 9, "edit_page")]);   // Mar 16–17 before, Mar 18–24 since: 0.5 + (7 − 2)/28

        Assert.Equal(0, Of(result, "stopped").Trend, 12);
        Assert.Equal(1, Of(result, "started").Trend, 12);
        Assert.Equal(0.5, Of(result, "steady").Trend, 12);
        Assert.Equal(0.5 + 5 / 28.0, Of(result, "rising").Trend, 12);
    }

    [Fact]
    public void The_score_divides_the_weighted_sum_by_the_sum_of_the_weights()
    {
        Assert.Equal(1, HealthWeights.Default.Sum, 12);
        EventRecord[] events = [.. Daily("a", "2026-03-20", 6, "edit_page", "comment")];
        var byDefault = Of(Run([User("z"), User("a")], null, events), "a");
        var doubled = Of(Run([User("z"), User("a")], new HealthQuery(Weights: new HealthWeights(0.5, 0.4, 0.3, 0.3, 0.1, 0.4)), events), "a");
        var recencyOnly = Of(Run([User("z"), User("a")], new HealthQuery(Weights: new HealthWeights(2, 0, 0, 0, 0)), events), "a");

        // Mar 20–25, alternating edit_page and comment: recency e^−6/14, frequency 0.5, breadth 0.4, collaboration 1, trend 0.5 + 6/28,
        // tenure 11/180 (first seen Mar 20, data end Mar 31).
        var expected = 100 * (0.25 * Math.Exp(-6 / 14.0) + 0.20 * 0.5 + 0.15 * 0.4 + 0.15 * 1 + 0.05 * (0.5 + 6 / 28.0) + 0.20 * 11 / 180.0);
        Assert.Equal(expected, byDefault.Score, 9);
        Assert.Equal(byDefault.Score, doubled.Score, 9);
        Assert.Equal(100 * Math.Exp(-6 / 14.0), recencyOnly.Score, 9);
    }

    [Fact]
    public void At_risk_means_strictly_below_the_threshold()
    {
        // Collaboration only, and c's collaboration is 0.5 (Feb 20): the score is exactly 50.
        EventRecord[] events = [At("c", "comment", "2026-02-20T10:00:00Z")];
        var weights = new HealthWeights(0, 0, 0, 1, 0);
        var at50 = Of(Run([User("z"), User("c")], new HealthQuery(Weights: weights, AtRiskBelow: 50), events), "c");
        var above = Of(Run([User("z"), User("c")], new HealthQuery(Weights: weights, AtRiskBelow: 50.000001), events), "c");

        Assert.Equal(50, at50.Score);
        Assert.False(at50.AtRisk);
        Assert.True(above.AtRisk);
    }

    [Fact]
    public void Expansion_ready_needs_a_starter_plan_twenty_active_days_and_four_features()
    {
        string[] four = ["edit_page", "create_page", "comment", "search"];
        UserProfile[] users =
        [
            User("z"), User("ready", plan: "plus"), User("free", plan: "free"), User("days19", plan: "plus"), User("features3", plan: "plus"),
            User("paid", plan: "business"), User("noplan"),
        ];
        var result = Run(users, null,
            [.. Daily("ready", "2026-03-12", 20, four), .. Daily("free", "2026-03-12", 20, four), .. Daily("days19", "2026-03-13", 19, four),
             .. Daily("features3", "2026-03-12", 20, four[..3]), .. Daily("paid", "2026-03-12", 20, four), .. Daily("noplan", "2026-03-12", 20, four)]);

        Assert.True(Of(result, "ready").ExpansionReady);
        Assert.True(Of(result, "free").ExpansionReady);
        Assert.Equal((19, false), (Of(result, "days19").ActiveDaysLast30, Of(result, "days19").ExpansionReady));
        Assert.Equal((3, false), (Of(result, "features3").Features, Of(result, "features3").ExpansionReady));
        Assert.False(Of(result, "paid").ExpansionReady);
        Assert.False(Of(result, "noplan").ExpansionReady);
        Assert.Equal(2, result.ExpansionReady);

        var relaxed = Run(users, new HealthQuery(ExpansionPlans: ["business"], ExpansionMinActiveDays: 19, ExpansionMinFeatures: 3),
            [.. Daily("paid", "2026-03-13", 19, four[..3])]);
        Assert.True(Of(relaxed, "paid").ExpansionReady);
    }

    [Fact]
    public void Users_inactive_for_ninety_days_visitors_and_users_with_only_excluded_events_are_left_out()
    {
        var result = Run([User("z"), User("day89"), User("day90"), User("billing_only"), User("never")], new HealthQuery(ExcludeEvents: ["billing"]),
            At("day89", "edit_page", "2026-01-01T00:00:00Z"), At("day90", "edit_page", "2025-12-31T23:59:59Z"),
            At("billing_only", "billing", "2026-03-30T10:00:00Z"), At(null, "page_view", "2026-03-30T10:00:00Z", anonymous: "visitor"));

        Assert.Equal(["day89", "z"], result.Users.Select(u => u.UserKey).Order(StringComparer.Ordinal));
        Assert.Equal(89, Of(result, "day89").DaysSinceActive);
        Assert.Equal(0, Of(result, "day89").ActiveDaysLast30);
        Assert.Contains("90 days", result.Population, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_after_as_of_are_ignored()
    {
        var asOf = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-03-17T23:59:59Z", System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds;
        var result = Run([User("z"), User("a")], new HealthQuery(Range: TimeRange.UpTo(asOf)),
            At("a", "edit_page", "2026-03-17T09:00:00Z"), At("a", "comment", "2026-03-18T09:00:00Z"));

        var a = Of(result, "a");
        Assert.Equal("2026-03-17", result.DataEndDay);
        Assert.Equal((1.0, 1, 0.0), (a.Recency, a.Features, a.Collaboration));
        // z's only event is on Mar 31, after the data end.
        Assert.Single(result.Users);
    }

    [Fact]
    public void Segment_counts_add_up_to_the_scored_users_and_deciles_follow_the_scores()
    {
        UserProfile[] users = [User("z", segment: "ent"), User("a", segment: "ent"), User("b", segment: "ind"), User("c")];
        var result = Run(users, null,
            [.. Daily("a", "2026-03-12", 20, "edit_page", "comment", "search", "create_page"), At("b", "edit_page", "2026-03-01T10:00:00Z"),
             At("c", "edit_page", "2026-03-25T10:00:00Z")]);

        Assert.Equal(4, result.Users.Count);
        Assert.Equal(result.Users.Count, result.Segments.Sum(s => s.Users));
        Assert.Equal(result.AtRisk, result.Segments.Sum(s => s.AtRisk));
        Assert.Equal(result.ExpansionReady, result.Segments.Sum(s => s.ExpansionReady));
        Assert.Equal(result.Users.Count, result.Histogram.Sum());
        var ent = result.Segments.Single(s => s.Segment == "ent");
        Assert.Equal((2L, (Of(result, "z").Score + Of(result, "a").Score) / 2), (ent.Users, ent.MeanScore));
        Assert.Equal(1, result.Segments.Single(s => s.Segment == "(none)").Users);
        Assert.Equal(9, result.Deciles.Count);
        var sorted = result.Users.Select(u => u.Score).Order().ToArray();
        // Four scores: the 10th percentile sits at position 0.3 between the lowest two.
        Assert.Equal(sorted[0] + 0.3 * (sorted[1] - sorted[0]), result.Deciles[0], 9);
        Assert.Equal((sorted[1] + sorted[2]) / 2, result.Deciles[4], 9);
    }

    [Fact]
    public void Bad_weights_are_refused_with_a_message_naming_them()
    {
        var table = Load(null, At("a", "edit_page", End));
        var error = Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new HealthQuery(Weights: new HealthWeights(-1, 0, 0, 0, 0))));
        Assert.Contains("weights", error.Message, StringComparison.Ordinal);
        Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new HealthQuery(Weights: new HealthWeights(0, 0, 0, 0, 0))));
    }
}
