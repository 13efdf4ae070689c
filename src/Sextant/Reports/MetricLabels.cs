using System.Globalization;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;

namespace Sextant.Reports;

/// <summary>
/// Human words for an experiment metric written as a spec: <c>active_on_day:30:span=30</c> reads
/// "active on days 30–59". Readers of a report should not have to know the spec grammar.
/// </summary>
internal static class MetricLabels
{
    /// <summary>The metric in words; text that is not a metric spec is returned as it is.</summary>
    public static string Of(string metric)
    {
        MetricSpec spec;
        try
        {
            spec = MetricSpecText.Parse(metric);
        }
        catch (SextantException)
        {
            return metric;
        }
        return spec.Kind switch
        {
            MetricKind.Conversion => spec.Within is { } within ? $"did {spec.Event} within {Duration(within)}" : $"did {spec.Event}",
            MetricKind.Count => $"{spec.Event} events per user",
            MetricKind.Sum => spec.Event is null ? $"total {spec.Property} per user" : $"total {spec.Property} of {spec.Event} events per user",
            MetricKind.Ratio => $"{spec.Event} events per {spec.Denominator} event",
            MetricKind.ActiveOnDay => spec.Span == 1
                ? string.Create(CultureInfo.InvariantCulture, $"active on day {spec.Day}")
                : string.Create(CultureInfo.InvariantCulture, $"active on days {spec.Day}–{spec.Day + spec.Span - 1}"),
            _ => spec.Property ?? metric,
        };
    }

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? Plural((long)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? Plural((long)span.TotalHours, "hour")
        : Plural((long)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Plural(long count, string unit) => string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
