using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>The metrics' (engagement's) hand-made cases: the semantics tests check their answers on paper, the replay suites on every database.</summary>
public static class EngagementFixtures
{
    private static SemanticsCase<EngagementQuery> Case(string label, SemanticsData data, EngagementQuery query, string zone = "UTC") => new(label, data, query, zone);

    private static long Micros(string iso) => SubscriptionBuilder.Instant(iso).UnixMicroseconds;

    private static readonly SemanticsData Week = SemanticsData.Of("engagement_week",
        At("u1", "signup", "2024-01-01T09:00:00Z"), At("u1", "edit", "2024-01-03T09:00:00Z"), At("u1", "edit", "2024-01-03T10:00:00Z"),
        At("u2", "signup", "2024-01-03T12:00:00Z"), At("u2", "invoice_paid", "2024-01-05T12:00:00Z"),
        At(null, "page_view", "2024-01-02T12:00:00Z", anonymous: "visitor"),
        At("u3", "signup", "2024-01-10T23:59:59.999999Z"));

    public static SemanticsCase<EngagementQuery> WeekExcludingInvoices { get; } = Case("week_excluding_invoices", Week, new EngagementQuery(ExcludeEvents: ["invoice_paid"]));

    public static SemanticsCase<EngagementQuery> WeekOfAll { get; } = Case("week_of_all", Week, new EngagementQuery());

    public static SemanticsCase<EngagementQuery> ActivationWindow { get; } = Case("activation_window",
        SemanticsData.Of("engagement_activation",
            At("fast", "signup", "2024-01-01T00:00:00Z"), At("fast", "create_page", "2024-01-01T02:00:00Z"), At("fast", "edit_page", "2024-01-01T05:00:00Z"),
            At("slow", "signup", "2024-01-01T00:00:00Z"), At("slow", "edit_page", "2024-01-02T00:00:00Z"), At("slow", "create_page", "2024-01-08T00:00:00Z"),
            At("late", "signup", "2024-01-01T00:00:00Z"), At("late", "create_page", "2024-01-02T00:00:00Z"), At("late", "edit_page", "2024-01-08T00:00:01Z"),
            At("new", "signup", "2024-01-09T00:00:00Z"), At("new", "create_page", "2024-01-09T01:00:00Z"), At("new", "edit_page", "2024-01-10T00:00:00Z")),
        DemoSettings.EngagementQuery);

    // Segment × platform of the first event: ent / ios = a; ent / web = b; ind / ios = c, d; ind / web = e.
    private static readonly SemanticsData SegmentsAndPlatforms = new("engagement_segments_platforms",
        [
            Event("s1", "a", "edit", "2026-01-01T10:00:00Z", platform: "ios"), Event("s2", "b", "edit", "2026-01-01T10:00:00Z", platform: "web"),
            Event("s3", "c", "edit", "2026-01-02T10:00:00Z", platform: "ios"), Event("s4", "d", "edit", "2026-01-02T10:00:00Z", platform: "ios"),
            Event("s5", "e", "edit", "2026-01-03T10:00:00Z", platform: "web"),
        ],
        [User("a", segment: "ent"), User("b", segment: "ent"), User("c", segment: "ind"), User("d", segment: "ind"), User("e", segment: "ind")], [], []);

    public static SemanticsCase<EngagementQuery> SegmentByPlatformTopTwo { get; } = Case("segment_by_platform_top_two", SegmentsAndPlatforms,
        new EngagementQuery(Features: ["edit"], Breakdowns: [Breakdown.Profile("segment"), Breakdown.Event("platform")], BreakdownLimit: 2));

    public static SemanticsCase<EngagementQuery> IndividualsByPlatform { get; } = Case("individuals_by_platform", SegmentsAndPlatforms,
        new EngagementQuery(Features: ["edit"], Breakdowns: [Breakdown.Event("platform")],
            Cohort: new Cohort("individuals", new HasProperty("segment", PropertyComparison.In, ["ind"]))));

    public static SemanticsCase<EngagementQuery> OneDayRange { get; } = Case("one_day_range", SegmentsAndPlatforms,
        new EngagementQuery(Features: ["edit"], Range: TimeRange.Between(Micros("2026-01-02T00:00:00Z"), Micros("2026-01-03T00:00:00Z"))));

    // A user who signs up, views pages, is exposed to an experiment and exports once.
    public static SemanticsCase<EngagementQuery> SystemEvents { get; } = Case("system_events",
        SemanticsData.Of("engagement_system_events",
            At("a", "signup", "2026-01-01T09:00:00Z"), At("a", "page_view", "2026-01-01T09:01:00Z"), At("a", "$pageview", "2026-01-01T09:02:00Z"),
            At("a", "$experiment_started", "2026-01-01T09:03:00Z"), At("a", "export", "2026-01-01T09:04:00Z")),
        new EngagementQuery());

