namespace Sextant.Analysis.Alerts;

/// <summary>A day's expected value and how far the day's value lies from it.</summary>
/// <param name="Expected">Trend × weekday factor from the preceding weeks.</param>
/// <param name="Scale">The spread a normal day shows around its expected value: 1.4826 × MAD of the recent prediction errors, at least <paramref name="Floor"/>.</param>
/// <param name="Floor">The noise floor of the series' kind at this expected value.</param>
/// <param name="Z">(value − expected) / scale; NaN when the day has no value.</param>
public readonly record struct BaselinePoint(double Expected, double Scale, double Floor, double Z);

/// <summary>
/// A seasonal baseline robust to outliers (docs/ALERTS.md, Method): for each day, from the days
/// before it only, a weekday factor (median over up to 8 same weekdays of value / centred weekly
/// median), a level (median of the last 14 de-seasonalised days) moved along a trend (its
/// difference from the median of the 14 days before, per day), and a scale (1.4826 × median
/// absolute deviation of the prediction errors of the last 28 days, floored by the counting noise).
/// Medians everywhere, so a few outlying days in the history barely move either; and a day beyond
/// |z| = 4 enters later days' history as its expected value (up to five days in a row: longer may be a new level, which later days then learn).
/// </summary>
public static class SeasonalBaseline
{
    /// <summary>Days of history a day's expected value may look back on (8 weeks).</summary>
    public const int HistoryDays = 56;

    /// <summary>Days with a value needed in the history before a day gets an expected value.</summary>
    public const int MinimumHistory = 28;

    /// <summary>Half of the trend window: the level is the median of the last 14 days, the trend compares it with the 14 before.</summary>
    public const int LevelDays = 14;

    /// <summary>Days whose prediction errors give the scale.</summary>
    public const int ScaleDays = 28;

    /// <summary>Prediction errors needed for a scale; with <see cref="MinimumHistory"/> a series' first judged day is its 43rd.</summary>
    public const int MinimumErrors = 14;

    /// <summary>1 / Φ⁻¹(0.75): makes the median absolute deviation of normal noise its standard deviation.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>|z| beyond which a day is an outlier: later days see its expected value in its place, and leave its error out of their scale.</summary>
    public const double OutlierZ = 4;

    /// <summary>Outlying days in a row (same direction or not) after which they are taken as a new level and kept in the history as they are.</summary>
    public const int LevelShiftDays = 5;

    /// <summary>The noise floor of a sum series, as a share of its expected value.</summary>
    public const double SumFloorShare = 0.05;

