using System.Globalization;

namespace Sextant.Analysis.Syntax;

/// <summary>Reads durations written as a number and a unit: 30s, 45m, 36h, 14d, 2w.</summary>
public static class DurationText
{
    /// <summary>The longest duration accepted: 36,500 days (about a century).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    /// <summary>Parses a duration; false when the text is not one or is longer than <see cref="Longest"/>.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || !double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !(amount > 0) || !double.IsFinite(amount))
            return false;
        // Longer than a century is a typo, and far enough beyond it TimeSpan itself overflows.
        var unitSeconds = trimmed[^1] switch { 's' => 1.0, 'm' => 60.0, 'h' => 3_600.0, 'd' => 86_400.0, 'w' => 604_800.0, _ => 0.0 };
        if (amount * unitSeconds > Longest.TotalSeconds) return false;
        value = trimmed[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(7 * amount),
            _ => default,
        };
        return value > TimeSpan.Zero;
    }

    /// <summary>Parses a duration.</summary>
    /// <exception cref="SextantException">The text is not a positive number followed by s, m, h, d or w, or is longer than <see cref="Longest"/>.</exception>
    public static TimeSpan Parse(string text, string what)
    {
        if (TryParse(text, out var value)) return value;
        var tooLong = text.Trim() is { Length: >= 2 } t && "smhdw".Contains(t[^1], StringComparison.Ordinal)
            && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0;
        throw new SextantException(tooLong
            ? $"{what} '{text}' is too long (expected at most {Longest.TotalDays:0}d)"
            : $"{what} '{text}' is not a duration (expected a positive number and a unit: 30m, 36h, 14d, 2w)");
    }

    /// <summary>The shortest exact text of a duration: 7d, 2w is 14d, 36h, 45m, 30s.</summary>
    public static string Format(TimeSpan value)
    {
        static string N(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        if (value.Ticks % TimeSpan.TicksPerDay == 0) return N(value.TotalDays) + "d";
        if (value.Ticks % TimeSpan.TicksPerHour == 0) return N(value.TotalHours) + "h";
        if (value.Ticks % TimeSpan.TicksPerMinute == 0) return N(value.TotalMinutes) + "m";
        return N(value.TotalSeconds) + "s";
    }
}
