using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;
using static Sextant.Tests.Support.SubscriptionBuilder;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>Revenue's hand-made cases: the semantics tests check their answers on paper, the replay suites on every database.</summary>
public static class RevenueFixtures
{
    private static SemanticsCase<RevenueQuery> Case(string label, SemanticsData data, RevenueQuery query) => new(label, data, query);

    private static SemanticsData Data(string name, EventRecord[] events, params Subscription[] subscriptions) => new(name, events, [], subscriptions, []);

    /// <summary>Revenue with the data ending at <paramref name="isoAsOf"/>.</summary>
    private static RevenueQuery AsOf(string isoAsOf) => new(Range: TimeRange.UpTo(Instant(isoAsOf).UnixMicroseconds));

    // A $30 subscription from Jan 1 and data up to the last microsecond of Mar 14 (14 days of March),
    // with a second user, never paying, active in January and March.
    public static SemanticsCase<RevenueQuery> RunningSubscription { get; } = Case("running_subscription",
        Data("revenue_running",
            [
                At("a", "signup", "2026-01-01T10:00:00Z"), At("a", "edit", "2026-02-05T10:00:00Z"), At("a", "edit", "2026-03-10T10:00:00Z"),
                At("b", "signup", "2026-01-10T10:00:00Z"), At("b", "edit", "2026-03-05T10:00:00Z"),
            ],
            Paid("a", 30, "2026-01-01T00:00:00Z")),
        AsOf("2026-03-14T23:59:59.999999Z"));

    // $31 MRR from Jan 17 at noon (14.5 of January's 31 days) to Feb 15 (14 of February's 28 days).
    public static SemanticsCase<RevenueQuery> MidMonth { get; } = Case("mid_month",
        Data("revenue_mid_month", [At("m", "signup", "2026-01-17T13:00:00Z"), At("m", "edit", "2026-03-10T10:00:00Z")],
            Paid("m", 31, "2026-01-17T12:00:00Z", "2026-02-15T00:00:00Z")),
        AsOf("2026-03-31T23:59:59.999999Z"));

    public static SemanticsCase<RevenueQuery> TrialsAndFreePlans { get; } = Case("trials_and_free_plans",
        Data("revenue_trials",
            [At("t", "signup", "2026-01-03T10:00:00Z"), At("p", "signup", "2026-01-04T10:00:00Z"), At("z", "signup", "2026-01-05T10:00:00Z")],
            Trial("t", 10, "2026-01-01T00:00:00Z"), Paid("p", 10, "2026-01-01T00:00:00Z"), Paid("z", 0, "2026-01-01T00:00:00Z")),
        AsOf("2026-01-31T23:59:59.999999Z"));

    public static SemanticsCase<RevenueQuery> MainCurrency { get; } = Case("main_currency",
        Data("revenue_currencies",
            [At("u1", "signup", "2026-01-03T10:00:00Z"), At("u2", "signup", "2026-01-04T10:00:00Z"), At("u3", "signup", "2026-01-05T10:00:00Z")],
            Paid("u1", 10, "2026-01-01T00:00:00Z"), Paid("u2", 20, "2026-01-01T00:00:00Z"), Paid("u3", 100, "2026-01-01T00:00:00Z", currency: "EUR")),
        AsOf("2026-01-31T23:59:59.999999Z"));

    // The January cohort (a pays $20 from Jan 1, b never pays) and the February cohort (c pays $10 from Feb 1).
    public static SemanticsCase<RevenueQuery> CohortLtv { get; } = Case("cohort_ltv",
        Data("revenue_cohort_ltv",
            [At("a", "signup", "2026-01-01T00:00:00Z"), At("b", "signup", "2026-01-20T10:00:00Z"), At("c", "signup", "2026-02-03T10:00:00Z")],
            Paid("a", 20, "2026-01-01T00:00:00Z"), Paid("c", 10, "2026-02-01T00:00:00Z")),
        AsOf("2026-03-31T23:59:59.999999Z"));

    /// <summary>
    /// Two cohorts of 60 whose members stay active for L + 1 months, with #(L ≥ k) = 60 / (k + 1): pooled
    /// on-or-after retention is 1, 1/2, 1/3, 1/4, 1/5, 1/6, the sBG curve with α = β = 1. The 10
    /// longest-staying January members pay $6 a month, so January earns $60 in each of its 6 complete months.
    /// </summary>
    public static SemanticsCase<RevenueQuery> PlantedRetentionCurve { get; } = Case("planted_retention_curve", PlantedCurve(), AsOf("2025-06-30T23:59:59.999999Z"));

