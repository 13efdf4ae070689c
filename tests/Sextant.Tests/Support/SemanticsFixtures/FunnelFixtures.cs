using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>The step funnel's hand-made cases: the semantics tests check their answers on paper, the replay suites on every database.</summary>
public static class FunnelFixtures
{
    private static FunnelQuery Funnel(string steps, FunnelOrder order = FunnelOrder.Ordered, TimeSpan? window = null, string[]? exclude = null) =>
        new([.. steps.Split(',').Select(FunnelStepText.Parse)], window ?? FunnelQuery.DefaultWindow, order, exclude);

    private static SemanticsCase<FunnelQuery> Case(string label, SemanticsData data, FunnelQuery query) => new(label, data, query);

    private static readonly SemanticsData FurthestStepData = SemanticsData.Of("funnel_furthest_step",
        At("a", "signup", "2024-01-01T10:00:00Z"), At("a", "create", "2024-01-01T11:00:00Z"), At("a", "share", "2024-01-02T10:00:00Z"),
        At("b", "signup", "2024-01-01T10:00:00Z"), At("b", "create", "2024-01-03T10:00:00Z"),
        At("c", "signup", "2024-01-01T10:00:00Z"),
        At("d", "create", "2024-01-01T10:00:00Z"), At("d", "share", "2024-01-01T11:00:00Z"));

    public static SemanticsCase<FunnelQuery> FurthestStep { get; } = Case("furthest_step", FurthestStepData, Funnel("signup,create,share"));

    public static SemanticsCase<FunnelQuery> OneOfTwo { get; } = Case("one_of_two",
        SemanticsData.Of("funnel_one_of_two", At("a", "x", "2024-01-01T10:00:00Z"), At("a", "y", "2024-01-01T11:00:00Z"), At("b", "x", "2024-01-01T10:00:00Z")),
        Funnel("x,y"));

    public static SemanticsCase<FunnelQuery> LaterRepeat { get; } = Case("later_repeat",
        SemanticsData.Of("funnel_later_repeat", At("a", "x", "2024-01-01T00:00:00Z"), At("a", "x", "2024-01-20T00:00:00Z"), At("a", "y", "2024-01-21T00:00:00Z")),
        Funnel("x,y"));

    // With a one-day window the first attempt stops at y; the second reaches z.
    public static SemanticsCase<FunnelQuery> EarliestAttempt { get; } = Case("earliest_attempt",
        SemanticsData.Of("funnel_earliest_attempt",
            At("a", "x", "2024-01-01T00:00:00Z"), At("a", "y", "2024-01-01T05:00:00Z"),
            At("a", "x", "2024-01-03T00:00:00Z"), At("a", "y", "2024-01-03T01:00:00Z"), At("a", "z", "2024-01-03T02:00:00Z")),
        Funnel("x,y,z", window: TimeSpan.FromDays(1)));

    // Step 2 stored before step 1 at the same instant.
    public static SemanticsCase<FunnelQuery> SameInstant { get; } = Case("same_instant",
        SemanticsData.Of("funnel_same_instant", At("a", "y", "2024-01-01T00:00:00Z"), At("a", "x", "2024-01-01T00:00:00Z")), Funnel("x,y"));

    public static SemanticsCase<FunnelQuery> OneEventTwoSteps { get; } = Case("one_event_two_steps",
        SemanticsData.Of("funnel_one_event", At("a", "x", "2024-01-01T00:00:00Z")), Funnel("x,x"));

    public static SemanticsCase<FunnelQuery> TwoEventsTwoSteps { get; } = Case("two_events_two_steps",
        SemanticsData.Of("funnel_two_events", At("a", "x", "2024-01-01T00:00:00Z"), At("a", "x", "2024-01-01T00:00:00Z")), Funnel("x,x"));

    public static SemanticsCase<FunnelQuery> WindowEnd { get; } = Case("window_end",
        SemanticsData.Of("funnel_window_end",
            At("on", "x", "2024-01-01T00:00:00Z"), At("on", "y", "2024-01-15T00:00:00Z"),
            At("late", "x", "2024-01-01T00:00:00Z"), At("late", "y", "2024-01-15T00:00:00.000001Z")),
        Funnel("x,y"));

    private static readonly SemanticsData StrictResetData = SemanticsData.Of("funnel_strict_reset",
        At("broken", "x", "2024-01-01T00:00:00Z"), At("broken", "other", "2024-01-01T01:00:00Z"), At("broken", "y", "2024-01-01T02:00:00Z"),
        At("repeat", "x", "2024-01-01T00:00:00Z"), At("repeat", "x", "2024-01-01T01:00:00Z"), At("repeat", "y", "2024-01-01T02:00:00Z"));

    public static SemanticsCase<FunnelQuery> StrictReset { get; } = Case("strict_reset", StrictResetData, Funnel("x,y", FunnelOrder.Strict));

    public static SemanticsCase<FunnelQuery> StrictResetOrdered { get; } = Case("strict_reset_ordered", StrictResetData, Funnel("x,y"));

