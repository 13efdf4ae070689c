using Sextant.Analysis;
using Sextant.Analysis.Cohorts;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Cohorts;

public sealed class CohortMembershipTests
{
    // a: signs up Jan 1, creates 3 pages within 7 days, plan paid.
    // b: signs up Jan 1, creates 3 pages but the third on day 9, plan free.
    // c: signs up Jan 1, creates nothing, plan paid.
    // v: a visitor (never identified) who creates 3 pages.
    private static EventTable Table() => Load(null,
        [User("a", "2026-01-01T00:00:00Z", plan: "paid"), User("b", "2026-01-01T00:00:00Z", plan: "free"), User("c", "2026-01-01T00:00:00Z", plan: "paid")], [],
        At("a", "create_page", "2026-01-02T00:00:00Z"), At("a", "create_page", "2026-01-03T00:00:00Z"), At("a", "create_page", "2026-01-05T00:00:00Z"),
        At("b", "create_page", "2026-01-02T00:00:00Z"), At("b", "create_page", "2026-01-03T00:00:00Z"), At("b", "create_page", "2026-01-10T00:00:00Z"),
        At("c", "view_page", "2026-01-20T00:00:00Z"),
        At(null, "create_page", "2026-01-02T00:00:00Z", anonymous: "v"), At(null, "create_page", "2026-01-02T01:00:00Z", anonymous: "v"), At(null, "create_page", "2026-01-02T02:00:00Z", anonymous: "v"));

    private static readonly PerformedEvent Creator = new("create_page", MinTimes: 3, Within: TimeSpan.FromDays(7));

    private static string[] Members(EventTable table, CohortDefinition definition, TimeRange range = default)
    {
        var flags = CohortMembership.Evaluate(table, definition, range);
        return [.. Enumerable.Range(0, table.UserCount).Where(u => flags[u]).Select(u => table.UserKeys[u]).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Did_at_least_n_times_within_a_window_of_sign_up_counts_only_events_inside_the_window()
    {
        var table = Table();
        Assert.Equal(["a", "v"], Members(table, Creator));
        Assert.Equal(["a", "b", "v"], Members(table, Creator with { Within = null }));
    }

    [Fact]
    public void Did_not_is_the_complement_of_did()
    {
        var table = Table();
        Assert.Equal(["b", "c"], Members(table, Creator with { Did = false }));
    }

    [Fact]
    public void A_range_anchored_condition_counts_the_last_window_before_the_range_end()
    {
        var table = Table();
        var range = new TimeRange(null, Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-01-11T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        // The last 2 days before Jan 11 hold only b's third page.
        Assert.Equal(["b"], Members(table, new PerformedEvent("create_page", Within: TimeSpan.FromDays(2), Anchor: CohortAnchor.Range), range));
        // The whole range: a, b and v created pages.
        Assert.Equal(["a", "b", "v"], Members(table, new PerformedEvent("create_page", Anchor: CohortAnchor.Range), range));
    }

    [Fact]
    public void Property_conditions_and_combinations_follow_and_or()
    {
        var table = Table();
        var paid = new HasProperty("plan", PropertyComparison.In, ["paid"]);
        Assert.Equal(["a", "c"], Members(table, paid));
        Assert.Equal(["b"], Members(table, new HasProperty("plan", PropertyComparison.NotIn, ["paid"])));
        Assert.Equal(["a"], Members(table, new AllOf([paid, Creator])));
        Assert.Equal(["a", "c", "v"], Members(table, new AnyOf([paid, Creator])));
    }

    [Fact]
    public void An_unknown_event_or_attribute_in_a_cohort_is_an_error_naming_it()
    {
        var table = Table();
        var error = Assert.Throws<SextantException>(() => CohortMembership.Evaluate(table, new PerformedEvent("create_pag"), default));
        Assert.Contains("create_pag", error.Message, StringComparison.Ordinal);
        Assert.Contains("create_page", error.Message, StringComparison.Ordinal);
        Assert.Throws<SextantException>(() => CohortMembership.Evaluate(table, new HasProperty("tier", PropertyComparison.In, ["x"]), default));
    }

    [Fact]
    public void Cohort_sizes_count_signed_up_users_with_a_wilson_interval_and_visitors_apart()
    {
        var engine = new InMemoryEngine(Table());
        var result = engine.Run(new CohortSizesQuery([new Cohort("creators", Creator), new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]))]));
        Assert.Equal(3, result.Users);
        var creators = result.Cohorts[0];
        Assert.Equal(("creators", 1L, 1L), (creators.Name, creators.Users, creators.Visitors));
        Assert.Equal(1 / 3.0, creators.Share, 12);
        var wilson = Sextant.Stats.Proportions.Wilson(1, 3);
        Assert.Equal((wilson.Low, wilson.High), (creators.CiLow, creators.CiHigh));
        Assert.Equal("did create_page ≥ 3 times within 7d of sign-up", creators.Definition);
        Assert.Equal(2, result.Cohorts[1].Users);
    }
}