    public static SemanticsCase<EngagementQuery> NorthStar { get; } = Case("north_star",
        new SemanticsData("engagement_north_star",
            [
                // Week of Mar 2: w1 has a and b and a comment (counts); w2 has two members but no collaboration; w3 collaborates alone.
                At("a", "edit_page", "2026-03-02T10:00:00Z"), At("b", "comment", "2026-03-03T10:00:00Z"),
                At("c", "edit_page", "2026-03-02T10:00:00Z"), At("d", "edit_page", "2026-03-04T10:00:00Z"),
                At("e", "share_page", "2026-03-03T10:00:00Z"),
                // Week of Mar 9: w1 and w2 both count.
                At("a", "edit_page", "2026-03-09T10:00:00Z"), At("b", "comment", "2026-03-10T10:00:00Z"),
                At("c", "comment", "2026-03-11T10:00:00Z"), At("d", "edit_page", "2026-03-15T23:00:00Z"),
                // Week of Mar 16 is partial.
                At("f", "edit_page", "2026-03-16T10:00:00Z"),
            ],
            [
                User("a", workspace: "w1"), User("b", workspace: "w1"), User("c", workspace: "w2"),
                User("d", workspace: "w2"), User("e", workspace: "w3"), User("f", workspace: "w4"),
            ], [], []),
        DemoSettings.EngagementQuery with { BusinessMau = 1000 });

    public static SemanticsCase<EngagementQuery> Adoption { get; } = Case("adoption",
        new SemanticsData("engagement_adoption",
            [
                At("u1", "export", "2026-01-05T00:00:00Z"), At("u1", "export", "2026-02-02T00:00:00Z"),
                At("u2", "edit", "2026-01-03T00:00:00Z"), At("u2", "export", "2026-02-10T00:00:00Z"),
                At("u3", "edit", "2026-01-02T00:00:00Z"), At("u4", "edit", "2026-02-01T00:00:00Z"),
            ],
            [
                User("u1", "2026-01-01T00:00:00Z", "ent"), User("u2", "2026-01-01T00:00:00Z", "ind"),
                User("u3", "2026-01-02T00:00:00Z", "ind"), User("u4", "2026-02-01T00:00:00Z", "ind"),
            ], [], []),
        new EngagementQuery(Features: ["export"]));

    public static SemanticsCase<EngagementQuery> DefaultFeatures { get; } = Case("default_features",
        SemanticsData.Of("engagement_default_features",
            At("u1", "edit", "2026-01-01T00:00:00Z"), At("u1", "$experiment_started", "2026-01-01T00:00:00Z"), At("u1", "billing", "2026-01-01T00:00:00Z")),
        new EngagementQuery(ExcludeEvents: ["billing"]));

    public static SemanticsCase<EngagementQuery> PowerUsers { get; } = Case("power_users",
        SemanticsData.Of("engagement_power_users",
            [.. Enumerable.Range(4, 7).Select(day => At("a", "edit", $"2026-01-{day:00}T12:00:00Z")),
             At("b", "edit", "2026-01-10T23:59:59.999999Z"), At("c", "edit", "2026-01-03T12:00:00Z")]),
        new EngagementQuery());

    public static SemanticsCase<EngagementQuery> PartialLastDay { get; } = Case("partial_last_day",
        SemanticsData.Of("engagement_partial_last_day", At("a", "edit", "2026-01-09T12:00:00Z"), At("a", "edit", "2026-01-10T12:00:00Z")),
        new EngagementQuery());

    private static readonly SemanticsData Lifecycle = new("engagement_lifecycle",
        [
            At("u1", "edit", "2026-03-02T10:00:00Z"), At("u1", "edit", "2026-03-10T10:00:00Z"), At("u1", "edit", "2026-03-25T10:00:00Z"),
            At("u2", "edit", "2026-03-10T10:00:00Z"),
            At("u3", "edit", "2026-03-17T10:00:00Z"),
        ],
        [User("u1", "2026-03-02T09:00:00Z"), User("u2", "2026-03-03T09:00:00Z"), User("u3", "2026-03-17T09:00:00Z")], [], []);

    public static SemanticsCase<EngagementQuery> WeeklyLifecycle { get; } = Case("weekly_lifecycle", Lifecycle, new EngagementQuery());

    public static SemanticsCase<EngagementQuery> LifecycleFromDate { get; } = Case("lifecycle_from_date", Lifecycle,
        new EngagementQuery(Range: TimeRange.Between(Micros("2026-03-09T00:00:00Z"), null)));

    public static SemanticsCase<EngagementQuery> LifecycleToDate { get; } = Case("lifecycle_to_date", Lifecycle,
        new EngagementQuery(Range: TimeRange.Between(null, Micros("2026-03-16T00:00:00Z"))));

