using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// Measures the seven-stage lifecycle funnel in memory, in parallel over entities: the last
/// stage each entity reaches (docs/FUNNELS.md, Lifecycle funnel) or why it is in none.
/// </summary>
internal static class LifecycleFunnelMeasurer
{
    /// <exception cref="SextantException">A threshold out of range, an unknown activation match, more than 64 activation events, or an unknown breakdown.</exception>
    public static LifecycleFunnelMeasures Measure(EventTable table, LifecycleFunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var scope = UserScope.Of(table, query);
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var rules = new LifecycleRules(table, query, dataEnd);
        var outcome = new sbyte[table.UserCount];
        Parallel.For(0, table.UserCount, entity =>
            outcome[entity] = scope.Includes(entity) ? rules.Reach(entity) : LifecycleRules.NotSeen);

        var stages = LifecycleFunnelShaper.StageNames.Count;
        var counts = new long[stages];
        var groups = new long[scope.GroupCount][];
        long censoredUsers = 0, censoredVisitors = 0, withoutSignup = 0;
        for (var entity = 0; entity < outcome.Length; entity++)
        {
            var reached = outcome[entity];
            if (reached == LifecycleRules.Censored)
            {
                if (table.IsVisitor(entity)) censoredVisitors++;
                else censoredUsers++;
            }
            else if (reached == LifecycleRules.WithoutSignup) withoutSignup++;
            for (var k = 0; k < reached; k++) counts[k]++;
            // Breakdown groups hold signed-up users only: visitors have no profile.
            if (reached <= 0 || entity >= table.SignedUpUserCount) continue;
            var group = groups[scope.GroupOf(entity)] ??= new long[stages];
            for (var k = 0; k < reached; k++) group[k]++;
        }
        var measured = new List<FunnelGroupMeasures>();
        for (var g = 0; g < groups.Length; g++)
            if (groups[g] is { } group)
                measured.Add(new FunnelGroupMeasures(scope.Keys[g], [.. group.Select(FunnelStepMeasures.Count)]));
        return new LifecycleFunnelMeasures(dataEnd == long.MinValue ? null : dataEnd, counts, measured, censoredUsers, censoredVisitors, withoutSignup);
    }

    /// <exception cref="SextantException">A threshold out of range or more than 64 activation events.</exception>
    internal static void Validate(LifecycleFunnelQuery query)
    {
        if (query.ActivationWindowDays < 0) throw new SextantException($"activation.window_days must be 0 or more, got {query.ActivationWindowDays}");
        if (query.ActivationEvents.Distinct(StringComparer.Ordinal).Count() > LifecycleRules.MaxCriteria)
            throw new SextantException($"activation.events may name at most {LifecycleRules.MaxCriteria} events, got {query.ActivationEvents.Count}");
        Positive(query.EngagementActiveDays, "engagement_active_days");
        Positive(query.EngagementWithinDays, "engagement_within_days");
        Positive(query.HabitActiveWeeks, "habit_active_weeks");
        Positive(query.HabitWithinWeeks, "habit_within_weeks");
    }

    private static void Positive(int value, string key)
    {
        if (value < 1) throw new SextantException($"milestones.{key} must be 1 or more, got {value}");
    }
}
