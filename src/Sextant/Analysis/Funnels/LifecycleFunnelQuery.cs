namespace Sextant.Analysis.Funnels;

/// <summary>
/// What lifecycle funnel to compute: the milestone definitions of the seven stages Awareness →
/// Signup → Activation → Engagement → Habit → Collaboration → Monetization (docs/FUNNELS.md).
/// Every property has the default of the matching sextant.yaml key, so
/// <c>new LifecycleFunnelQuery()</c> is the default funnel.
/// </summary>
public sealed record LifecycleFunnelQuery : IAnalysisQuery<LifecycleFunnelMeasures, LifecycleFunnelResult>, IScopedQuery
{
    /// <summary>The activation criteria events (key <c>activation.events</c>); with none, nobody activates.</summary>
    public ValueList<string> ActivationEvents { get; init; }

    /// <summary>True: every criteria event (activation.match: all); false: one of them (any).</summary>
    public bool ActivationMatchAll { get; init; } = true;

    /// <summary>Days from the sign-up instant the criteria must be met in (key <c>activation.window_days</c>).</summary>
    public int ActivationWindowDays { get; init; } = 7;

    /// <summary>Active days needed for Engagement (key <c>milestones.engagement_active_days</c>).</summary>
    public int EngagementActiveDays { get; init; } = 4;

    /// <summary>Days after the sign-up day (day 0) Engagement must happen in (key <c>milestones.engagement_within_days</c>).</summary>
    public int EngagementWithinDays { get; init; } = 30;

    /// <summary>Active 7-day blocks needed for Habit (key <c>milestones.habit_active_weeks</c>).</summary>
    public int HabitActiveWeeks { get; init; } = 3;

    /// <summary>7-day blocks after the sign-up day Habit must happen in (key <c>milestones.habit_within_weeks</c>).</summary>
    public int HabitWithinWeeks { get; init; } = 8;

    /// <summary>Events that count as collaboration (key <c>north_star.collaboration_events</c>).</summary>
    public ValueList<string> CollaborationEvents { get; init; }

    /// <summary>Events that mark a paying user besides a paying subscription (key <c>milestones.monetization_events</c>).</summary>
    public ValueList<string> MonetizationEvents { get; init; }

    /// <summary>Events that never make a user active (key <c>activity.exclude_events</c>); they do not count toward Engagement or Habit.</summary>
    public ValueList<string> ExcludeEvents { get; init; }

    /// <summary>
    /// Sign-ups (a visitor's first event) must fall in the range; its end is the data end windows
    /// are judged against (all time by default: the latest event).
    /// </summary>
    public TimeRange Range { get; init; }

    /// <summary>Only members of this cohort are counted, or everyone when null.</summary>
    public Cohort? Cohort { get; init; }

    /// <summary>
    /// Up to three dimensions to break the funnel down by, or none. Visitors are left out of every
    /// breakdown group: a group's Awareness counts its signed-up users only.
    /// </summary>
    public ValueList<Breakdown> Breakdowns { get; init; }

    /// <summary>Groups beyond the largest ones (by signed-up users in the funnel) are merged into Other (default 10).</summary>
    public int BreakdownLimit { get; init; } = 10;

    /// <summary>Calendar days from the sign-up day that must have ended: the longer of the Engagement and Habit windows.</summary>
    public int ObservationDays => Math.Max(EngagementWithinDays, 7 * HabitWithinWeeks);
}
