using Sextant.Analysis;
using Sextant.Analysis.Cohorts;
using Sextant.Analysis.Syntax;
using Sextant.Events;

namespace Sextant.Tests.Analysis;

public sealed class QueryModelTests
{
    [Fact]
    public void Queries_built_separately_from_equal_parts_are_equal_with_equal_hash_codes()
    {
        CohortSizesQuery Build() => new([new Cohort("c", new AllOf([new PerformedEvent("x", 2), new HasProperty("plan", PropertyComparison.In, ["paid", "team"])]))],
            new TimeRange(new Timestamp(1), new Timestamp(2)));
        Assert.Equal(Build(), Build());
        Assert.Equal(Build().GetHashCode(), Build().GetHashCode());
        Assert.NotEqual(Build(), Build() with { Range = default });
    }

    [Fact]
    public void A_to_date_includes_the_whole_day_in_the_project_time_zone_and_from_must_come_first()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var calendar = new ProjectCalendar(paris, 0, 0);
        var range = RangeText.Parse("2026-06-01", "2026-06-30", calendar);
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 22, 0, 0, TimeSpan.Zero), range.From!.Value.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), range.To!.Value.ToDateTimeOffset());
        Assert.True(range.Contains(range.To.Value.UnixMicroseconds - 1));
        Assert.False(range.Contains(range.To.Value.UnixMicroseconds));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), RangeText.Parse(null, "2026-06-01T12:00:00Z", calendar).To!.Value.ToDateTimeOffset());
        var empty = Assert.Throws<SextantException>(() => RangeText.Parse("2026-06-02", "2026-06-01", calendar));
        Assert.Contains("not before", empty.Message, StringComparison.Ordinal);
        Assert.Throws<SextantException>(() => RangeText.Parse("June 1", null, calendar));
    }

    [Fact]
    public void Breakdown_text_names_profile_attributes_event_properties_and_saved_cohorts()
    {
        Cohort[] cohorts = [new("power", new PerformedEvent("x", 5))];
        Assert.Equal(Breakdown.Profile("plan"), BreakdownText.Parse("plan", cohorts));
        Assert.Equal(Breakdown.Profile("plan"), BreakdownText.Parse("user.plan", cohorts));
        Assert.Equal(Breakdown.Event("platform"), BreakdownText.Parse("event.platform", cohorts));
        Assert.Equal(Breakdown.InCohort(cohorts[0]), BreakdownText.Parse("cohort.power", cohorts));
        var unknown = Assert.Throws<SextantException>(() => BreakdownText.Parse("cohort.powr", cohorts));
        Assert.Contains("did you mean 'power'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<SextantException>(() => BreakdownText.ParseAll(["a", "b", "c", "d"], cohorts));
    }
}
