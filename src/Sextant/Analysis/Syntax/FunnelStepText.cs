using Sextant.Analysis.Funnels;

namespace Sextant.Analysis.Syntax;

/// <summary>
/// Reads funnel steps as written in <c>--steps</c> and sextant.yaml: one event or several
/// separated by '|', optionally followed by property filters in brackets separated by ';':
/// <c>edit_page|create_page[platform=ios;plan!=free]</c>.
/// </summary>
public static class FunnelStepText
{
    /// <summary>Parses one step.</summary>
    /// <exception cref="SextantException">The text names no event or a filter is not <c>property=value</c> / <c>property!=value</c>.</exception>
    public static FunnelStep Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var bracket = trimmed.IndexOf('[', StringComparison.Ordinal);
        var eventsText = bracket < 0 ? trimmed : trimmed[..bracket];
        var events = eventsText.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (events.Length == 0) throw new SextantException($"funnel step '{text}' names no event");
        var filters = new List<StepFilter>();
        if (bracket >= 0)
        {
            if (!trimmed.EndsWith(']')) throw new SextantException($"funnel step '{text}': filters must end with ']'");
            foreach (var condition in trimmed[(bracket + 1)..^1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                filters.Add(ParseFilter(condition, text));
        }
        return new FunnelStep(trimmed, events, filters);
    }

    /// <summary>Steps separated by commas; commas inside brackets belong to filters' values.</summary>
    /// <exception cref="SextantException">A step is invalid.</exception>
    public static ValueList<FunnelStep> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<FunnelStep>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '[') depth++;
            else if (i < text.Length && text[i] == ']') depth = Math.Max(0, depth - 1);
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                if (!string.IsNullOrWhiteSpace(text[start..i])) steps.Add(Parse(text[start..i]));
                start = i + 1;
            }
        }
        return steps;
    }

    private static StepFilter ParseFilter(string condition, string step)
    {
        var notEqual = condition.IndexOf("!=", StringComparison.Ordinal);
        var equal = condition.IndexOf('=', StringComparison.Ordinal);
        var (at, length, isEqual) = notEqual >= 0 ? (notEqual, 2, false) : (equal, 1, true);
        if (at <= 0 || at + length > condition.Length)
            throw new SextantException($"funnel step '{step}': filter '{condition}' is not property=value or property!=value");
        return new StepFilter(condition[..at].Trim(), condition[(at + length)..].Trim(), isEqual);
    }
}