    public static SemanticsCase<EngagementQuery> MonthlyLifecycle { get; } = Case("monthly_lifecycle", Lifecycle, new EngagementQuery(LifecyclePeriod: CalendarPeriod.Month));

    public static SemanticsCase<EngagementQuery> BySegment { get; } = Case("by_segment",
        new SemanticsData("engagement_by_segment",
            [
                At("a", "edit", "2026-01-01T10:00:00Z"), At("b", "edit", "2026-01-01T10:00:00Z"),
                At("c", "edit", "2026-01-02T10:00:00Z"), At("d", "edit", "2026-01-02T10:00:00Z"),
            ],
            [User("a", segment: "ent"), User("b", segment: "ind"), User("c", segment: "ind"), User("d")], [], []),
        new EngagementQuery(Breakdowns: [Breakdown.Profile("segment")]));

    // 8 March 2026 has 23 hours in New York. 04:30Z on the 8th is 23:30 on the 7th (EST);
    // 03:30Z on the 9th is 23:30 on the 8th (EDT); 04:30Z on the 9th is already 00:30 on the 9th.
    public static SemanticsCase<EngagementQuery> NewYorkDaylightSaving { get; } = Case("new_york_daylight_saving",
        SemanticsData.Of("engagement_new_york_dst", At("a", "edit", "2026-03-08T04:30:00Z"), At("b", "edit", "2026-03-09T03:30:00Z"), At("c", "edit", "2026-03-09T04:30:00Z")),
        new EngagementQuery(), "America/New_York");

    public static SemanticsCase<EngagementQuery> ActivationSpeed { get; } = Case("activation_speed",
        new SemanticsData("engagement_activation_speed",
            [
                // fast: activates in 2 hours and comes back in February; fast2 activates in 1 hour, no February.
                At("fast", "create_page", "2026-01-05T01:00:00Z"), At("fast", "edit_page", "2026-01-05T02:00:00Z"), At("fast", "view_page", "2026-02-03T00:00:00Z"),
                At("fast2", "create_page", "2026-01-06T00:30:00Z"), At("fast2", "edit_page", "2026-01-06T01:00:00Z"),
                // slow: activates after 3 days and comes back in February; none never activates but comes back.
                At("slow", "create_page", "2026-01-05T01:00:00Z"), At("slow", "edit_page", "2026-01-08T00:00:00Z"), At("slow", "view_page", "2026-02-10T00:00:00Z"),
                At("none", "view_page", "2026-02-11T00:00:00Z"),
                // late signed up in February: its month 1 (March) has not ended, so it is left out.
                At("late", "view_page", "2026-03-01T00:00:00Z"),
            ],
            [
                User("fast", "2026-01-05T00:00:00Z"), User("fast2", "2026-01-06T00:00:00Z"), User("slow", "2026-01-05T00:00:00Z"),
                User("none", "2026-01-05T00:00:00Z"), User("late", "2026-02-20T00:00:00Z"),
            ], [], []),
        DemoSettings.EngagementQuery);

    // Fast activators retained 1 of 2, a slow activator 1 of 1 and a never-activated user 0 of 1.
    public static SemanticsCase<EngagementQuery> FastAgainstSlow { get; } = Case("fast_against_slow",
        new SemanticsData("engagement_fast_against_slow",
            [
                At("fast", "create_page", "2026-01-05T01:00:00Z"), At("fast", "edit_page", "2026-01-05T02:00:00Z"), At("fast", "view_page", "2026-02-03T00:00:00Z"),
                At("fast2", "create_page", "2026-01-06T00:30:00Z"), At("fast2", "edit_page", "2026-01-06T01:00:00Z"),
                At("slow", "create_page", "2026-01-05T01:00:00Z"), At("slow", "edit_page", "2026-01-08T00:00:00Z"), At("slow", "view_page", "2026-02-10T00:00:00Z"),
                At("none", "view_page", "2026-01-05T00:10:00Z"), At("none", "view_page", "2026-03-02T00:00:00Z"),
            ],
            [User("fast", "2026-01-05T00:00:00Z"), User("fast2", "2026-01-06T00:00:00Z"), User("slow", "2026-01-05T00:00:00Z"), User("none", "2026-01-05T00:00:00Z")], [], []),
        new EngagementQuery(ActivationEvents: ["create_page", "edit_page"]));

    /// <summary>Every case, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsCase<EngagementQuery>> Cases =>
    [
        WeekExcludingInvoices, WeekOfAll, ActivationWindow, SegmentByPlatformTopTwo, IndividualsByPlatform, OneDayRange, SystemEvents, NorthStar, Adoption,
        DefaultFeatures, PowerUsers, PartialLastDay, WeeklyLifecycle, LifecycleFromDate, LifecycleToDate, MonthlyLifecycle, BySegment, NewYorkDaylightSaving,
        ActivationSpeed, FastAgainstSlow,
    ];
}
