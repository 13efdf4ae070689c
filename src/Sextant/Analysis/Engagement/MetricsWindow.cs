using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// The events an engagement run counts: from <see cref="Start"/> to <see cref="End"/> inclusive.
/// <see cref="End"/> is also the data end that decides which periods are complete.
/// </summary>
internal readonly record struct MetricsWindow(long Start, long End)
{
    /// <summary>The query's range cut to the data: its last instant or the latest event, whichever is earlier.</summary>
    public static MetricsWindow Of(EventTable table, EngagementQuery query)
    {
        var end = Math.Min(table.MaxTimestamp, query.Range.LastInstant ?? long.MaxValue);
        var start = Math.Max(query.Range.FromMicros, table.MinTimestamp);
        return new MetricsWindow(start, end);
    }

    public bool IsEmpty => End < Start;

    public bool Contains(long instant) => instant >= Start && instant <= End;
}