    private static SemanticsData PlantedCurve()
    {
        var lifetimes = new[] { (0, 30), (1, 10), (2, 5), (3, 3), (4, 2), (5, 10) }.SelectMany(p => Enumerable.Repeat(p.Item1, p.Item2)).ToArray();
        var events = new List<EventRecord>();
        var subscriptions = new List<Subscription>();
        foreach (var (cohort, month) in new[] { ("jan", 1), ("feb", 2) })
            for (var i = 0; i < lifetimes.Length; i++)
            {
                var user = cohort + i;
                events.Add(At(user, "signup", $"2025-{month:00}-05T10:00:00Z"));
                for (var k = 1; k <= lifetimes[i]; k++) events.Add(At(user, "edit", $"2025-{month + k:00}-10T10:00:00Z"));
                if (cohort == "jan" && lifetimes[i] == 5) subscriptions.Add(Paid(user, 6, "2025-01-01T00:00:00Z"));
            }
        return Data("revenue_planted_curve", [.. events], [.. subscriptions]);
    }

    public static SemanticsCase<RevenueQuery> TooShortToProject { get; } = Case("too_short_to_project",
        Data("revenue_too_short",
            [At("a", "signup", "2026-01-05T10:00:00Z"), At("a", "edit", "2026-02-05T10:00:00Z"), At("b", "signup", "2026-01-06T10:00:00Z")],
            Paid("a", 10, "2026-01-05T00:00:00Z")),
        AsOf("2026-02-28T23:59:59.999999Z"));

    /// <summary>a pays $30 from January 1, b signs up on February 20 and pays $20 from then; a is active into April.</summary>
    private static readonly SemanticsData TwoPayers = new("revenue_two_payers",
        [
            At("a", "signup", "2026-01-05T10:00:00Z"), At("a", "edit", "2026-02-10T10:00:00Z"), At("a", "edit", "2026-03-10T10:00:00Z"), At("a", "edit", "2026-04-10T10:00:00Z"),
            At("b", "signup", "2026-02-20T10:00:00Z"), At("b", "edit", "2026-03-15T10:00:00Z"),
        ],
        [User("a", plan: "basic"), User("b", plan: "pro")], [Paid("a", 30, "2026-01-01T00:00:00Z"), Paid("b", 20, "2026-02-20T00:00:00Z")], []);

    public static SemanticsCase<RevenueQuery> MidFebruaryToMarch { get; } = Case("mid_february_to_march", TwoPayers,
        new RevenueQuery(Range: new TimeRange(Instant("2026-02-15T00:00:00Z"), Instant("2026-04-01T00:00:00Z"))));

    public static SemanticsCase<RevenueQuery> ProPlan { get; } = Case("pro_plan", TwoPayers,
        new RevenueQuery(Range: new TimeRange(null, Instant("2026-04-01T00:00:00Z")), Cohort: new Cohort("pro", new HasProperty("plan", PropertyComparison.In, ["pro"]))));

    // a (basic, ios) pays 30, b and c (pro, web) pay 20 and 10, d (no profile, android) pays nothing; January only.
    public static SemanticsCase<RevenueQuery> PlanByPlatformTopTwo { get; } = Case("plan_by_platform_top_two",
        new SemanticsData("revenue_plans_platforms",
            [
                Event("ea", "a", "signup", "2026-01-05T10:00:00Z", platform: "ios"), Event("eb", "b", "signup", "2026-01-06T10:00:00Z", platform: "web"),
                Event("ec", "c", "signup", "2026-01-07T10:00:00Z", platform: "web"), Event("ed", "d", "signup", "2026-01-08T10:00:00Z", platform: "android"),
            ],
            [User("a", plan: "basic"), User("b", plan: "pro"), User("c", plan: "pro")],
            [Paid("a", 30, "2026-01-01T00:00:00Z"), Paid("b", 20, "2026-01-01T00:00:00Z"), Paid("c", 10, "2026-01-01T00:00:00Z")], []),
        new RevenueQuery(Range: new TimeRange(null, Instant("2026-02-01T00:00:00Z")), Breakdowns: [Breakdown.Profile("plan"), Breakdown.Event("platform")], BreakdownLimit: 2));

    /// <summary>Every case, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsCase<RevenueQuery>> Cases =>
    [
        RunningSubscription, MidMonth, TrialsAndFreePlans, MainCurrency, CohortLtv, PlantedRetentionCurve, TooShortToProject, MidFebruaryToMarch, ProPlan,
        PlanByPlatformTopTwo,
    ];
}
