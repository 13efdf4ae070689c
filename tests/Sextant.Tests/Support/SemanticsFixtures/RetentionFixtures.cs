using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>Retention's hand-made cases: the semantics tests check their answers on paper, the replay suites on every database.</summary>
public static class RetentionFixtures
{
    private static SemanticsCase<RetentionQuery> Case(string label, SemanticsData data, RetentionQuery query, string zone = "UTC") => new(label, data, query, zone);

    private static Timestamp Instant(string iso) => SubscriptionBuilder.Instant(iso);

    private static EventRecord[] ThreeUsers(string lastEvent) =>
    [
        At("u1", "signup", "2024-01-10T10:00:00Z"), At("u1", "edit", "2024-02-03T10:00:00Z"),
        At("u2", "signup", "2024-01-20T10:00:00Z"), At("u2", "edit", lastEvent),
        At("u3", "signup", "2024-02-05T10:00:00Z"),
    ];

    /// <summary>Three users, the data ending at the last microsecond of March.</summary>
    private static readonly SemanticsData ThreeUsersToMarchEnd = SemanticsData.Of("retention_three_users", ThreeUsers("2024-03-31T23:59:59.999999Z"));

    public static SemanticsCase<RetentionQuery> Monthly { get; } = Case("monthly", ThreeUsersToMarchEnd, new RetentionQuery());

    public static SemanticsCase<RetentionQuery> MonthlyOnOrAfter { get; } = Case("monthly_on_or_after", ThreeUsersToMarchEnd, new RetentionQuery(Mode: RetentionMode.OnOrAfter));

    /// <summary>The same three users, the data ending mid-March.</summary>
    public static SemanticsCase<RetentionQuery> UnfinishedMonth { get; } = Case("unfinished_month",
        SemanticsData.Of("retention_mid_march", ThreeUsers("2024-03-15T10:00:00Z")), new RetentionQuery());

    public static SemanticsError<RetentionQuery> UnknownReturnEvent { get; } = new("unknown_return_event", ThreeUsersToMarchEnd, new RetentionQuery(ReturnEvent: "nope"));

    public static SemanticsCase<RetentionQuery> DayN { get; } = Case("day_n",
        SemanticsData.Of("retention_day_n",
            At("a", "signup", "2024-01-01T23:00:00Z"), At("a", "edit", "2024-01-02T00:30:00Z"), At("a", "edit", "2024-01-09T12:00:00Z"),
            At("b", "signup", "2024-01-01T08:00:00Z"), At("b", "edit", "2024-01-03T08:00:00Z"),
            At("c", "signup", "2024-01-31T08:00:00Z"), At("c", "edit", "2024-02-01T08:00:00Z")),
        new RetentionQuery(Range: TimeRange.UpTo(Instant("2024-02-10T00:00:00Z").UnixMicroseconds)));

    // 23:30Z on 30 March is 00:30 on 31 March in Berlin; 22:30Z on 31 March is 00:30 on 1 April (CEST).
    public static SemanticsCase<RetentionQuery> BerlinDaylightSaving { get; } = Case("berlin_daylight_saving",
        SemanticsData.Of("retention_berlin_dst",
            At("a", "signup", "2024-03-30T23:30:00Z"), At("a", "edit", "2024-03-31T21:30:00Z"), At("a", "edit", "2024-03-31T22:30:00Z")),
        new RetentionQuery(Period: CalendarPeriod.Day), "Europe/Berlin");

    private static readonly SemanticsData MondayWeeks = SemanticsData.Of("retention_monday_weeks",
        At("a", "signup", "2024-01-03T10:00:00Z"), At("a", "create", "2024-01-07T10:00:00Z"), At("a", "edit", "2024-01-08T10:00:00Z"),
        At("b", "signup", "2024-01-07T10:00:00Z"), At("b", "create", "2024-01-09T10:00:00Z"));

    public static SemanticsCase<RetentionQuery> WeeksBySignup { get; } = Case("weeks_by_signup", MondayWeeks, new RetentionQuery(Period: CalendarPeriod.Week));

    public static SemanticsCase<RetentionQuery> WeeksByCreate { get; } = Case("weeks_by_create", MondayWeeks,
        new RetentionQuery(Period: CalendarPeriod.Week, StartEvent: "create", ReturnEvent: "edit"));