    private static readonly SemanticsData AnyOrderData = SemanticsData.Of("funnel_any_order",
        At("backwards", "y", "2024-01-01T00:00:00Z"), At("backwards", "x", "2024-01-01T01:00:00Z"),
        At("half", "y", "2024-01-01T00:00:00Z"));

    public static SemanticsCase<FunnelQuery> Unordered { get; } = Case("unordered", AnyOrderData, Funnel("x,y", FunnelOrder.Unordered));

    public static SemanticsCase<FunnelQuery> UnorderedAsOrdered { get; } = Case("unordered_as_ordered", AnyOrderData, Funnel("x,y"));

    public static SemanticsCase<FunnelQuery> Exclusion { get; } = Case("exclusion",
        SemanticsData.Of("funnel_exclusion",
            At("excluded", "x", "2024-01-01T00:00:00Z"), At("excluded", "refund", "2024-01-01T01:00:00Z"), At("excluded", "y", "2024-01-01T02:00:00Z"),
            At("after", "x", "2024-01-01T00:00:00Z"), At("after", "y", "2024-01-01T02:00:00Z"), At("after", "refund", "2024-01-01T03:00:00Z"),
            At("before", "refund", "2023-12-31T00:00:00Z"), At("before", "x", "2024-01-01T00:00:00Z")),
        Funnel("x,y", exclude: ["refund"]));

    public static SemanticsCase<FunnelQuery> StepSet { get; } = Case("step_set",
        SemanticsData.Of("funnel_step_set", At("a", "x", "2024-01-01T00:00:00Z"), At("a", "y2", "2024-01-01T01:00:00Z")), Funnel("x,y1|y2"));

    public static SemanticsCase<FunnelQuery> AnonymousBeforeSignup { get; } = Case("anonymous_before_signup",
        SemanticsData.Of("funnel_anonymous",
            Event("m1", null, "page_view", "2024-01-01T00:00:00Z", anonymous: "dev"), Event("m2", "u", "signup", "2024-01-01T00:05:00Z", anonymous: "dev")),
        Funnel("page_view,signup"));

    /// <summary>A single step, which every engine refuses with the same message.</summary>
    public static SemanticsError<FunnelQuery> OneStep { get; } = new("one_step", SemanticsData.Of("funnel_one_step", At("a", "x", "2024-01-01T00:00:00Z")), Funnel("x"));

    private static long Micros(string iso) => SubscriptionBuilder.Instant(iso).UnixMicroseconds;

    private static FunnelQuery XY(TimeSpan window) => new(FunnelStepText.ParseList("x,y"), window);

    private static readonly SemanticsData RangeData = SemanticsData.Of("funnel_range",
        // a: step 1 an hour before the range opens, step 2 inside it: no attempt.
        At("a", "x", "2024-01-01T23:00:00Z"), At("a", "y", "2024-01-02T01:00:00Z"),
        // b: step 1 inside, step 2 nine hours after the range's end but within the 3-day window.
        At("b", "x", "2024-01-02T10:00:00Z"), At("b", "y", "2024-01-05T09:00:00Z"),
        At("c", "x", "2024-01-04T12:00:00Z"),
        // d: step 1 exactly at the (excluded) end of the range.
        At("d", "x", "2024-01-05T00:00:00Z"), At("d", "y", "2024-01-05T01:00:00Z"),
        // e: a step 2 before the range does not complete the attempt opened inside it.
        At("e", "y", "2024-01-01T09:00:00Z"), At("e", "x", "2024-01-03T10:00:00Z"));

    public static SemanticsCase<FunnelQuery> RangeAll { get; } = Case("range_all", RangeData, XY(TimeSpan.FromDays(3)));

    public static SemanticsCase<FunnelQuery> Ranged { get; } = Case("ranged", RangeData,
        XY(TimeSpan.FromDays(3)) with { Range = TimeRange.Between(Micros("2024-01-02T00:00:00Z"), Micros("2024-01-05T00:00:00Z")) });

    /// <summary>
    /// Six users by plan (profile) × platform (event property, on the step-1 event of the counted attempt):
    /// free / ios: u1 converts, u2 does not; free / (none): u3 converts (its step-1 event carries no
    /// platform, only its step 2 does); paid / ios: u4 converts; paid / web: u5 does not; (none) / android: u6 does not.
    /// </summary>
    private static readonly SemanticsData PlansAndPlatforms = new("funnel_plans_platforms",
        [
            Event("1", "u1", "x", "2024-01-01T10:00:00Z", platform: "ios"), Event("2", "u1", "y", "2024-01-01T11:00:00Z", platform: "ios"),
            Event("3", "u2", "x", "2024-01-01T10:00:00Z", platform: "ios"),
            Event("4", "u3", "x", "2024-01-01T10:00:00Z"), Event("5", "u3", "y", "2024-01-01T11:00:00Z", platform: "web"),
            Event("6", "u4", "x", "2024-01-01T10:00:00Z", platform: "ios"), Event("7", "u4", "y", "2024-01-01T12:00:00Z", platform: "ios"),
            Event("8", "u5", "x", "2024-01-01T10:00:00Z", platform: "web"),
            Event("9", "u6", "x", "2024-01-01T10:00:00Z", platform: "android"),
        ],
        [User("u1", plan: "free"), User("u2", plan: "free"), User("u3", plan: "free"), User("u4", plan: "paid"), User("u5", plan: "paid"), User("u6")], [], []);

