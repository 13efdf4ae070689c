namespace Sextant.Analysis.Impact;

/// <summary>
/// Orders channel credits: largest first-touch credit first, ties by channel name. With
/// breakdowns, keeps the largest groups by credited users and adds the rest up as Other.
/// </summary>
public static class ChannelAttributionShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static ChannelAttributionResult Shape(ChannelAttributionQuery query, ChannelAttributionMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        return new ChannelAttributionResult(Order(measures.Credits), query.Breakdowns.Count == 0 ? null : Groups(query, measures.Groups));
    }

    private static List<ChannelCredit> Order(IEnumerable<ChannelCredit> credits) =>
        credits.OrderByDescending(c => c.FirstTouch).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList();

    private static List<ChannelAttributionGroup> Groups(ChannelAttributionQuery query, IReadOnlyList<ChannelAttributionGroupMeasures> groups)
    {
        var (kept, other) = TopGroups.Split(groups.Select(g => g.Values).ToList(), i => groups[i].Users, query.BreakdownLimit);
        var rows = kept.Select(i => new ChannelAttributionGroup(Breakdowns.Label(groups[i].Values), groups[i].Values, groups[i].Users, Order(groups[i].Credits))).ToList();
        if (other.Count == 0) return rows;
        var merged = other.SelectMany(i => groups[i].Credits)
            .GroupBy(c => c.Channel, StringComparer.Ordinal)
            .Select(g => new ChannelCredit(g.Key, g.Sum(c => c.FirstTouch), g.Sum(c => c.LastTouch), g.Sum(c => c.Linear), g.Sum(c => c.TimeDecay)));
        rows.Add(new ChannelAttributionGroup(Breakdowns.OtherValues, [Breakdowns.OtherValues], other.Sum(i => groups[i].Users), Order(merged)));
        return rows;
    }
}
