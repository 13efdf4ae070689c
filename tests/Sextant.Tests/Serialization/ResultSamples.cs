using Sextant.Analysis;
using Sextant.Analysis.Checks;
using Sextant.Analysis.Cohorts;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Health;
using Sextant.Analysis.Impact;
using Sextant.Analysis.Info;
using Sextant.Analysis.Marts;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Cli.Commands;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage.Snapshot;

namespace Sextant.Tests.Serialization;

/// <summary>
/// One small hand-made value of each result type, every field set, with some nullable fields null,
/// so that a snapshot shows each JSON name, its value form and how null is written. The figures are
/// consistent where that is cheap (rates are users over eligible users) but were not computed from data.
/// </summary>
internal static class ResultSamples
{
    /// <summary>Snapshot name → value to serialize.</summary>
    public static IReadOnlyDictionary<string, object> All { get; } = new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["FunnelResult"] = Funnel(),
        ["LifecycleFunnelResult"] = LifecycleFunnel(),
        ["RetentionResult"] = Retention(),
        ["EngagementResult"] = Engagement(),
        ["RevenueResult"] = Revenue(),
        ["ExperimentResult"] = Experiment(),
        ["PathResult"] = Paths(),
        ["PathResultByGroup"] = Paths() with
        {
            Groups =
            [
                new PathGroup("free / ios", ["free", "ios"], 2, 3, [new PathCount(["home", "editor"], 2, 2, 2.0 / 3)]),
                new PathGroup("Other", ["Other"], 1, 1, [new PathCount(["home"], 1, 1, 1)]),
            ],
        },
        ["HealthResult"] = Health(),
        ["MartsResult"] = Marts(),
        ["GrowthResult"] = Growth(),
        ["ImpactResult"] = Impact(),
        ["ImpactResultByGroup"] = Impact() with
        {
            Groups =
            [
                new ImpactGroup("A / ios", ["A", "ios"], 8, 4, 4, 0.75, 0.25, new EffectEstimate(0.5, 0.3, -0.088, 1.088), new EffectEstimate(0.5, 0.3, -0.088, 1.088), 0, null),
                new ImpactGroup("Other", ["Other"], 2, 1, 1, 1, 0, null, null, 0, "fewer than 2 adopters (1)"),
            ],
        },
        ["ChannelAttribution"] = Attribution(),
        ["ChannelAttributionResult"] = AttributionByGroup(),
        ["CohortSizesResult"] = new CohortSizesResult(3, [new CohortSize("creators", "did create_page ≥ 3 times within 7d of sign-up", 1, 1 / 3.0, 0.0615, 0.7923, 1)]),
        ["StoreInfo"] = Store(),
        ["CheckReport"] = Checks(),
        ["IngestResult"] = IngestCommand.ToJson(Ingest(), new SnapshotOutcome("sextant.db.table", 4_096, 3, TimeSpan.FromSeconds(0.25), null)),
    };

    private static FunnelStepResult Step(string name, long users, long previous, long first, double? median, double? p90) =>
        new(name, users, (double)users / previous, (double)users / first, 0.25, 0.75, 0.125, 0.625, previous - users, median, p90, median, p90);

    private static FunnelResult Funnel() =>
        new(FunnelOrder.Ordered, 86400, [Step("signup", 4, 4, 4, null, null), Step("create_doc", 2, 4, 4, 90, 120)],
            [new FunnelBreakdown("web", [Step("signup", 2, 2, 2, null, null), Step("create_doc", 1, 2, 2, 60, 60)], 0.5, 1, 0.5, 2, 1)],
            1, 1)
        {
            Warnings = ["funnels.onboarding: event invite_sent is not in the store"],
        };

    private static LifecycleFunnelResult LifecycleFunnel() =>
        new("2024-03-31T23:59:59Z", 28, [Step("visitor", 8, 8, 8, null, null), Step("signed_up", 4, 8, 8, null, null)],
            1, 2, 3, 0, [])
        {
            Warnings = [],
        };

    private static RetentionResult Retention()
    {
        var early = new RetentionRate(1, 2, 4, 0.5, 0.15, 0.85);
        var late = new RetentionRate(1, 1, 4, 0.25, 0.05, 0.7);
        return new RetentionResult(CalendarPeriod.Week, RetentionMode.OnOrAfter, "2024-01-21T00:00:00Z",
            [new RetentionCohort("2024-01-01", 4, [new RetentionCell(0, 4, 1, 0.51, 1, true), new RetentionCell(1, 2, 0.5, 0.15, 0.85, false)])],
            [new RetentionRate(0, 4, 4, 1, 0.51, 1)],
            [new RetentionRate(7, 1, 4, 0.25, 0.05, 0.7)],
            new CohortComparison(["2024-01-01"], ["2024-01-08"], early, late, -0.25, -0.5, 0.46),
            "segment",
            [new RetentionBreakdown("team", 4, [early], [late])]);
    }

    private static EngagementResult Engagement()
    {
        var activation = new Activation(["create_doc"], "all", 7, 4, 2, 0.5, 0.15, 0.85, 3, 20, 1, 0.5);
        var week = new PeriodCount("2024-01-01", 3, true);
        return new EngagementResult(
            "2024-01-07T23:59:59Z",
            [new DailyCount("2024-01-07", 2)],
            [new DailyCount("2024-01-07", 3)],
            [new DailyCount("2024-01-07", 4)],
            new Stickiness(0.5, 1, [new DailyRatio("2024-01-07", 0.5)]),
            [week],
            [new PeriodCount("2024-01", 4, false)],
            activation,
            new ActivationSpeed("retained in month 1", [new GroupShare("fast", 1, 1, 1, 0.21, 1), new GroupShare("slow", 0, 1, 0, 0, 0.79)],
                null, null, null, 1, "an association, not an effect"),
            new NorthStar("weekly collaborative workspaces", 2, ["comment"], week, new Extrapolation(3, 4, 1000, 250, 750, "extrapolated"), [week]),
            [new FeatureAdoption("comment", 2, 4, 0.5, 0.15, 0.85, 1.5, [new PeriodShare("2024-01", 2, 4, 0.5, false)], [new GroupShare("team", 2, 4, 0.5, 0.15, 0.85)])],
            new PowerUsers("2024-01-07", [new ActiveDaysBin(1, 2, 0.5), new ActiveDaysBin(2, 2, 0.5)], [new ActiveDaysBin(1, 4, 1)]),
            new Concentration(4, 1, 0.4, 0.25),
            new Lifecycle(CalendarPeriod.Week, [new LifecyclePeriod("2024-01-01", 3, 1, 0, -1, true)]),
            "segment",
            [new EngagementBreakdown("team", 4, 2, 3, 4, 0.5, activation)])
        {
            ExcludedEvents = ["$pageview"],
            Warnings = [],
        };
    }

    private static RevenueResult Revenue() =>
        new("2024-02-29T23:59:59Z", "EUR", 1, 0,
            [new RevenueMonth("2024-01", 30, 3, 1, 10, 30, true), new RevenueMonth("2024-02", 15, 2, 1, 7.5, 15, false)],
            [new RevenueCohort("2024-01", 3, [new LtvCell(0, 30, 10, 3, true), new LtvCell(1, 15, 15, 2, false)], 40, null)],
            new LtvModel("shifted-beta-geometric", 1.5, 3, 0.01, 3, 7.5, [1, 0.75, 0.5, 0.375]));

    private static ExperimentResult Experiment()
    {
        var comparison = new Comparison("b", 0.1, 0.5, -0.05, 0.25, -0.25, 1.25, 0.2, 0.2, 0.9, 0.01, false, 0.21);
        var relative = comparison with { AbsoluteCiLow = -0.05, AbsoluteCiHigh = 0.25, AbsolutePValue = 0.2 };
        return new ExperimentResult("new_editor", "a", "2024-01-31T23:59:59Z", 0.05, new SampleRatio(0.25, 0.62, false, [0.5, 0.5]),
            [new ArmCount("a", 10), new ArmCount("b", 10)], 1,
            [
                new MetricResult("conversion:create_doc", MetricKind.Conversion, "welch_t", true, null, false,
                    [new ArmStatistics("a", 10, 0.2, 0.16), new ArmStatistics("b", 10, 0.3, 0.21)], [comparison]),
                new MetricResult("count:comment", MetricKind.Count, "welch_t", true, 0.5, true,
                    [new ArmStatistics("a", 10, 1, 1), new ArmStatistics("b", 10, 1.5, 1)], [relative]),
            ],
            [new GuardrailResult("count:error", 0.02, "b", 0.01, -0.01, 0.03, false, true)],
            [new SegmentResult("platform", "web", "conversion:create_doc", [comparison], 0.5, 0.5, false)],
            new Verdict(ExperimentDecision.KeepRunning, "did create_doc: not significant yet", "conversion:create_doc", "b", 0.5, -0.25, 1.25))
        {
            Warnings = [],
        };
    }

    private static PathResult Paths() =>
        new(4, 3, 2, 2,
            [new PathCount(["home", "editor"], 2, 2, 2.0 / 3), new PathCount(["home"], 1, 1, 1.0 / 3)],
            [new PathEdge(1, "home", "editor", 2)],
            [new PathDropoff(1, "home", 1, 3, 1.0 / 3), new PathDropoff(2, "editor", 2, 2, 1)],
            new PathConversionSummary("upgrade", 3, 1, 1.0 / 3, [new PathConversion(["home", "editor"], 2, 1, 0.5, 0.09, 0.91, 0)]),
            new FeatureNetwork(2, [new CoUsage("comment", "share", 1, 1, 2, 1)], [new Transition("home", "editor", 2, 1)]))
        {
            Warnings = [],
        };

    private static HealthResult Health() =>
        new(1_704_671_999_000_000, "2024-01-07", "signed-up users active in the last 90 days",
            [
                new UserHealth("u1", 75, 1, 0.5, 0.5, 1, 0.5, 1, 10, 3, 0, "team", "plus", false, true),
                new UserHealth("u2", 25, 0.5, 0, 0.25, 0, 0.5, 0.5, 0, 1, 7, null, null, true, false),
            ],
            [new SegmentHealth("team", 1, 0, 1, 75), new SegmentHealth("(none)", 1, 1, 0, 25)],
            [30, 35, 40, 45, 50, 55, 60, 65, 70],
            [0, 0, 1, 0, 0, 0, 0, 1, 0, 0],
            50, 1, 1)
        {
            Warnings = [],
        };

    private static MartsResult Marts() =>
        new(new CohortFunnelResult(["signup", "create_page"], 604_800,
            [
                new CohortFunnelRow("2024-01", 2, true,
                    [new CohortFunnelStep("signup", 2, 1, 0.3424, 1, 1, 0.3424, 1), new CohortFunnelStep("create_page", 1, 0.5, 0.0945, 0.9055, 0.5, 0.0945, 0.9055)]),
                new CohortFunnelRow("2024-02", 1, false,
                    [new CohortFunnelStep("signup", 1, 1, 0.2065, 1, 1, 0.2065, 1), new CohortFunnelStep("create_page", 0, 0, 0, 0.7935, 0, 0, 0.7935)]),
            ], 1,
            [new CohortFunnelStep("signup", 2, 1, 0.3424, 1, 1, 0.3424, 1), new CohortFunnelStep("create_page", 1, 0.5, 0.0945, 0.9055, 0.5, 0.0945, 0.9055)]),
            new CohortEngagementResult("2024-02-20", ["create_page"],
                [
                    new CohortEngagementRow("2024-01", 2, "2024-01", 0, 31, 2, 3 / 31.0, 3 / 62.0, 1, 0.3424, 1, true),
                    new CohortEngagementRow("2024-01", 2, "2024-02", 1, 20, 1, 0.05, 0.05, 0.5, 0.0945, 0.9055, false),
                ],
                [new CohortFeatureAdoptionRow("2024-01", 2, "create_page", 2, 1, 0.3424, 1, 1, 0.5, 0.0945, 0.9055, true)]),
            new UserHealthMart("2024-02-20", 2, 1, 1, ["Starter"], 4, 20,
                [new PlanHealth("Starter", 1, 0, 1, 1), new PlanHealth("(none)", 1, 1, 0, 0)])
            { Warnings = [] })
        {
            Warnings = [],
        };

    private static GrowthResult Growth() =>
        new("extrapolated and modelled, not measured",
            new GrowthBaseline(1200, 4, 250, 300_000, [new RateBaseline(LeverRate.Activation, 0.5, 1, "activation within 7 days of sign-up")]) { BusinessMau = 1000 },
            100, 42,
            [new LeverImpact("onboarding", LeverRate.Activation, 0.5, 1, 0.05, 0.1, 0.2, 0.5, 2, 3, 0, 1000, 4000, 2500, 625, 1)],
            ["onboarding"],
            [new ProjectionMonth(1, 25_000, 25_000, 25_100, 25_400, 100)],
            0, 1000, 4000,
            [new SensitivityRow("onboarding", "uplift", 0.05, 0.2, 1250, 5000, 3750)],
            2500)
        {
            Warnings = [],
        };

    private static ImpactResult Impact() =>
        new("comment", ImpactOutcome.Retention, 10, 4, 0.75, 0.5, new EffectEstimate(0.25, 0.25, -0.24, 0.74), new EffectEstimate(0.125, 0.25, -0.365, 0.615),
            0, ["segment", "plan"], 600, "one retained user-month = 20 EUR", "an observational association, not a controlled effect")
        {
            IncrementalAnnualRevenueExtrapolated = null,
        };

    private static IReadOnlyList<ChannelCredit> Attribution() =>
        [new ChannelCredit("search", 30, 10, 20, 15), new ChannelCredit("ads", 10, 30, 20, 25)];

    private static ChannelAttributionResult AttributionByGroup() =>
        new(Attribution(),
        [
            new ChannelAttributionGroup("free / ios", ["free", "ios"], 3, [new ChannelCredit("search", 30, 10, 20, 15)]),
            new ChannelAttributionGroup("Other", ["Other"], 2, [new ChannelCredit("ads", 10, 30, 20, 25)]),
        ]);

    private static StoreInfo Store() =>
        new("sextant.db", 5, 2, 1, 2, 2, 1, Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero)),
            Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 7, 18, 30, 0, 500, TimeSpan.Zero)), 2,
            [new EventCount("home", 3, 2), new EventCount("editor", 2, 1)], 3, 4096);

    private static CheckReport Checks() =>
        new([new CheckOutcome("future_events", CheckStatus.Pass, 0, "no event is in the future"),
             new CheckOutcome("unknown_plan", CheckStatus.Warn, 2, "2 users have a plan not in plans")]);

    private static IngestResult Ingest() =>
        new([
            new IngestFileResult("events.csv", RecordKind.Events, 6, 4, 0, 1, 1, 0, true, 0, 0),
            new IngestFileResult("users.csv", RecordKind.Users, 2, 1, 1, 0, 0, 0, true),
        ], "quarantine.csv");
}
