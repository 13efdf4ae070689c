using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

/// <summary>The lifecycle funnel's range, cohort filter and breakdowns, on hand-made users.</summary>
public sealed class LifecycleFunnelScopeTests
{
    private static readonly LifecycleFunnelQuery Demo = DemoSettings.LifecycleQuery;

    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static long[] Users(IReadOnlyList<FunnelStepResult> steps) => steps.Select(s => s.Users).ToArray();

    [Fact]
    public void Sign_ups_must_fall_in_the_range_and_its_end_is_the_data_end()
    {
        var table = Load(null,
            At("early", "signup", "2024-01-01T10:00:00Z"),
            At("middle", "signup", "2024-01-10T10:00:00Z"),
            At("late", "signup", "2024-02-01T10:00:00Z"));
        var engine = new InMemoryEngine(table);

        var all = engine.Run(Demo with { Range = TimeRange.UpTo(Micros("2024-06-01T00:00:00Z")) });
        var fromJanuary5 = engine.Run(Demo with { Range = TimeRange.Between(Micros("2024-01-05T00:00:00Z"), Micros("2024-06-01T00:00:00Z")) });
        var toJanuary20 = engine.Run(Demo with { Range = TimeRange.Between(Micros("2024-01-05T00:00:00Z"), Micros("2024-01-20T00:00:00Z")) });

        Assert.Equal([3L, 3, 0, 0, 0, 0, 0], Users(all.Steps));
        // early signed up before the range.
        Assert.Equal([2L, 2, 0, 0, 0, 0, 0], Users(fromJanuary5.Steps));
        // late signed up after it; middle's 56 days have not ended by January 19.
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0], Users(toJanuary20.Steps));
        Assert.Equal(1, toJanuary20.CensoredUsers);
        Assert.Equal("2024-01-19T23:59:59.999999Z", toJanuary20.DataEnd);
    }

    /// <summary>
    /// Four users signing up on 2024-01-01 and a visitor: free / ios u1 activates, u2 does not;
    /// paid / web u3 activates; paid / ios u4 does not. Platform is that of the earliest event carrying it.
    /// </summary>
    private static EventTable PlansAndPlatforms()
    {
        const string Signup = "2024-01-01T10:00:00Z";
        return Load(null,
            [User("u1", Signup, plan: "free"), User("u2", Signup, plan: "free"), User("u3", Signup, plan: "paid"), User("u4", Signup, plan: "paid")],
            [],
            Event("1", "u1", "signup", Signup, platform: "ios"), Event("2", "u1", "create_page", "2024-01-01T11:00:00Z"), Event("3", "u1", "edit_page", "2024-01-01T12:00:00Z"),
            Event("4", "u2", "signup", Signup, platform: "ios"),
            Event("5", "u3", "signup", Signup, platform: "web"), Event("6", "u3", "create_page", "2024-01-01T11:00:00Z"), Event("7", "u3", "edit_page", "2024-01-01T12:00:00Z"),
            Event("8", "u4", "signup", Signup, platform: "ios"),
            Event("9", null, "page_view", "2024-01-01T09:00:00Z", anonymous: "v1", platform: "ios"));
    }

    private static LifecycleFunnelQuery Scoped => Demo with { Range = TimeRange.UpTo(Micros("2024-06-01T00:00:00Z")) };

    [Fact]
    public void Two_breakdowns_group_signed_up_users_by_plan_and_platform_and_merge_the_rest_into_other()
    {
        var table = PlansAndPlatforms();
        var breakdowns = new Breakdown[] { Breakdown.Profile("plan"), Breakdown.Event("platform") };

        var all = new InMemoryEngine(table).Run(Scoped with { Breakdowns = breakdowns });
        var top = new InMemoryEngine(table).Run(Scoped with { Breakdowns = breakdowns, BreakdownLimit = 1 });

        Assert.Equal([5L, 4, 2, 0, 0, 0, 0], Users(all.Steps));
        // The visitor is in Awareness but in no group.
        Assert.Equal(["free / ios", "paid / ios", "paid / web"], all.Breakdown.Select(b => b.Value));
        Assert.Equal([2L, 2, 1, 0, 0, 0, 0], Users(all.Breakdown[0].Steps));
        Assert.Equal([1L, 1, 0, 0, 0, 0, 0], Users(all.Breakdown[1].Steps));
        Assert.Equal(["paid", "web"], all.Breakdown[2].Values);
        // Limit 1 keeps free / ios; paid / ios and paid / web make Other, which sorts first among equal sizes.
        Assert.Equal(["Other", "free / ios"], top.Breakdown.Select(b => b.Value));
        Assert.Equal([2L, 2, 1, 0, 0, 0, 0], Users(top.Breakdown[0].Steps));
    }

    [Fact]
    public void A_cohort_filter_counts_its_members_only()
    {
        var paid = new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]));

        var result = new InMemoryEngine(PlansAndPlatforms()).Run(Scoped with { Cohort = paid });

        // u3 and u4; the visitor has no plan, so is not a member.
        Assert.Equal([2L, 2, 1, 0, 0, 0, 0], Users(result.Steps));
    }

    [Fact]
    public void Queries_asking_the_same_are_equal()
    {
        static LifecycleFunnelQuery Build(int activeDays) => new()
        {
            ActivationEvents = new[] { "create_page", "edit_page" },
            ActivationMatchAll = false,
            EngagementActiveDays = activeDays,
            CollaborationEvents = new List<string> { "comment" },
            ExcludeEvents = ["billing_run"],
            Range = TimeRange.UpTo(5_000),
            Cohort = new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"])),
            Breakdowns = [Breakdown.Profile("segment")],
        };

        Assert.Equal(Build(2), Build(2));
        Assert.Equal(Build(2).GetHashCode(), Build(2).GetHashCode());
        Assert.NotEqual(Build(2), Build(3));
    }
}
