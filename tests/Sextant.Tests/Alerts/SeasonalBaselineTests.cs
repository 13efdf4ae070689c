using Sextant.Analysis.Alerts;

namespace Sextant.Tests.Alerts;

public sealed class SeasonalBaselineTests
{
    /// <summary>A Monday, so day i's weekday is i % 7 (Monday = 0).</summary>
    private static readonly int Monday = new DateOnly(2025, 1, 6).DayNumber;

    private static readonly double[] Weekly = [1.2, 1.1, 1.1, 1.0, 1.0, 0.4, 0.3];

    private static BaselinePoint?[] Fit(double[] values, SeriesKind kind = SeriesKind.Count) =>
        SeasonalBaseline.Fit(values, values, Monday, kind, values.Length);

    /// <summary>Poisson-like noise of a given size, from a seeded generator.</summary>
    private static double[] Noisy(int days, Func<int, double> mean, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, days).Select(i =>
        {
            var m = mean(i);
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Round(m + Math.Sqrt(m) * normal);
        })];
    }

    [Fact]
    public void A_flat_series_is_expected_at_its_level_with_the_poisson_floor_as_scale()
    {
        var points = Fit([.. Enumerable.Repeat(100.0, 70)]);

        var day = points[60]!.Value;
        Assert.Equal(100, day.Expected, 9);
        Assert.Equal(10, day.Scale, 9); // the MAD of exact predictions is 0: √100 is the floor
        Assert.Equal(0, day.Z, 9);
    }

    [Fact]
    public void A_day_needs_28_days_of_history_for_its_expected_value_and_14_prediction_errors_for_its_scale()
    {
        var points = Fit([.. Enumerable.Repeat(100.0, 70)]);

        var first = Array.FindIndex(points, p => p is not null);
        Assert.Equal(SeasonalBaseline.MinimumHistory + SeasonalBaseline.MinimumErrors, first);
    }

    [Fact]
    public void A_weekly_pattern_is_expected_on_each_weekday()
    {
        var values = Enumerable.Range(0, 84).Select(i => 1000 * Weekly[i % 7]).ToArray();

        var points = Fit(values);

        for (var t = 56; t < 84; t++) Assert.Equal(values[t], points[t]!.Value.Expected, values[t] * 0.01);
    }

    [Fact]
    public void A_trend_is_followed_rather_than_lagged()
    {
        var values = Enumerable.Range(0, 84).Select(i => (500 + 10.0 * i) * Weekly[i % 7]).ToArray();

        var points = Fit(values);

        for (var t = 56; t < 84; t++) Assert.Equal(values[t], points[t]!.Value.Expected, values[t] * 0.03);
        // A median of the last 28 days alone would lag 14.5 days of growth, about 145, behind.
    }

    [Fact]
    public void An_outlier_in_the_history_barely_moves_the_expected_value()
    {
        var clean = Noisy(80, i => 1000 * Weekly[i % 7]);
        var spiked = (double[])clean.Clone();
        spiked[65] = 20_000;

        var before = Fit(clean)[75]!.Value;
        var after = Fit(spiked)[75]!.Value;

        Assert.True(Math.Abs(after.Expected - before.Expected) < 0.02 * before.Expected, $"{before.Expected} → {after.Expected}");
        Assert.True(after.Scale < 1.5 * before.Scale, $"{before.Scale} → {after.Scale}");
    }

    [Fact]
    public void A_planted_drop_is_flagged_and_its_neighbours_are_not()
    {
        var values = Noisy(90, i => (800 + 3.0 * i) * Weekly[i % 7]);
        values[70] *= 0.5;

        var points = Fit(values);

        Assert.True(points[70]!.Value.Z < -4, $"z = {points[70]!.Value.Z}");
        foreach (var t in new[] { 68, 69, 71, 72 }) Assert.True(Math.Abs(points[t]!.Value.Z) < 4, $"day {t}: z = {points[t]!.Value.Z}");
    }

    [Fact]
    public void A_drop_lasting_four_days_is_flagged_on_each_day()
    {
        var values = Noisy(90, i => 1000 * Weekly[i % 7]);
        for (var t = 70; t < 74; t++) values[t] *= 0.6;

        var points = Fit(values);

        for (var t = 70; t < 74; t++) Assert.True(points[t]!.Value.Z < -4, $"day {t}: z = {points[t]!.Value.Z}");
        Assert.True(Math.Abs(points[74]!.Value.Z) < 4, $"day 74: z = {points[74]!.Value.Z}");
    }

    [Fact]
    public void A_lasting_new_level_is_learnt_rather_than_flagged_forever()
    {
        var values = Noisy(130, i => (i < 70 ? 1000 : 500) * Weekly[i % 7]);

        var points = Fit(values);

        Assert.True(points[70]!.Value.Z < -4, $"z = {points[70]!.Value.Z}");
        for (var t = 100; t < 130; t++) Assert.True(Math.Abs(points[t]!.Value.Z) < 4, $"day {t}: z = {points[t]!.Value.Z}");
    }

    [Fact]
    public void Incomplete_days_are_never_used_as_history()
    {
        var values = Enumerable.Repeat(100.0, 70).ToArray();
        var withPartial = (double[])values.Clone();
        for (var t = 60; t < 70; t++) withPartial[t] = 1;

        var points = SeasonalBaseline.Fit(withPartial, withPartial, Monday, SeriesKind.Count, usableDays: 60);

        Assert.Equal(100, points[69]!.Value.Expected, 9);
    }

    [Theory]
    [InlineData(SeriesKind.Count, 400, 0, 20)]
    [InlineData(SeriesKind.Count, 0.2, 0, 1)]
    [InlineData(SeriesKind.Rate, 0.1, 100, 0.03)]
    [InlineData(SeriesKind.Sum, 1000, 0, 50)]
    public void The_noise_floor_follows_the_kind_of_series(SeriesKind kind, double expected, double volume, double floor) =>
        Assert.Equal(floor, SeasonalBaseline.Floor(kind, expected, volume), 9);

    [Fact]
    public void A_quiet_rate_series_does_not_alarm_on_one_conversion_more()
    {
        // 40 entrants a day, 2 convert (5%); then a day with 4: twice the rate, but binomial noise.
        var values = Enumerable.Repeat(0.05, 70).ToArray();
        values[65] = 0.1;
        var volumes = Enumerable.Repeat(40.0, 70).ToArray();

        var points = SeasonalBaseline.Fit(values, volumes, Monday, SeriesKind.Rate, 70);

        Assert.True(Math.Abs(points[65]!.Value.Z) < 4, $"z = {points[65]!.Value.Z}");
    }
}
