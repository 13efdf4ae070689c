using System.Globalization;

namespace Sextant.Analysis;

/// <summary>Reads durations written as a number and a unit: 30s, 45m, 36h, 14d, 2w.</summary>
public static class DurationText
{
    /// <summary>Parses a duration.</summary>
    /// <exception cref="SextantException">The text is not a positive number followed by s, m, h, d or w.</exception>
    public static TimeSpan Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (trimmed[^1])
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
                case 'w': return TimeSpan.FromDays(7 * amount);
            }
        }
        throw new SextantException($"{what} '{text}' is not a duration (expected a positive number and a unit: 30m, 36h, 14d, 2w)");
    }
}
