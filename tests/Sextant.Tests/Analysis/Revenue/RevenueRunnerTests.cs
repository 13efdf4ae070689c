using FsCheck;
using FsCheck.Fluent;
using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using Sextant.Tests.Support.SemanticsFixtures;
using static Sextant.Tests.Support.EventBuilder;
using static Sextant.Tests.Support.SubscriptionBuilder;

namespace Sextant.Tests.Analysis.Revenue;

public sealed class RevenueRunnerTests
{
    private static RevenueResult Run(SemanticsCase<RevenueQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Running_subscription_earns_full_mrr_in_complete_months_and_prorated_mrr_up_to_the_data_end()
    {
        // Given a $30 subscription from Jan 1 and data up to the last microsecond of Mar 14 (14 days of March),
        // with a second user, never paying, active in January and March.
        var result = Run(RevenueFixtures.RunningSubscription);

        Assert.Equal(["2026-01", "2026-02", "2026-03"], result.Months.Select(m => m.Month));
        Assert.Equal([30, 30, 30 * 14 / 31.0], result.Months.Select(m => m.Revenue), Close);
        Assert.Equal([2L, 1, 2], result.Months.Select(m => m.ActiveUsers));
        Assert.Equal([1L, 1, 1], result.Months.Select(m => m.PayingUsers));
        Assert.Equal([15, 30, 30 * 14 / 31.0 / 2], result.Months.Select(m => m.Arpu), Close);
        Assert.Equal([30, 30, 30 * 14 / 31.0], result.Months.Select(m => m.Arppu), Close);
        Assert.Equal([true, true, false], result.Months.Select(m => m.Complete));
        Assert.Equal("USD", result.Currency);
    }

    [Fact]
    public void Subscription_starting_and_ending_mid_month_is_prorated_by_days()
    {
        // Given $31 MRR from Jan 17 at noon (14.5 of January's 31 days) to Feb 15 (14 of February's 28 days).
        var result = Run(RevenueFixtures.MidMonth);

        Assert.Equal([14.5, 15.5, 0], result.Months.Select(m => m.Revenue), Close);
        Assert.Equal([1L, 1, 0], result.Months.Select(m => m.PayingUsers));
        Assert.Equal([14.5, 30, 30], result.Cohorts.Single().Periods.Select(p => p.Ltv), Close);
    }

    [Fact]
    public void Trials_and_zero_mrr_subscriptions_earn_nothing_and_do_not_make_a_user_paying()
    {
        var result = Run(RevenueFixtures.TrialsAndFreePlans);

        var january = result.Months.Single();
        Assert.Equal((10.0, 3L, 1L), (january.Revenue, january.ActiveUsers, january.PayingUsers));
        Assert.Equal(10 / 3.0, january.Arpu, 12);
        Assert.Equal(10, january.Arppu, 12);
        Assert.True(january.Complete);
    }

    [Fact]
    public void Revenue_is_reported_in_the_most_common_currency_and_other_currencies_are_skipped()
    {
        var result = Run(RevenueFixtures.MainCurrency);

        Assert.Equal(("USD", 1), (result.Currency, result.SkippedSubscriptions));
        Assert.Equal((30.0, 2L), (result.Months.Single().Revenue, result.Months.Single().PayingUsers));
    }

    [Fact]
    public void Cohort_ltv_is_cumulative_cohort_revenue_over_cohort_size()
    {
        // Given the January cohort (a pays $20 from Jan 1, b never pays) and the February cohort (c pays $10 from Feb 1).
        var result = Run(RevenueFixtures.CohortLtv);

        Assert.Equal(["2026-01", "2026-02"], result.Cohorts.Select(c => c.Cohort));
        var (january, february) = (result.Cohorts[0], result.Cohorts[1]);
        Assert.Equal((2L, 1L), (january.Size, february.Size));
        Assert.Equal([20.0, 20, 20], january.Periods.Select(p => p.Revenue), Close);
        Assert.Equal([10.0, 20, 30], january.Periods.Select(p => p.Ltv), Close);
        Assert.Equal([10.0, 20], february.Periods.Select(p => p.Ltv), Close);
        Assert.Equal([2L, 0, 0], january.Periods.Select(p => p.Retained));
        Assert.All(result.Cohorts.SelectMany(c => c.Periods), p => Assert.True(p.Complete));
    }

    [Fact]
    public void Projection_recovers_a_planted_shifted_beta_geometric_curve_and_extrapolates_each_cohort()
    {
        // Given two cohorts of 60 whose members stay active for L + 1 months, with #(L ≥ k) = 60 / (k + 1):
        // pooled on-or-after retention is 1, 1/2, 1/3, 1/4, 1/5, 1/6, the sBG curve with α = β = 1.
        // The 10 longest-staying January members pay $6 a month, so January earns $60 in each of its 6 complete months.
        var result = Run(RevenueFixtures.PlantedRetentionCurve);

        var model = Assert.IsType<LtvModel>(result.Model);
        Assert.Equal(("shifted-beta-geometric", true, 5), (model.Name, model.Projected, model.PeriodsFitted));
        Assert.True(Math.Abs(model.Alpha - 1) < 0.001 && Math.Abs(model.Beta - 1) < 0.001, $"alpha {model.Alpha}, beta {model.Beta}");
        Assert.True(model.RootMeanSquareError < 1e-4);
        // r: $360 over retained user-months 147 (January, months 0–5) + 137 (February, months 0–4).
        var r = 360 / 284.0;
        Assert.Equal(r, model.RevenuePerRetainedUserMonth, 12);
        // January: m = 5, LTV(5) = 6, s = 1/6, S(k)/S(5) = 6/(k+1); February: m = 4, LTV(4) = 0, s = 1/5, S(k)/S(4) = 5/(k+1).
        double Harmonic(int from, int to) => Enumerable.Range(from, to - from + 1).Sum(j => 1.0 / j);
        var (january, february) = (result.Cohorts[0], result.Cohorts[1]);
        Assert.Equal(6 + r * Harmonic(7, 12), january.ProjectedLtv12!.Value, 0.001);
        Assert.Equal(6 + r * Harmonic(7, 24), january.ProjectedLtv24!.Value, 0.001);
        Assert.Equal(r * Harmonic(6, 12), february.ProjectedLtv12!.Value, 0.001);
        Assert.Equal(r * Harmonic(6, 24), february.ProjectedLtv24!.Value, 0.001);
        Assert.All(result.Cohorts, RevenuePlantedTruthTests.ProjectionNeverFallsBelowObservation);
    }

    [Fact]
    public void Without_three_months_of_pooled_retention_there_is_no_model_and_no_projection()
    {
        var result = Run(RevenueFixtures.TooShortToProject);

        Assert.Null(result.Model);
        var cohort = result.Cohorts.Single();
        Assert.Equal((null, null), (cohort.ProjectedLtv12, cohort.ProjectedLtv24));
        Assert.Equal(2, cohort.Periods.Count);
    }

    private static readonly DateTimeOffset Origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<(int User, int StartMinute, int LengthMinutes, bool Running, int Mrr, bool Trial)> SubscriptionGen =
        from user in Gen.Choose(0, 3)
        from start in Gen.Choose(0, 60 * 24 * 300)
        from length in Gen.Choose(1, 60 * 24 * 200)
        from kind in Gen.Choose(0, 5)
        from mrr in Gen.Choose(0, 100)
        select (user, start, length, kind < 2, mrr, kind == 5);

    [Fact]
    public void Monthly_revenue_adds_up_to_each_subscription_prorated_and_arpu_never_exceeds_arppu()
    {
        var cases = from subscriptions in SubscriptionGen.ArrayOf()
                    from activeHours in Gen.Choose(0, 24 * 330).ArrayOf()
                    from asOfHour in Gen.Choose(24 * 10, 24 * 360)
                    select (subscriptions, activeHours, asOfHour);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var asOf = Origin.AddHours(c.asOfHour);
            var events = Enumerable.Range(0, 4).Select(u => At("u" + u, "signup", Origin.AddHours(u).ToString("o")))
                .Concat(c.activeHours.Select(h => At("u" + h % 4, "edit", Origin.AddHours(h).ToString("o")))).ToArray();
            var subscriptions = c.subscriptions.Select(s => (User: "u" + s.User, Start: Origin.AddMinutes(s.StartMinute).ToString("o"),
                End: s.Running ? null : Origin.AddMinutes(s.StartMinute + s.LengthMinutes).ToString("o"), s.Mrr, s.Trial))
                .Select(s => s.Trial ? Trial(s.User, s.Mrr, s.Start, s.End) : Paid(s.User, s.Mrr, s.Start, s.End)).ToArray();
            using var directory = new TempDirectory();

            var result = new InMemoryEngine(Load(directory.File("s.db"), events, subscriptions)).Run(new RevenueQuery(Range: TimeRange.UpTo(Timestamp.FromDateTimeOffset(asOf).UnixMicroseconds)));

            // Oracle: each paying subscription's MRR times the share of each UTC month it ran, up to and including the data end.
            var observedEnd = asOf.AddTicks(10);
            var expected = c.subscriptions.Where(s => !s.Trial && s.Mrr > 0).Sum(s =>
                Prorated(s.Mrr, Origin.AddMinutes(s.StartMinute), s.Running ? observedEnd : Origin.AddMinutes(s.StartMinute + s.LengthMinutes), observedEnd));
            Assert.Equal(expected, result.Months.Sum(m => m.Revenue), 1e-6 * (1 + expected));
            Assert.Equal(expected, result.Cohorts.Sum(k => k.Size * k.Periods[^1].Ltv), 1e-6 * (1 + expected));
            Assert.All(result.Months.Where(m => m.PayingUsers > 0 && m.PayingUsers <= m.ActiveUsers), m => Assert.True(m.Arpu <= m.Arppu));
        }));
    }

    private static double Prorated(double mrr, DateTimeOffset from, DateTimeOffset to, DateTimeOffset observedEnd)
    {
        var total = 0.0;
        to = to < observedEnd ? to : observedEnd;
        for (var month = new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero); month < to; month = month.AddMonths(1))
        {
            var overlap = (to < month.AddMonths(1) ? to : month.AddMonths(1)) - (from > month ? from : month);
            total += mrr * Math.Max(0, overlap.Ticks) / (month.AddMonths(1) - month).Ticks;
        }
        return total;
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((x, y) => Math.Abs(x - y) < 1e-9, x => 0);
}
