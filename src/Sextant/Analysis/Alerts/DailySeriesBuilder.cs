using System.Globalization;
using Sextant.Analysis.Funnels;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Alerts;

/// <summary>
/// The daily series alerts watch, from the in-memory table (docs/ALERTS.md, Series): events,
/// active_users (DAU), signups, revenue, each funnel's conversion and events per source. One
/// parallel pass over the rows makes every series but the funnels; each funnel is one more pass.
/// </summary>
public static class DailySeriesBuilder
{
    /// <summary>Name of the series of every stored event per day.</summary>
    public const string Events = "events";

    /// <summary>Name of the DAU series.</summary>
    public const string ActiveUsers = "active_users";

    /// <summary>Name of the series of sign-ups per day.</summary>
    public const string Signups = "signups";

    /// <summary>Name of the series of event revenue per day.</summary>
    public const string Revenue = "revenue";

    /// <summary>Prefix of a funnel's conversion series: funnel:NAME.</summary>
    public const string FunnelPrefix = "funnel:";

    /// <summary>Prefix of a source's event series: source:NAME.</summary>
    public const string SourcePrefix = "source:";

    /// <summary>
    /// Every series of <paramref name="table"/>: events, active_users, signups, revenue, then one
    /// series per funnel (in the order given) and per stored source value (in name order).
    /// </summary>
    /// <param name="table">The events.</param>
    /// <param name="activityExclude">activity.exclude_events: events that do not make a user active.</param>
    /// <param name="funnels">Named funnels whose daily conversion to follow.</param>
    /// <exception cref="SextantException">The table holds no events, or a funnel is invalid.</exception>
    public static IReadOnlyList<DailySeries> Build(EventTable table, IReadOnlyList<string>? activityExclude, IReadOnlyList<(string Name, FunnelQuery Query)> funnels)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(funnels);
        if (table.EventCount == 0) throw new SextantException("the store holds no events: there is no daily series to watch");
        var calendar = table.Calendar;
        var dataEnd = table.MaxTimestamp;
        var lastDay = calendar.DayOf(dataEnd);
        var firstDay = calendar.DayOf(table.MinTimestamp);
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (table.SignupAt[user] != long.MinValue) firstDay = Math.Min(firstDay, calendar.DayOf(table.SignupAt[user]));
        var days = lastDay - firstDay + 1;
        var lastComplete = LastCompleteDay(calendar, dataEnd, TimeSpan.Zero);

