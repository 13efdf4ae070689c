namespace Sextant.Analysis.Alerts;

/// <summary>What a daily series adds up, which decides its noise floor (docs/ALERTS.md).</summary>
public enum SeriesKind
{
    /// <summary>A count of events or people: its noise floor is Poisson, √expected.</summary>
    Count,

    /// <summary>A sum of amounts (revenue): its noise floor is 5% of the expected value.</summary>
    Sum,

    /// <summary>A share of the day's entrants (funnel conversion): its noise floor is binomial, √(p(1 − p)/n).</summary>
    Rate,
}

/// <summary>
/// One metric per calendar day in the project time zone, on the day axis every series of a table
/// shares: <see cref="Values"/>[i] is day <see cref="FirstDay"/> + i.
/// </summary>
/// <param name="Metric">The metric's name as rules write it: events, active_users, signups, revenue, funnel:NAME, source:NAME.</param>
/// <param name="Kind">Count, sum or rate.</param>
/// <param name="FirstDay">Day number (<see cref="DateOnly.DayNumber"/>) of the first value.</param>
/// <param name="Values">The value of each day; NaN when the day has none (a funnel day nobody entered).</param>
/// <param name="Volumes">What a day's value is made of: the value itself for counts and sums, the day's entrants for a rate.</param>
/// <param name="LastCompleteDay">The last day whose value is final at the data end (its end, plus a funnel's window, at or before it); days after it are incomplete.</param>
public sealed record DailySeries(string Metric, SeriesKind Kind, int FirstDay, double[] Values, double[] Volumes, int LastCompleteDay)
{
    /// <summary>Number of days on the axis.</summary>
    public int Length => Values.Length;

    /// <summary>The value of a day, NaN outside the axis.</summary>
    public double ValueOn(int day) => day - FirstDay is var i && (uint)i < (uint)Values.Length ? Values[i] : double.NaN;
}
