using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>The experiments' hand-made cases: the semantics tests check their answers on paper, the replay suites on every database.</summary>
public static class ExperimentFixtures
{
    private static ExperimentQuery Query(params string[] metrics) => new("exp", metrics.Select(MetricSpecText.Parse).ToList());

    private static SemanticsCase<ExperimentQuery> Case(string label, SemanticsData data, ExperimentQuery query) => new(label, data, query);

    private static SemanticsData Data(string name, IReadOnlyList<Assignment> assignments, params EventRecord[] events) => new(name, events, [], [], assignments);

    private static long Micros(string iso) => SubscriptionBuilder.Instant(iso).UnixMicroseconds;

    public static SemanticsCase<ExperimentQuery> TwoVariants { get; } = Case("two_variants",
        Data("experiment_two_variants",
            [Assign("exp", "a", "treatment", "2026-01-01T00:00:00Z"), Assign("exp", "b", "control", "2026-01-01T00:00:00Z"),
             Assign("exp", "c", "control", "2026-01-01T00:00:00Z"), Assign("exp", "c", "treatment", "2026-01-02T00:00:00Z"),
             Assign("other", "a", "control", "2026-01-01T00:00:00Z")],
            At("a", "x", "2026-01-01T01:00:00Z"), At("b", "x", "2026-01-01T01:00:00Z"), At("c", "x", "2026-01-01T01:00:00Z"), At("c", "x", "2026-01-10T00:00:00Z")),
        Query("count:x"));

    // Four assigned users, two per arm, of whom only one per arm has an event (and none has a profile).
    public static SemanticsCase<ExperimentQuery> AssignedOnly { get; } = Case("assigned_only",
        Data("experiment_assigned_only",
            [Assign("exp", "c1", "control", "2026-01-01T00:00:00Z"), Assign("exp", "c2", "control", "2026-01-01T00:00:00Z"),
             Assign("exp", "t1", "treatment", "2026-01-01T00:00:00Z"), Assign("exp", "t2", "treatment", "2026-01-01T00:00:00Z")],
            At("c1", "buy", "2026-01-02T00:00:00Z"), At("t1", "buy", "2026-01-02T00:00:00Z")),
        Query("conversion:buy", "count:buy"));

    // Control counts 0, 1, 2 (mean 1, variance 1); treatment 2, 3, 4 (mean 3, variance 1).
    public static SemanticsCase<ExperimentQuery> Welch { get; } = Case("welch", WelchData(), Query("count:x"));

    private static SemanticsData WelchData()
    {
        var assignments = new[] { "c0", "c1", "c2" }.Select(u => Assign("exp", u, "control", "2026-01-01T00:00:00Z"))
            .Concat(new[] { "t2", "t3", "t4" }.Select(u => Assign("exp", u, "treatment", "2026-01-01T00:00:00Z"))).ToList();
        var events = new List<EventRecord> { At("c0", "open", "2026-01-01T01:00:00Z") };
        foreach (var (user, count) in new[] { ("c1", 1), ("c2", 2), ("t2", 2), ("t3", 3), ("t4", 4) })
            for (var i = 0; i < count; i++) events.Add(At(user, "x", $"2026-01-0{2 + i}T00:00:00Z"));
        return Data("experiment_welch", assignments, [.. events]);
    }

    // a converts on day 7 exactly (inside), b on day 8 (outside), c converts, late is exposed 2 days before the data end.
    public static SemanticsCase<ExperimentQuery> ConversionWindow { get; } = Case("conversion_window",
        Data("experiment_conversion_window",
            [Assign("exp", "a", "control", "2026-01-01T00:00:00Z"), Assign("exp", "b", "control", "2026-01-01T00:00:00Z"),
             Assign("exp", "c", "treatment", "2026-01-01T00:00:00Z"), Assign("exp", "late", "treatment", "2026-01-08T00:00:00Z")],
            At("a", "buy", "2026-01-08T00:00:00Z"), At("b", "buy", "2026-01-09T00:00:00Z"), At("c", "buy", "2026-01-02T00:00:00Z"),
            At("late", "view", "2026-01-10T00:00:00Z")),
        Query("conversion:buy:within=7d"));

