using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>
/// The milestones of the seven-stage lifecycle funnel Awareness → Signup → Activation →
/// Engagement → Habit → Collaboration → Monetization (key <c>milestones</c>). Activation uses
/// <see cref="ActivationConfig"/>; Collaboration uses <see cref="NorthStarConfig.CollaborationEvents"/>.
/// </summary>
public sealed record MilestonesConfig
{
    /// <summary>The demo product's monetization event, upgrade: never assumed for other data.</summary>
    public static readonly IReadOnlyList<string> DemoMonetizationEvents = new ReadOnlyCollection<string>(["upgrade"]);

    /// <summary>Active days needed for Engagement (key <c>milestones.engagement_active_days</c>, default 4).</summary>
    public int EngagementActiveDays { get; init; } = 4;

    /// <summary>Days after sign-up (day 0 = sign-up day) Engagement must happen in (key <c>milestones.engagement_within_days</c>, default 30).</summary>
    public int EngagementWithinDays { get; init; } = 30;

    /// <summary>Active weeks needed for Habit (key <c>milestones.habit_active_weeks</c>, default 3).</summary>
    public int HabitActiveWeeks { get; init; } = 3;

    /// <summary>Weeks after sign-up, counted in 7-day blocks from the sign-up day, Habit must happen in (key <c>milestones.habit_within_weeks</c>, default 8).</summary>
    public int HabitWithinWeeks { get; init; } = 8;

    /// <summary>Events that mark a paying user besides a paying subscription (key <c>milestones.monetization_events</c>, default none: only paying subscriptions count).</summary>
    public IReadOnlyList<string> MonetizationEvents { get; init; } = ReadOnlyCollection<string>.Empty;
}
