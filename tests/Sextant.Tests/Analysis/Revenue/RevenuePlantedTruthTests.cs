using System.Diagnostics;
using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Xunit.Abstractions;

namespace Sextant.Tests.Analysis.Revenue;

public sealed class RevenuePlantedTruthTests(StoredScenarioFixture fixture, ITestOutputHelper output) : IClassFixture<StoredScenarioFixture>
{
    [Fact]
    public void Yearly_revenue_per_monthly_active_user_matches_the_generator_calibration_and_the_retention_model_fits()
    {
        // The data end is pinned to the scenario's declared end, so the check does not hang on when the last generated event falls.
        var end = fixture.Scenario.Data.Truth.Scenario.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var query = new RevenueQuery(Range: TimeRange.UpTo(Timestamp.FromDateTimeOffset(new DateTimeOffset(end)).UnixMicroseconds - 1));
        var engine = new InMemoryEngine(fixture.Table);
        engine.Run(query);
        var watch = Stopwatch.StartNew();

        var result = engine.Run(query);

        watch.Stop();
        var year = result.Months.Where(m => m.Complete).GroupBy(m => m.Month[..4]).Last(g => g.Count() == 12);
        var yearlyArpu = year.Sum(m => m.Revenue) / year.Average(m => m.ActiveUsers);
        var model = Assert.IsType<LtvModel>(result.Model);
        Report(result, model, year.Key, yearlyArpu, watch.Elapsed);
        Assert.InRange(yearlyArpu, 70, 125);
        Assert.True(model.RootMeanSquareError < 0.05, $"sBG fit error {model.RootMeanSquareError}");
        Assert.All(result.Cohorts.Where(c => c.ProjectedLtv12 is not null), ProjectionNeverFallsBelowObservation);
    }

    /// <summary>LTV(H) projects at least what the cohort had already paid by month min(m, H − 1), and 24 months at least 12.</summary>
    internal static void ProjectionNeverFallsBelowObservation(RevenueCohort cohort)
    {
        var m = cohort.Periods.Last(p => p.Complete).Period;
        Assert.True(cohort.ProjectedLtv12 >= cohort.Periods[Math.Min(m, 11)].Ltv - 1e-9, $"{cohort.Cohort}: LTV12 {cohort.ProjectedLtv12}");
        Assert.True(cohort.ProjectedLtv24 >= cohort.Periods[Math.Min(m, 23)].Ltv - 1e-9, $"{cohort.Cohort}: LTV24 {cohort.ProjectedLtv24}");
        Assert.True(cohort.ProjectedLtv24 >= cohort.ProjectedLtv12, $"{cohort.Cohort}: LTV24 {cohort.ProjectedLtv24} < LTV12 {cohort.ProjectedLtv12}");
    }

    private void Report(RevenueResult result, LtvModel model, string year, double yearlyArpu, TimeSpan elapsed)
    {
        string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"{fixture.Table.EventCount} events, {fixture.Table.SignedUpUserCount} users, {fixture.Table.Subscriptions.Count} subscriptions; currency {result.Currency}, skipped {result.SkippedSubscriptions}");
        output.WriteLine($"revenue run: {elapsed.TotalMilliseconds:0.0} ms");
        output.WriteLine($"generator calibration, yearly ARPU per MAU: {F(fixture.Scenario.Calibration.Single(t => t.Name.StartsWith("yearly ARPU", StringComparison.Ordinal)).Actual)}");
        output.WriteLine($"{year}: revenue {F(result.Months.Where(m => m.Month.StartsWith(year, StringComparison.Ordinal)).Sum(m => m.Revenue))}, yearly ARPU per average MAU {F(yearlyArpu)}");
        foreach (var month in result.Months.Where((_, i) => i % 6 == 5 || i == result.Months.Count - 1))
            output.WriteLine($"{month.Month}: revenue {F(month.Revenue)}, MAU {month.ActiveUsers}, paying {month.PayingUsers}, ARPU {F(month.Arpu)}, ARPPU {F(month.Arppu)}, complete {month.Complete}");
        output.WriteLine($"model {model.Name}: alpha {model.Alpha:0.0000}, beta {model.Beta:0.0000}, RMSE {model.RootMeanSquareError:0.00000}, months fitted {model.PeriodsFitted}, r {F(model.RevenuePerRetainedUserMonth)}");
        output.WriteLine("pooled on-or-after retention: " + string.Join(" ", model.PooledRetention.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture))));
        foreach (var cohort in result.Cohorts.Where((_, i) => i % 6 == 0))
        {
            var observed = cohort.Periods.LastOrDefault(p => p.Complete);
            output.WriteLine($"cohort {cohort.Cohort} (n={cohort.Size}): observed LTV {F(observed?.Ltv ?? 0)} through month {observed?.Period}, projected LTV12 {F(cohort.ProjectedLtv12 ?? 0)}, LTV24 {F(cohort.ProjectedLtv24 ?? 0)}");
        }
    }
}