    public static SemanticsCase<ExperimentQuery> RatioOfSums { get; } = Case("ratio_of_sums",
        Data("experiment_ratio",
            [Assign("exp", "a", "control", "2026-01-01T00:00:00Z"), Assign("exp", "b", "control", "2026-01-01T00:00:00Z"), Assign("exp", "c", "treatment", "2026-01-01T00:00:00Z")],
            At("a", "comment", "2026-01-02T00:00:00Z"), At("a", "view", "2026-01-02T00:00:00Z"), At("a", "view", "2026-01-02T01:00:00Z"),
            At("b", "view", "2026-01-02T00:00:00Z"), At("b", "view", "2026-01-02T01:00:00Z"),
            At("c", "comment", "2026-01-02T00:00:00Z"), At("c", "view", "2026-01-02T00:00:00Z")),
        Query("ratio:comment/view"));

    public static SemanticsCase<ExperimentQuery> SampleRatioMismatch { get; } = Case("sample_ratio_mismatch",
        Data("experiment_srm",
            [.. Enumerable.Range(0, 200).Select(i => Assign("exp", $"u{i}", i < 150 ? "control" : "treatment", "2026-01-01T00:00:00Z"))],
            [.. Enumerable.Range(0, 200).Select(i => At($"u{i}", i % 2 == 0 ? "buy" : "view", "2026-01-02T00:00:00Z"))]),
        Query("conversion:buy"));

    private static readonly SemanticsData OneVariantA = Data("experiment_variant_a", [Assign("exp", "a", "A", "2026-01-01T00:00:00Z")], At("a", "x", "2026-01-01T00:00:00Z"));

    public static SemanticsError<ExperimentQuery> UnknownExperiment { get; } = new("unknown_experiment", OneVariantA, Query("count:x") with { Name = "nope" });

    public static SemanticsError<ExperimentQuery> UnknownControl { get; } = new("unknown_control", OneVariantA, Query("count:x"));

    // Conversion 60% in treatment, 30% in control; treatment users never come back on day 1, control users all do.
    private static readonly SemanticsData ClearWinnerData = ClearWinner();

    private static SemanticsData ClearWinner()
    {
        var assignments = new List<Assignment>();
        var events = new List<EventRecord>();
        for (var i = 0; i < 400; i++)
        {
            var treated = i % 2 == 1;
            assignments.Add(Assign("exp", $"u{i}", treated ? "treatment" : "control", "2026-01-01T00:00:00Z"));
            if (i % 10 < (treated ? 6 : 3)) events.Add(At($"u{i}", "buy", "2026-01-01T12:00:00Z"));
            events.Add(At($"u{i}", "view", treated ? "2026-01-01T13:00:00Z" : "2026-01-02T13:00:00Z"));
        }
        events.Add(At("u0", "view", "2026-01-05T00:00:00Z"));
        return Data("experiment_clear_winner", assignments, [.. events]);
    }

    public static SemanticsCase<ExperimentQuery> Winner { get; } = Case("winner", ClearWinnerData, Query("conversion:buy"));

    public static SemanticsCase<ExperimentQuery> HarmedGuardrail { get; } = Case("harmed_guardrail", ClearWinnerData,
        Query("conversion:buy") with { Guardrails = [new Guardrail(MetricSpecText.Parse("active_on_day:1"), 0.02)] });

    // Users exposed in January and in February, two of them to both variants, and an event after February.
    private static readonly SemanticsData TwoMonths = Data("experiment_two_months",
        [Assign("exp", "c1", "control", "2026-01-05T00:00:00Z"), Assign("exp", "t1", "treatment", "2026-01-06T00:00:00Z"),
         Assign("exp", "c2", "control", "2026-02-05T00:00:00Z"), Assign("exp", "t2", "treatment", "2026-02-06T00:00:00Z"),
         Assign("exp", "m1", "control", "2026-01-07T00:00:00Z"), Assign("exp", "m1", "treatment", "2026-01-08T00:00:00Z"),
         Assign("exp", "m2", "control", "2026-02-07T00:00:00Z"), Assign("exp", "m2", "treatment", "2026-02-08T00:00:00Z")],
        At("c1", "x", "2026-01-10T00:00:00Z"), At("t1", "x", "2026-01-10T00:00:00Z"),
        At("c2", "x", "2026-02-10T00:00:00Z"), At("t2", "x", "2026-02-10T00:00:00Z"), At("t2", "x", "2026-03-05T00:00:00Z"));

