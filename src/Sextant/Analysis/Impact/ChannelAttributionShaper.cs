namespace Sextant.Analysis.Impact;

/// <summary>Orders channel credits: largest first-touch credit first, ties by channel name.</summary>
public static class ChannelAttributionShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static IReadOnlyList<ChannelCredit> Shape(ChannelAttributionQuery query, ChannelAttributionMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        return measures.Credits.OrderByDescending(c => c.FirstTouch).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList();
    }
}
