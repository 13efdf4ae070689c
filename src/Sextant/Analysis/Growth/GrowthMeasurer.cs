using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Growth;

/// <summary>Measures the growth baselines' inputs in memory.</summary>
internal static class GrowthMeasurer
{
    /// <summary>The profile attributes lever values are read from.</summary>
    internal static readonly string[] LeverAttributes = ["channel", "platform", "segment"];

    public static GrowthMeasures Measure(EventTable table, GrowthQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        // The baselines are other analyses' results, computed by the same engine.
        var engine = new InMemoryEngine(table);
        return From(table, engine.Run(query.Engagement), engine.Run(query.Retention), engine.Run(query.Revenue), query.Range, query.Cohort);
    }

    /// <summary>
    /// The measures from results already computed for the growth query's engagement, retention
    /// and revenue queries (a breakdown of the engagement result changes none of the headline
    /// figures read here: MAU, activation rate, collaboration events).
    /// </summary>
    internal static GrowthMeasures From(EventTable table, Engagement.EngagementResult engagement, Retention.RetentionResult retention, Revenue.RevenueResult revenue,
        TimeRange range = default, Cohort? cohort = null)
    {
        var sampleMau = engagement.Mau.Count == 0 ? 0 : engagement.Mau[^1].Users;
        var annual = revenue.Months.Where(m => m.Complete).TakeLast(12).Sum(m => m.Revenue);
        var monthOne = retention.Average.Count > 1 ? retention.Average[1].Rate : 0;

        // Who was active in the final 30 days, and their profile.
        // The range's end is the data end; nothing after it is seen.
        var dataEnd = Math.Min(table.MaxTimestamp, range.LastInstant ?? long.MaxValue);
        var recent = RecentUsers.Mask(table, dataEnd);
        var members = cohort is null ? null : CohortMembership.Evaluate(table, cohort.Definition, range);
        if (members is not null)
            for (var user = 0; user < recent.Length; user++) recent[user] &= members[user];
        long actives = 0, newUsers = 0;
        for (var user = 0; user < recent.Length; user++)
        {
            if (!recent[user]) continue;
            actives++;
            if (table.SignupAt[user] > dataEnd - 365 * Timestamp.MicrosPerDay) newUsers++;
        }
        // The project's own collaboration events (north_star.collaboration_events), not the demo's.
        var collaborators = Collaborators(table, engagement.NorthStar.CollaborationEvents, recent, dataEnd);
        var byValue = new List<AttributeValueCount>();
        foreach (var attribute in LeverAttributes)
        {
            var column = table.Attributes[attribute];
            if (column is null) continue;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var user = 0; user < recent.Length; user++)
                if (recent[user] && column[user] is { } value) counts[value] = counts.GetValueOrDefault(value) + 1;
            byValue.AddRange(counts.Select(c => new AttributeValueCount(attribute, c.Key, c.Value)));
        }
        return new GrowthMeasures(annual, sampleMau, engagement.Activation.Rate, monthOne, actives, newUsers, collaborators, byValue, PayingBySegment(table, members));
    }

    private static long Collaborators(EventTable table, IReadOnlyList<string> collaborationEvents, bool[] recent, long dataEnd)
    {
        var codes = collaborationEvents.Select(table.EventCode).Where(c => c >= 0).ToHashSet();
        long collaborators = 0;
        for (var user = 0; user < recent.Length; user++)
        {
            if (!recent[user]) continue;
            for (var row = table.UserOffsets[user + 1] - 1; row >= table.UserOffsets[user] && table.Timestamps[row] > dataEnd - 30 * Timestamp.MicrosPerDay; row--)
                if (table.Timestamps[row] <= dataEnd && codes.Contains(table.EventCodes[row])) { collaborators++; break; }
        }
        return collaborators;
    }

    private static List<AttributeValueCount> PayingBySegment(EventTable table, bool[]? members)
    {
        var segment = table.Attributes["segment"];
        if (segment is null) return [];
        var paying = new HashSet<int>();
        for (var i = 0; i < table.Subscriptions.Count; i++)
            if (table.Subscriptions.Pays(i)) paying.Add(table.Subscriptions.User[i]);
        var counts = new Dictionary<string, (long Users, long Paying)>(StringComparer.Ordinal);
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (segment[user] is not { } value || (members is not null && !members[user])) continue;
            var c = counts.GetValueOrDefault(value);
            counts[value] = (c.Users + 1, c.Paying + (paying.Contains(user) ? 1 : 0));
        }
        return counts.Select(c => new AttributeValueCount("segment", c.Key, c.Value.Users, c.Value.Paying)).ToList();
    }
}