    /// <summary>
    /// The baseline of every day of <paramref name="values"/> (day numbers from
    /// <paramref name="firstDay"/>), or null for a day without enough history. Days at or after
    /// <paramref name="usableDays"/> (incomplete ones) are never used as history.
    /// </summary>
    /// <param name="values">The series; NaN for a day without a value.</param>
    /// <param name="volumes">Entrants per day for a rate series (its binomial floor); ignored otherwise.</param>
    /// <param name="firstDay">Day number of values[0], for the weekday of each day.</param>
    /// <param name="kind">Count, sum or rate: decides the floor.</param>
    /// <param name="usableDays">How many leading values are final (the rest are incomplete).</param>
    public static BaselinePoint?[] Fit(IReadOnlyList<double> values, IReadOnlyList<double> volumes, int firstDay, SeriesKind kind, int usableDays)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(volumes);
        var usable = Math.Clamp(usableDays, 0, values.Count);
        double Value(int i) => i < usable ? values[i] : double.NaN;
        // The history later days see: a day far off its baseline counts as its expected value, so
        // an anomaly of several days is judged against the weeks before it and does not widen the scale.
        var history = new double[values.Count];
        var outlier = new bool[values.Count];
        var expected = new double[values.Count];
        var points = new BaselinePoint?[values.Count];
        var errors = new List<double>(ScaleDays);
        var run = 0;
        for (var t = 0; t < values.Count; t++)
        {
            expected[t] = Expect(d => history[d], t, firstDay);
            history[t] = Value(t);
            if (double.IsNaN(expected[t])) continue;
            errors.Clear();
            for (var d = Math.Max(0, t - ScaleDays); d < t; d++)
                if (!outlier[d] && !double.IsNaN(expected[d]) && !double.IsNaN(Value(d))) errors.Add(Value(d) - expected[d]);
            if (errors.Count < MinimumErrors) continue;
            var center = Median(errors);
            for (var k = 0; k < errors.Count; k++) errors[k] = Math.Abs(errors[k] - center);
            var floor = Floor(kind, expected[t], t < volumes.Count ? volumes[t] : 0);
            var scale = Math.Max(MadToSigma * Median(errors), floor);
            var z = double.IsNaN(values[t]) ? double.NaN : (values[t] - expected[t]) / scale;
            points[t] = new BaselinePoint(expected[t], scale, floor, z);
            if (double.IsNaN(history[t]) || Math.Abs(z) <= OutlierZ)
            {
                run = 0;
                continue;
            }
            outlier[t] = true;
            history[t] = expected[t];
            if (++run < LevelShiftDays) continue;
            // Five days off the baseline in a row may be a new level rather than an anomaly: later days learn it.
            for (var d = t - run + 1; d <= t; d++)
            {
                history[d] = Value(d);
                outlier[d] = false;
            }
            run = 0;
        }
        return points;
    }

    /// <summary>The noise a day would show even with nothing wrong: Poisson for counts, binomial for rates, a share of the value for sums.</summary>
    public static double Floor(SeriesKind kind, double expected, double volume) => kind switch
    {
        SeriesKind.Count => Math.Sqrt(Math.Max(expected, 1)),
        SeriesKind.Rate => RateFloor(expected, volume),
        _ => Math.Max(SumFloorShare * Math.Abs(expected), 1e-9),
    };

    private static double RateFloor(double p, double n)
    {
        n = Math.Max(n, 1);
        p = Math.Clamp(p, 0.5 / n, 1 - 0.5 / n);
        return Math.Sqrt(p * (1 - p) / n);
    }

    /// <summary>Day t's expected value from the days before it, or NaN without <see cref="MinimumHistory"/> days of history.</summary>
    private static double Expect(Func<int, double> value, int t, int firstDay)
    {
        var start = Math.Max(0, t - HistoryDays);
        var known = 0;
        for (var d = start; d < t; d++)
            if (!double.IsNaN(value(d))) known++;
        if (known < MinimumHistory) return double.NaN;

        // Weekday factors: each same-weekday day against the median of the week centred on it (clipped to the history).
        var factors = new double[7];
        var ratios = new List<double>(8);
        var week = new List<double>(7);
        for (var w = 0; w < 7; w++)
        {
            ratios.Clear();
            for (var d = start; d < t; d++)
            {
                if (Weekday(firstDay + d) != w || double.IsNaN(value(d))) continue;
                week.Clear();
                for (var k = Math.Max(start, d - 3); k <= Math.Min(t - 1, d + 3); k++)
                    if (!double.IsNaN(value(k))) week.Add(value(k));
                var typical = Median(week);
                if (typical > 0) ratios.Add(value(d) / typical);
            }
            factors[w] = ratios.Count >= 2 ? Median(ratios) : 1;
        }

        // Level and trend over de-seasonalised values; a weekday whose factor is 0 tells nothing about the level.
        List<double> Deseasonalised(int from, int to)
        {
            var list = new List<double>(LevelDays);
            for (var d = Math.Max(0, from); d < to; d++)
            {
                var f = factors[Weekday(firstDay + d)];
                if (!double.IsNaN(value(d)) && f > 0) list.Add(value(d) / f);
            }
            return list;
        }
        var recent = Deseasonalised(t - LevelDays, t);
        var earlier = Deseasonalised(t - 2 * LevelDays, t - LevelDays);
        if (recent.Count == 0) return double.NaN;
        var level = Median(recent);
        if (earlier.Count >= LevelDays / 2 && recent.Count >= LevelDays / 2)
        {
            // The level is centred 7.5 days back and the earlier median 14 days before it.
            var slope = (level - Median(earlier)) / LevelDays;
            level += slope * (LevelDays + 1) / 2.0;
        }
        return Math.Max(0, level) * factors[Weekday(firstDay + t)];
    }

    /// <summary>Monday = 0 … Sunday = 6 (day number 0 is Monday 1 January 0001).</summary>
    private static int Weekday(int dayNumber) => dayNumber % 7;

    /// <summary>The median; NaN for none. Sorts a copy.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
