using System.Globalization;
using Sextant.Analysis.Syntax;

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

    /// <summary>Parses a metric.</summary>
    /// <exception cref="SextantException">The text is not one of the metric forms.</exception>
    public static MetricSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? trimmed : trimmed[..colon];
        var rest = colon < 0 ? "" : trimmed[(colon + 1)..];
        switch (kind)
        {
            case "conversion" when rest.Length > 0:
                var parts = rest.Split(':');
                TimeSpan? within = null;
                if (parts.Length == 2 && parts[1].StartsWith("within=", StringComparison.Ordinal) && DurationText.TryParse(parts[1]["within=".Length..], out var window))
                    within = window;
                else if (parts.Length != 1) break;
                return parts[0].Length == 0 ? throw Error(text) : new MetricSpec(trimmed, MetricKind.Conversion, parts[0], null, null, within, 0);
            case "count" when rest.Length > 0:
                return new MetricSpec(trimmed, MetricKind.Count, rest, null, null, null, 0);
            case "sum" when rest.Length > 0:
                var at = rest.IndexOf('@', StringComparison.Ordinal);
                return at == 0 || at == rest.Length - 1
                    ? throw Error(text)
                    : new MetricSpec(trimmed, MetricKind.Sum, at < 0 ? null : rest[(at + 1)..], null, at < 0 ? rest : rest[..at], null, 0);
            case "ratio":
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0 && slash < rest.Length - 1) return new MetricSpec(trimmed, MetricKind.Ratio, rest[..slash], rest[(slash + 1)..], null, null, 0);
                break;
            case "trait" when rest.Length > 0:
                return new MetricSpec(trimmed, MetricKind.Trait, null, null, rest, null, 0);
            case "active_on_day":
                var pieces = rest.Split(':');
                var span = 1;
                if (int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                    && (pieces.Length == 1 || (pieces.Length == 2 && pieces[1].StartsWith("span=", StringComparison.Ordinal)
                        && int.TryParse(pieces[1]["span=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out span) && span >= 1)))
                    return new MetricSpec(trimmed, MetricKind.ActiveOnDay, null, null, null, null, day, span);
                break;
        }
        throw Error(text);
    }

    private static SextantException Error(string text) => new(
        $"metric '{text}' is not one of conversion:EVENT[:within=7d], count:EVENT, sum:PROPERTY[@EVENT], ratio:NUM/DEN, active_on_day:N[:span=K], trait:NAME");
}