    // u1 signs up before the range, u4 after it; u2's and u3's April returns fall after --to 2024-03-31.
    public static SemanticsCase<RetentionQuery> Ranged { get; } = Case("ranged",
        SemanticsData.Of("retention_range",
            At("u1", "signup", "2024-01-10T10:00:00Z"), At("u1", "edit", "2024-02-03T10:00:00Z"),
            At("u2", "signup", "2024-02-10T10:00:00Z"), At("u2", "edit", "2024-03-05T10:00:00Z"), At("u2", "edit", "2024-04-02T10:00:00Z"),
            At("u3", "signup", "2024-03-20T10:00:00Z"), At("u3", "edit", "2024-04-05T10:00:00Z"),
            At("u4", "signup", "2024-04-10T10:00:00Z")),
        new RetentionQuery(Range: new TimeRange(Instant("2024-02-01T00:00:00Z"), Instant("2024-04-01T00:00:00Z"))));

    private static EventRecord Signup(string user, string iso, string platform) => Event("s-" + user, user, "signup", iso, platform: platform);

    /// <summary>Six January sign-ups: segment ent / ind / none × platform of the sign-up event; February returns by a, c and e.</summary>
    private static readonly SemanticsData SixUsers = new("retention_six_users",
        [
            Signup("a", "2026-01-05T10:00:00Z", "ios"), At("a", "edit", "2026-02-05T10:00:00Z"),
            Signup("b", "2026-01-06T10:00:00Z", "web"),
            Signup("c", "2026-01-07T10:00:00Z", "ios"), At("c", "edit", "2026-02-07T10:00:00Z"),
            Signup("d", "2026-01-08T10:00:00Z", "ios"),
            Signup("e", "2026-01-09T10:00:00Z", "web"), At("e", "edit", "2026-02-09T10:00:00Z"),
            Signup("f", "2026-01-10T10:00:00Z", "android"), At("f", "edit", "2026-03-10T10:00:00Z"),
        ],
        [User("a", segment: "ent"), User("b", segment: "ent"), User("c", segment: "ind"), User("d", segment: "ind"), User("e", segment: "ind")], [], []);

    public static SemanticsCase<RetentionQuery> SegmentByPlatformTopTwo { get; } = Case("segment_by_platform_top_two", SixUsers,
        new RetentionQuery(Breakdowns: [Breakdown.Profile("segment"), Breakdown.Event("platform")], BreakdownLimit: 2));

    public static SemanticsCase<RetentionQuery> SegmentByPlatform { get; } = Case("segment_by_platform", SixUsers,
        new RetentionQuery(Breakdowns: [Breakdown.Profile("segment"), Breakdown.Event("platform")], BreakdownLimit: 10));

    public static SemanticsCase<RetentionQuery> Individuals { get; } = Case("individuals", SixUsers,
        new RetentionQuery(Cohort: new Cohort("individuals", new HasProperty("segment", PropertyComparison.In, ["ind"]))));

    public static SemanticsCase<RetentionQuery> BySegment { get; } = Case("by_segment",
        new SemanticsData("retention_by_segment",
            [
                At("a", "signup", "2026-01-05T10:00:00Z"), At("a", "edit", "2026-02-05T10:00:00Z"),
                At("b", "signup", "2026-01-06T10:00:00Z"), At("b", "edit", "2026-02-06T10:00:00Z"),
                At("c", "signup", "2026-01-07T10:00:00Z"), At("c", "edit", "2026-03-07T10:00:00Z"),
            ],
            [User("a", segment: "ent"), User("b", segment: "ind"), User("c", segment: "ind")], [], []),
        new RetentionQuery(Breakdowns: [Breakdown.Profile("segment")]));

    /// <summary>Every case, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsCase<RetentionQuery>> Cases =>
    [
        Monthly, MonthlyOnOrAfter, UnfinishedMonth, DayN, BerlinDaylightSaving, WeeksBySignup, WeeksByCreate, Ranged,
        SegmentByPlatformTopTwo, SegmentByPlatform, Individuals, BySegment,
    ];

    /// <summary>Every question that must fail alike, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsError<RetentionQuery>> Errors => [UnknownReturnEvent];
}
