using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Impact;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Impact;

/// <summary>Feature impact and channel attribution over a range and within a cohort, worked out by hand.</summary>
public sealed class ImpactScopeTests
{
    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    /// <summary>
    /// 20 users signed up on January 1 (segment A; 10 adopt x the next day, 8 of each 10 retained) and 10 on
    /// February 1 (segment B; 4 adopt). Events run to June.
    /// </summary>
    private static EventTable TwoSignupMonths()
    {
        var users = new List<UserProfile>();
        var events = new List<EventRecord>();
        void Add(string id, string signup, string segment, bool adopter, bool retained)
        {
            var day = DateTimeOffset.Parse(signup, CultureInfo.InvariantCulture);
            users.Add(User(id, signup, segment));
            events.Add(At(id, "signup", signup));
            events.Add(At(id, adopter ? "x" : "view", day.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            if (retained) events.Add(At(id, "view", day.AddDays(40).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        for (var i = 0; i < 20; i++) Add($"j{i}", "2026-01-01T09:00:00Z", "A", adopter: i < 10, retained: i % 10 < 8);
        for (var i = 0; i < 10; i++) Add($"f{i}", "2026-02-01T09:00:00Z", "B", adopter: i < 4, retained: i % 2 == 0);
        events.Add(At("j0", "view", "2026-06-01T00:00:00Z"));
        return Load(null, users, [], [.. events]);
    }

    [Fact]
    public void A_range_compares_users_who_signed_up_in_it_and_observed_for_the_horizon_by_its_end()
    {
        var engine = new InMemoryEngine(TwoSignupMonths());
        var query = new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1);

        var all = engine.Run(query);
        var fromFebruary = engine.Run(query with { Range = TimeRange.Between(Micros("2026-02-01T00:00:00Z"), null) });
        // Ends March 15: January 1 + 60 days (March 2) has passed, February 1 + 60 days (April 2) has not.
        var toMidMarch = engine.Run(query with { Range = TimeRange.Between(null, Micros("2026-03-15T00:00:00Z")) });

        Assert.Equal((30L, 14L), (all.Eligible, all.Adopters));
        Assert.Equal((10L, 4L), (fromFebruary.Eligible, fromFebruary.Adopters));
        Assert.Equal((20L, 10L), (toMidMarch.Eligible, toMidMarch.Adopters));
        // February: adopters f0 f2 retained of f0..f3 (2/4), non-adopters f4 f6 f8 of f4..f9 (3/6).
        Assert.Equal((0.5, 0.5), (fromFebruary.AdopterMean, fromFebruary.NonAdopterMean));
        Assert.Contains("observational association", fromFebruary.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_filter_compares_only_its_members()
    {
        var segmentA = new Cohort("a", new HasProperty("segment", PropertyComparison.In, ["A"]));

        var result = new InMemoryEngine(TwoSignupMonths()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1, Cohort: segmentA));

        // Segment A: 8 of 10 adopters and 8 of 10 non-adopters retained: no difference.
        Assert.Equal((20L, 10L), (result.Eligible, result.Adopters));
        Assert.Equal(0.0, result.Naive.Difference, 12);
    }

    private static Subscription Paying(string id, string user, string startIso, double months, decimal mrr)
    {
        var start = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(startIso, CultureInfo.InvariantCulture));
        return new Subscription(id, user, "plus", "cancelled", start, new Timestamp(start.UnixMicroseconds + (long)(months * 30.4375 * Timestamp.MicrosPerDay)), mrr, "USD");
    }

    /// <summary>u1 (free) touched by ads, first pays 30 on January 15; u2 (team) touched by email, first pays 12 on March 15.</summary>
    private static EventTable TwoPayers() => Load(null, [User("u1", "2026-01-01T00:00:00Z", plan: "free"), User("u2", "2026-01-01T00:00:00Z", plan: "team")],
        [Paying("s1", "u1", "2026-01-15T00:00:00Z", 1, 30), Paying("s2", "u2", "2026-03-15T00:00:00Z", 1, 12)],
        Event("e1", "u1", "page_view", "2026-01-02T00:00:00Z", properties: """{"utm_source":"ads"}"""),
        Event("e2", "u2", "page_view", "2026-01-02T00:00:00Z", properties: """{"utm_source":"email"}"""),
        At("u1", "view", "2026-06-01T00:00:00Z"));

    [Fact]
    public void Attribution_over_a_range_credits_users_whose_first_payment_falls_in_it()
    {
        var engine = new InMemoryEngine(TwoPayers());

        var all = engine.Run(new ChannelAttributionQuery()).Credits;
        var fromMarch = engine.Run(new ChannelAttributionQuery(Range: TimeRange.Between(Micros("2026-03-01T00:00:00Z"), null))).Credits;
        var toMarch = engine.Run(new ChannelAttributionQuery(Range: TimeRange.Between(null, Micros("2026-03-01T00:00:00Z")))).Credits;

        Assert.Equal(["ads", "email"], all.Select(c => c.Channel));
        Assert.Equal(["email"], fromMarch.Select(c => c.Channel));
        Assert.Equal(12, fromMarch[0].FirstTouch, 9);
        Assert.Equal(["ads"], toMarch.Select(c => c.Channel));
    }

    [Fact]
    public void Attribution_within_a_cohort_credits_only_its_members()
    {
        var team = new Cohort("team", new HasProperty("plan", PropertyComparison.In, ["team"]));

        var credits = new InMemoryEngine(TwoPayers()).Run(new ChannelAttributionQuery(Cohort: team)).Credits;

        Assert.Equal([("email", 12.0)], credits.Select(c => (c.Channel, Math.Round(c.FirstTouch, 9))));
    }

    [Fact]
    public void Equal_impact_and_attribution_queries_built_separately_are_equal_and_hash_alike()
    {
        static ImpactQuery Impact() => new("x", ImpactOutcome.Revenue, 14, 5, new[] { "ping" }, 1e6, TimeRange.Between(Micros("2026-01-01T00:00:00Z"), null),
            new List<string> { "create_page", "edit_page" }, new Cohort("a", new HasProperty("segment", PropertyComparison.In, ["A"])));
        static ChannelAttributionQuery Attribution() => new("utm_source", 3, TimeRange.Between(null, Micros("2026-03-01T00:00:00Z")),
            new Cohort("team", new PerformedEvent("share", 2, TimeSpan.FromDays(7))));

        Assert.Equal(Impact(), Impact());
        Assert.Equal(Impact().GetHashCode(), Impact().GetHashCode());
        Assert.NotEqual(Impact(), Impact() with { ActivationEvents = ["create_page"] });
        Assert.Equal(Attribution(), Attribution());
        Assert.Equal(Attribution().GetHashCode(), Attribution().GetHashCode());
    }
}