    public static SemanticsCase<ExperimentQuery> February { get; } = Case("february", TwoMonths,
        Query("count:x") with { Range = TimeRange.Between(Micros("2026-02-01T00:00:00Z"), Micros("2026-03-01T00:00:00Z")) });

    public static SemanticsCase<ExperimentQuery> BothMonths { get; } = Case("both_months", TwoMonths, Query("count:x"));

    /// <summary>
    /// Plans and devices (event property on each user's first event): free/ios u1 u2 u4 u8 u9, free/web u3,
    /// paid/ios u5, paid/web u6, paid/android u7. Counts of x: u1 1, u2 3, u4 5 (free/ios: control 1,
    /// treatment 4); u5 0, u7 2 (control), u6 6 (treatment). u8 is not exposed; u9 saw both variants.
    /// </summary>
    private static readonly SemanticsData PlansAndDevices = PlansAndDevicesData();

    private static SemanticsData PlansAndDevicesData()
    {
        var users = new List<UserProfile>();
        var events = new List<EventRecord>();
        var assignments = new List<Assignment>();
        void Add(string id, string plan, string device, string? variant, int count)
        {
            users.Add(User(id, "2026-01-01T00:00:00Z", plan: plan));
            events.Add(Event(id + "-open", id, "open", "2026-01-01T01:00:00Z", properties: $$"""{"device":"{{device}}"}"""));
            for (var i = 0; i < count; i++) events.Add(At(id, "x", $"2026-01-0{2 + i}T00:00:00Z"));
            if (variant is not null) assignments.Add(Assign("exp", id, variant, "2026-01-01T00:30:00Z"));
        }
        Add("u1", "free", "ios", "control", 1);
        Add("u2", "free", "ios", "treatment", 3);
        Add("u3", "free", "web", "control", 0);
        Add("u4", "free", "ios", "treatment", 5);
        Add("u5", "paid", "ios", "control", 0);
        Add("u6", "paid", "web", "treatment", 6);
        Add("u7", "paid", "android", "control", 2);
        Add("u8", "free", "ios", null, 0);
        Add("u9", "free", "ios", "control", 0);
        assignments.Add(Assign("exp", "u9", "treatment", "2026-01-01T00:40:00Z"));
        return new SemanticsData("experiment_plans_devices", events, users, [], assignments);
    }

    private static readonly Cohort Paid = new("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]));

    public static SemanticsCase<ExperimentQuery> PlanByDeviceTopTwo { get; } = Case("plan_by_device_top_two", PlansAndDevices,
        Query("count:x") with { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("device")], BreakdownLimit = 2 });

    public static SemanticsCase<ExperimentQuery> Everyone { get; } = Case("everyone", PlansAndDevices, Query("count:x"));

    public static SemanticsCase<ExperimentQuery> PaidOnly { get; } = Case("paid_only", PlansAndDevices, Query("count:x") with { Cohort = Paid });

    public static SemanticsCase<ExperimentQuery> DeviceAndPaidSegments { get; } = Case("device_and_paid_segments", PlansAndDevices,
        Query("count:x") with { Segments = [Breakdown.Event("device"), Breakdown.InCohort(Paid)] });

    /// <summary>Every case, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsCase<ExperimentQuery>> Cases =>
    [
        TwoVariants, AssignedOnly, Welch, ConversionWindow, RatioOfSums, SampleRatioMismatch, Winner, HarmedGuardrail, February, BothMonths,
        PlanByDeviceTopTwo, Everyone, PaidOnly, DeviceAndPaidSegments,
    ];

    /// <summary>Every question that must fail alike, for the replay suites.</summary>
    public static IReadOnlyList<SemanticsError<ExperimentQuery>> Errors => [UnknownExperiment, UnknownControl];
}
