using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// The seven-stage lifecycle funnel Awareness → Signup → Activation → Engagement → Habit →
/// Collaboration → Monetization, shaped from its measures.
/// <para>
/// It is a milestone funnel, not an event funnel: each stage is a per-entity condition, and an
/// entity reaches stage k when it meets the conditions of stages 1 .. k, in whatever order the
/// milestones happened in time (a user who commented before activating still reaches
/// Collaboration once activated, engaged and habitual). The conditions:
/// </para>
/// <list type="number">
/// <item>Awareness: every entity seen — signed-up users and visitors.</item>
/// <item>Signup: signed-up users.</item>
/// <item>Activation: the activation criteria (all or any of <c>activation.events</c>) met by events
/// from the sign-up instant to <c>window_days</c> × 24 h after it, inclusive — the rule of the
/// engagement report (SEMANTICS.md, Activation and adoption).</item>
/// <item>Engagement: an active event (all but <c>activity.exclude_events</c>) on at least
/// <c>engagement_active_days</c> distinct calendar days among days 0 .. <c>engagement_within_days</c> − 1
/// after the sign-up day (day 0 is the sign-up day, days cut in the project time zone).</item>
/// <item>Habit: active in at least <c>habit_active_weeks</c> of the first <c>habit_within_weeks</c>
/// 7-day blocks, block b being days 7b .. 7b + 6 after the sign-up day.</item>
/// <item>Collaboration: a collaboration event at or after the sign-up instant, up to the data end.</item>
/// <item>Monetization: a paying subscription (not a trial, MRR above zero) started by the data end,
/// or a <c>milestones.monetization_events</c> event up to the data end.</item>
/// </list>
/// <para>
/// Right-censoring (SEMANTICS.md, Time): an entity is in the funnel only when its longest window
/// has ended by the data end — days 0 .. max(<c>engagement_within_days</c>, 7 × <c>habit_within_weeks</c>) − 1
/// after the sign-up day, and the activation window after the sign-up instant. Visitors are held to
/// the same span from their first event. Entities left out are counted as censored. Entities first
/// seen (signed up, or a visitor's first event) outside the range are not counted at all, and
/// events after the data end are ignored. The data end is the last instant of the range, or
/// the latest event when the range is open.
/// </para>
/// </summary>
public static class LifecycleFunnelShaper
{
    /// <summary>The stage names, in order.</summary>
    public static IReadOnlyList<string> StageNames { get; } =
        ["Awareness", "Signup", "Activation", "Engagement", "Habit", "Collaboration", "Monetization"];

    /// <summary>The index of the Signup stage among <see cref="StageNames"/>.</summary>
    public const int SignupStage = 1;

    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static LifecycleFunnelResult Shape(LifecycleFunnelQuery query, LifecycleFunnelMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var stages = FunnelShaping.Steps(StageNames, [.. measures.Stages.Select(FunnelStepMeasures.Count)]);
        var breakdown = query.Breakdowns.Count == 0 ? [] : FunnelShaping.Breakdown(StageNames, measures.Groups, query.BreakdownLimit);
        return new LifecycleFunnelResult(
            measures.DataEnd is { } end ? new Timestamp(end).ToString() : null, query.ObservationDays, stages, FunnelShaping.BiggestDrop(stages),
            measures.CensoredUsers, measures.CensoredVisitors, measures.UsersWithoutSignup, breakdown);
    }
}
