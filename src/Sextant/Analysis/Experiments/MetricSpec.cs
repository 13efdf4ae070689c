namespace Sextant.Analysis.Experiments;

/// <summary>The kinds of experiment metric.</summary>
public enum MetricKind
{
    /// <summary>Did the user do the event within the window after exposure (0 or 1).</summary>
    Conversion,
    /// <summary>How many times the user did the event.</summary>
    Count,
    /// <summary>Sum of a numeric event property, over every event or one event's.</summary>
    Sum,
    /// <summary>Count of one event over count of another, per arm, by the delta method.</summary>
    Ratio,
    /// <summary>Was the user active on calendar day N after the exposure day (0 or 1).</summary>
    ActiveOnDay,
    /// <summary>A numeric profile trait (true / false count as 1 / 0); users without it are left out.</summary>
    Trait,
}

/// <summary>
/// An experiment metric written as text: <c>conversion:EVENT[:within=7d]</c>, <c>count:EVENT</c>,
/// <c>sum:PROPERTY[@EVENT]</c>, <c>ratio:NUM/DEN</c>, <c>active_on_day:N[:span=K]</c> or <c>trait:NAME</c>.
/// </summary>
/// <param name="Text">The metric as written; also its name in results.</param>
/// <param name="Kind">What is measured.</param>
/// <param name="Event">The event (conversion, count, sum@EVENT, ratio numerator).</param>
/// <param name="Denominator">The ratio's denominator event.</param>
/// <param name="Property">The summed property, or the trait.</param>
/// <param name="Within">Conversion window after exposure; null means the analysis window.</param>
/// <param name="Day">N of active_on_day.</param>
/// <param name="Span">Days from N that count for active_on_day (span=30: active on any of days N .. N+29); 1 by default.</param>
public sealed record MetricSpec(string Text, MetricKind Kind, string? Event, string? Denominator, string? Property, TimeSpan? Within, int Day, int Span = 1)
{
    /// <summary>True for 0/1 metrics, whose variance is p(1 − p).</summary>
    public bool IsProportion => Kind is MetricKind.Conversion or MetricKind.ActiveOnDay;
}