        var active = ActiveEvents.Mask(table, activityExclude);
        var revenueColumn = table.Property("revenue");
        var amounts = revenueColumn.Values.Select(text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : 0).ToArray();
        var sourceColumn = table.Property("source");
        var sourceCount = sourceColumn.Values.Length;
        var ranges = UserRanges.Of(table, table.UserCount);
        var parts = UserRanges.Run(ranges, (from, to) =>
        {
            var part = new Tally(days, sourceCount);
            var cursor = new DayCursor(calendar);
            for (var user = from; user < to; user++)
            {
                var signedUp = user < table.SignedUpUserCount;
                var lastActive = int.MinValue;
                for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
                {
                    cursor.MoveTo(table.Timestamps[row]);
                    var i = cursor.Day - firstDay;
                    part.Events[i]++;
                    var amount = revenueColumn.Codes[row];
                    if (amount != 0) part.Revenue[i] += amounts[amount - 1];
                    var source = sourceColumn.Codes[row];
                    if (source != 0) part.Sources[(source - 1) * days + i]++;
                    if (signedUp && active[table.EventCodes[row]] && cursor.Day != lastActive)
                    {
                        part.Active[i]++;
                        lastActive = cursor.Day;
                    }
                }
            }
            return part;
        });
        var signups = new double[days];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (table.SignupAt[user] == long.MinValue || table.SignupAt[user] > dataEnd) continue;
            signups[calendar.DayOf(table.SignupAt[user]) - firstDay]++;
        }

        double[] Sum(Func<Tally, double[]> of, int offset = 0)
        {
            var sum = new double[days];
            foreach (var part in parts)
            {
                var values = of(part);
                for (var i = 0; i < days; i++) sum[i] += values[offset + i];
            }
            return sum;
        }
        DailySeries Plain(string metric, SeriesKind kind, double[] values) => new(metric, kind, firstDay, values, values, lastComplete);

        var series = new List<DailySeries>
        {
            Plain(Events, SeriesKind.Count, Sum(p => p.Events)),
            Plain(ActiveUsers, SeriesKind.Count, Sum(p => p.Active)),
            Plain(Signups, SeriesKind.Count, signups),
            Plain(Revenue, SeriesKind.Sum, Sum(p => p.Revenue)),
        };
        foreach (var (name, query) in funnels) series.Add(Funnel(table, name, query, firstDay, days, ranges));
        foreach (var (value, code) in sourceColumn.Values.Select((value, index) => (value, index)).OrderBy(s => s.value, StringComparer.Ordinal))
            series.Add(Plain(SourcePrefix + value, SeriesKind.Count, Sum(p => p.Sources, code * days)));
        return series;
    }

    /// <summary>
    /// The last day whose value is final: its end, plus <paramref name="window"/> for a funnel, at
    /// or before the data end (whose own microsecond is observed).
    /// </summary>
    public static int LastCompleteDay(ProjectCalendar calendar, long dataEnd, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DayOf(dataEnd + 1 - window.Ticks / 10) - 1;
    }

    /// <summary>
    /// The funnel's conversion per day: of the people whose step-1 event falls on the day, the share
    /// reaching the last step within the window, matched by the funnel engine with attempts opening
    /// on that day only (a person entering on two days counts on each).
    /// </summary>
    private static DailySeries Funnel(EventTable table, string name, FunnelQuery query, int firstDay, int days, (int From, int To)[] ranges)
    {
        FunnelMeasurer.Validate(query);
        var calendar = table.Calendar;
        var steps = query.Steps.Count;
        var matcher = new FunnelMatcher(table, query);
        var parts = UserRanges.Run(ranges, (from, to) =>
        {
            var entered = new long[days];
            var converted = new long[days];
            Span<long> fromPrevious = stackalloc long[steps];
            Span<long> fromStart = stackalloc long[steps];
            Span<long> scratch = stackalloc long[steps];
            for (var user = from; user < to; user++)
            {
                var lastDay = int.MinValue;
                for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
                {
                    if (!matcher.Opens(row)) continue;
                    var day = calendar.DayOf(table.Timestamps[row]);
                    if (day == lastDay) continue;
                    lastDay = day;
                    var depth = matcher.Match(user, calendar.DayStart(day), calendar.DayStart(day + 1), fromPrevious, fromStart, scratch, out _);
                    if (depth <= 0) continue; // removed by an exclusion event
                    entered[day - firstDay]++;
                    if (depth == steps) converted[day - firstDay]++;
                }
            }
            return (entered, converted);
        });
        var values = new double[days];
        var volumes = new double[days];
        for (var i = 0; i < days; i++)
        {
            var n = parts.Sum(p => p.entered[i]);
            volumes[i] = n;
            values[i] = n == 0 ? double.NaN : parts.Sum(p => p.converted[i]) / (double)n;
        }
        return new DailySeries(FunnelPrefix + name, SeriesKind.Rate, firstDay, values, volumes, LastCompleteDay(calendar, table.MaxTimestamp, query.Window));
    }

    /// <summary>One user range's counts per day (sources: source-major).</summary>
    private sealed class Tally(int days, int sources)
    {
        public double[] Events { get; } = new double[days];

        public double[] Active { get; } = new double[days];

        public double[] Revenue { get; } = new double[days];

        public double[] Sources { get; } = new double[days * sources];
    }
}
