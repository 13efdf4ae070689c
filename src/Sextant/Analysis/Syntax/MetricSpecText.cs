using System.Globalization;
using Sextant.Analysis.Experiments;

namespace Sextant.Analysis.Syntax;

/// <summary>
/// Reads experiment metrics as written on the command line and in sextant.yaml:
/// <c>conversion:EVENT[:within=7d]</c>, <c>count:EVENT</c>, <c>sum:PROPERTY[@EVENT]</c>,
/// <c>ratio:NUM/DEN</c>, <c>active_on_day:N[:span=K]</c> or <c>trait:NAME</c>.
/// </summary>
public static class MetricSpecText
{
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