    public static SemanticsCase<FunnelQuery> PlanByPlatform { get; } = Case("plan_by_platform", PlansAndPlatforms,
        XY(TimeSpan.FromDays(1)) with { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("platform")] });

    public static SemanticsCase<FunnelQuery> PlanByPlatformTopTwo { get; } = Case("plan_by_platform_top_two", PlansAndPlatforms,
        XY(TimeSpan.FromDays(1)) with { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("platform")], BreakdownLimit = 2 });

    public static SemanticsCase<FunnelQuery> PaidByPlatform { get; } = Case("paid_by_platform", PlansAndPlatforms,
        XY(TimeSpan.FromDays(1)) with { Cohort = new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"])), Breakdowns = [Breakdown.Event("platform")] });

    /// <summary>A plan breakdown alone: a profile attribute, which the databases take.</summary>
    public static SemanticsCase<FunnelQuery> ByPlan { get; } = Case("by_plan", PlansAndPlatforms, XY(TimeSpan.FromDays(1)) with { Breakdowns = [Breakdown.Profile("plan")] });

    // a: an earlier non-step event on web, then signs up on ios and creates: group ios.
    // b: signs up on android without creating, later signs up on ios and creates: the counted
    //    attempt (the earliest reaching depth 2) opened on ios.
    // c: signs up on android only: depth 1, group android.
    public static SemanticsCase<FunnelQuery> CountedAttemptPlatform { get; } = Case("counted_attempt_platform",
        SemanticsData.Of("funnel_counted_attempt",
            Event("1", "a", "open", "2026-01-01T09:00:00Z", platform: "web"),
            Event("2", "a", "signup", "2026-01-01T10:00:00Z", platform: "ios"),
            Event("3", "a", "create", "2026-01-01T11:00:00Z", platform: "web"),
            Event("4", "b", "signup", "2026-01-01T10:00:00Z", platform: "android"),
            Event("5", "b", "signup", "2026-01-20T10:00:00Z", platform: "ios"),
            Event("6", "b", "create", "2026-01-20T11:00:00Z", platform: "ios"),
            Event("7", "c", "signup", "2026-01-02T10:00:00Z", platform: "android")),
        new FunnelQuery(FunnelStepText.ParseList("signup,create"), TimeSpan.FromDays(1)) { Breakdowns = [Breakdown.Event("platform")] });

    private static readonly SemanticsData UpgradePlans = SemanticsData.Of("funnel_upgrade_plans",
        At("u1", "signup", "2026-01-01T00:00:00Z"), Event("x1", "u1", "upgrade", "2026-01-02T00:00:00Z", properties: """{"plan":"team"}"""),
        At("u2", "signup", "2026-01-01T00:00:00Z"), Event("x2", "u2", "upgrade", "2026-01-02T00:00:00Z", properties: """{"plan":"plus"}"""),
        At("u3", "signup", "2026-01-01T00:00:00Z"), At("u3", "upgrade", "2026-01-02T00:00:00Z"));

    public static SemanticsCase<FunnelQuery> FilterEquals { get; } = Case("filter_equals", UpgradePlans,
        new FunnelQuery(FunnelStepText.ParseList("signup,upgrade[plan=team]"), FunnelQuery.DefaultWindow));

    public static SemanticsCase<FunnelQuery> FilterDiffers { get; } = Case("filter_differs", UpgradePlans,
        new FunnelQuery(FunnelStepText.ParseList("signup,upgrade[plan!=team]"), FunnelQuery.DefaultWindow));

    public static SemanticsCase<FunnelQuery> StrictFilterReset { get; } = Case("strict_filter_reset",
        SemanticsData.Of("funnel_strict_filter",
            At("u1", "signup", "2026-01-01T00:00:00Z"), Event("y1", "u1", "edit", "2026-01-01T01:00:00Z", platform: "web"),
            Event("y2", "u1", "edit", "2026-01-01T02:00:00Z", platform: "ios")),
        new FunnelQuery(FunnelStepText.ParseList("signup,edit[platform=ios]"), FunnelQuery.DefaultWindow, FunnelOrder.Strict));

    /// <summary>Every case, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsCase<FunnelQuery>> Cases =>
    [
        FurthestStep, OneOfTwo, LaterRepeat, EarliestAttempt, SameInstant, OneEventTwoSteps, TwoEventsTwoSteps, WindowEnd, StrictReset, StrictResetOrdered,
        Unordered, UnorderedAsOrdered, Exclusion, StepSet, AnonymousBeforeSignup, RangeAll, Ranged, PlanByPlatform, PlanByPlatformTopTwo, PaidByPlatform,
        ByPlan, CountedAttemptPlatform, FilterEquals, FilterDiffers, StrictFilterReset,
    ];

    /// <summary>Every question that must fail alike, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsError<FunnelQuery>> Errors => [OneStep];
}
