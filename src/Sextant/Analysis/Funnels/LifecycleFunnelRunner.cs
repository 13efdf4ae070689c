using Sextant.Configuration;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// The seven-stage lifecycle funnel Awareness → Signup → Activation → Engagement → Habit →
/// Collaboration → Monetization on an <see cref="EventTable"/>, in parallel over entities.
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
/// seen (signed up, or a visitor's first event) after the data end are not counted at all, and
/// events after the data end are ignored.
/// </para>
/// </summary>
public static class LifecycleFunnelRunner
{
    /// <summary>The stage names, in order.</summary>
    public static IReadOnlyList<string> StageNames { get; } =
        ["Awareness", "Signup", "Activation", "Engagement", "Habit", "Collaboration", "Monetization"];

    private const string NoValue = "(none)";
    private const string OtherValues = "Other";
    private const int MaxCriteria = 64;

    // Outcomes of an entity that is in no stage; 1 .. 7 is the last stage reached.
    private const sbyte NotSeen = 0;
    private const sbyte Censored = -1;
    private const sbyte WithoutSignup = -2;

    private const byte ActiveFlag = 1;
    private const byte CollaborationFlag = 2;
    private const byte MonetizationFlag = 4;

    /// <summary>Runs the lifecycle funnel.</summary>
    /// <exception cref="SextantException">A threshold out of range, an unknown activation match, more than 64 activation events, or an unknown breakdown attribute.</exception>
    public static LifecycleFunnelResult Run(EventTable table, LifecycleFunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);

        var dataEnd = query.AsOf ?? table.MaxTimestamp;
        var rules = new Rules(table, query, dataEnd);
        var outcome = new sbyte[table.UserCount];
        Parallel.For(0, table.UserCount, entity => outcome[entity] = Reach(table, rules, entity));

        var counts = new long[StageNames.Count];
        long censoredUsers = 0, censoredVisitors = 0, withoutSignup = 0;
        for (var entity = 0; entity < outcome.Length; entity++)
        {
            var reached = outcome[entity];
            if (reached == Censored)
            {
                if (table.IsVisitor(entity)) censoredVisitors++;
                else censoredUsers++;
            }
            else if (reached == WithoutSignup) withoutSignup++;
            for (var k = 0; k < reached; k++) counts[k]++;
        }

        var stages = Steps(counts);
        int? biggestDrop = null;
        for (var k = 1; k < stages.Count; k++)
            if (stages[k - 1].Users > 0 && (biggestDrop is null || stages[k].ConversionFromPrevious < stages[biggestDrop.Value].ConversionFromPrevious))
                biggestDrop = k;
        var breakdown = query.Breakdown is null ? [] : Breakdown(table, query, outcome);
        return new LifecycleFunnelResult(
            dataEnd == long.MinValue ? null : new Timestamp(dataEnd).ToString(), rules.ObservationDays, stages, biggestDrop,
            censoredUsers, censoredVisitors, withoutSignup, breakdown);
    }

    private static void Validate(LifecycleFunnelQuery query)
    {
        var activation = query.Activation ?? throw new SextantException("the lifecycle funnel needs an activation rule");
        var milestones = query.Milestones ?? throw new SextantException("the lifecycle funnel needs milestones");
        if (!ActivationConfig.Matches.Contains(activation.Match))
            throw new SextantException($"activation.match must be one of {string.Join(", ", ActivationConfig.Matches)}, got '{activation.Match}'");
        if (activation.WindowDays < 0) throw new SextantException($"activation.window_days must be 0 or more, got {activation.WindowDays}");
        if (activation.Events.Distinct(StringComparer.Ordinal).Count() > MaxCriteria)
            throw new SextantException($"activation.events may name at most {MaxCriteria} events, got {activation.Events.Count}");
        Positive(milestones.EngagementActiveDays, "engagement_active_days");
        Positive(milestones.EngagementWithinDays, "engagement_within_days");
        Positive(milestones.HabitActiveWeeks, "habit_active_weeks");
        Positive(milestones.HabitWithinWeeks, "habit_within_weeks");
    }

    private static void Positive(int value, string key)
    {
        if (value < 1) throw new SextantException($"milestones.{key} must be 1 or more, got {value}");
    }

    /// <summary>The last stage the entity reached (1 .. 7), or why it is in no stage.</summary>
    private static sbyte Reach(EventTable table, Rules rules, int entity)
    {
        var anchor = table.SignupAt[entity];
        var visitor = table.IsVisitor(entity);
        if (anchor == long.MinValue) return visitor ? NotSeen : WithoutSignup;
        if (anchor > rules.DataEnd) return NotSeen;
        var calendar = table.Calendar;
        var signupDay = calendar.DayOf(anchor);
        var activationEnd = anchor + rules.ActivationWindow;
        var observedEnd = calendar.DayStart(signupDay + rules.ObservationDays);
        // A window is complete when its last instant is at or before the (inclusive) data end.
        if (observedEnd - 1 > rules.DataEnd || activationEnd > rules.DataEnd) return Censored;
        if (visitor) return 1;

        var dayZero = calendar.DayStart(signupDay);
        ulong criteria = 0;
        int activeDays = 0, activeWeeks = 0, lastDay = -1, lastWeek = -1;
        var collaborated = false;
        var monetized = rules.Paying[entity];
        for (var row = table.UserOffsets[entity]; row < table.UserOffsets[entity + 1]; row++)
        {
            var t = table.Timestamps[row];
            // Rows are in time order within an entity, so nothing later is before the data end.
            if (t > rules.DataEnd) break;
            var code = table.EventCodes[row];
            if (t >= anchor && t <= activationEnd) criteria |= rules.CriteriaBits[code];
            var flags = rules.Flags[code];
            if (flags == 0) continue;
            if ((flags & ActiveFlag) != 0 && t >= dayZero && t < observedEnd)
            {
                var day = calendar.DayOf(t) - signupDay;
                if (day != lastDay)
                {
                    lastDay = day;
                    if (day < rules.EngagementWithinDays) activeDays++;
                    var week = day / 7;
                    if (week != lastWeek && week < rules.HabitWithinWeeks)
                    {
                        lastWeek = week;
                        activeWeeks++;
                    }
                }
            }
            if ((flags & CollaborationFlag) != 0 && t >= anchor) collaborated = true;
            if ((flags & MonetizationFlag) != 0) monetized = true;
        }

        if (!rules.Activated(criteria)) return 2;
        if (activeDays < rules.EngagementActiveDays) return 3;
        if (activeWeeks < rules.HabitActiveWeeks) return 4;
        if (!collaborated) return 5;
        return monetized ? (sbyte)7 : (sbyte)6;
    }

    private static List<FunnelStepResult> Steps(long[] counts)
    {
        var results = new List<FunnelStepResult>(counts.Length);
        var first = counts[0];
        var previous = first;
        for (var k = 0; k < counts.Length; k++)
        {
            var reached = counts[k];
            var fromPrevious = Proportions.Wilson(reached, previous);
            var fromStart = Proportions.Wilson(reached, first);
            results.Add(new FunnelStepResult(
                StageNames[k],
                reached,
                previous == 0 ? 0 : reached / (double)previous,
                first == 0 ? 0 : reached / (double)first,
                fromPrevious.Low, fromPrevious.High, fromStart.Low, fromStart.High,
                previous - reached,
                null, null, null, null));
            previous = reached;
        }
        return results;
    }

    /// <summary>The funnel per attribute value, over signed-up users in the funnel (visitors have no profile).</summary>
    private static List<FunnelBreakdown> Breakdown(EventTable table, LifecycleFunnelQuery query, sbyte[] outcome)
    {
        var column = table.Attributes[query.Breakdown!]
            ?? throw new SextantException(NameCheck.Unknown("breakdown", query.Breakdown!, null, table.Attributes.Names));
        string ValueOf(int user) => user < column.Codes.Length ? column[user] ?? NoValue : NoValue;

        var users = Enumerable.Range(0, table.SignedUpUserCount).Where(u => outcome[u] > 0).ToArray();
        var kept = users.GroupBy(ValueOf).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(Math.Max(1, query.BreakdownLimit)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var groups = users.GroupBy(u => kept.Contains(ValueOf(u)) ? ValueOf(u) : OtherValues)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);

        var last = StageNames.Count - 1;
        long totalStart = users.Length, totalEnd = users.LongCount(u => outcome[u] > last);
        var result = new List<FunnelBreakdown>();
        foreach (var group in groups)
        {
            var counts = new long[StageNames.Count];
            foreach (var user in group)
                for (var k = 0; k < outcome[user]; k++) counts[k]++;
            var start = counts[0];
            var end = counts[last];
            var ratio = Proportions.RiskRatio(totalEnd - end, totalStart - start, end, start);
            var test = Proportions.TwoProportionZ(totalEnd - end, totalStart - start, end, start);
            result.Add(new FunnelBreakdown(group.Key, Steps(counts), end / (double)start, ratio?.Ratio, ratio?.Interval.Low, ratio?.Interval.High, test.PValue));
        }
        return result;
    }

    /// <summary>The milestone definitions resolved against the table's event codes.</summary>
    private sealed class Rules
    {
        private readonly ulong _allCriteria;
        private readonly bool _matchAll;
        private readonly bool _criteriaMissing;

        public Rules(EventTable table, LifecycleFunnelQuery query, long dataEnd)
        {
            DataEnd = dataEnd;
            var milestones = query.Milestones;
            EngagementActiveDays = milestones.EngagementActiveDays;
            EngagementWithinDays = milestones.EngagementWithinDays;
            HabitActiveWeeks = milestones.HabitActiveWeeks;
            HabitWithinWeeks = milestones.HabitWithinWeeks;
            ObservationDays = Math.Max(EngagementWithinDays, 7 * HabitWithinWeeks);
            ActivationWindow = query.Activation.WindowDays * Timestamp.MicrosPerDay;
            _matchAll = query.Activation.Match == "all";

            CriteriaBits = new ulong[table.EventNames.Length];
            var criteria = query.Activation.Events.Distinct(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < criteria.Length; i++)
            {
                var code = table.EventCode(criteria[i]);
                if (code < 0) _criteriaMissing = true;
                else CriteriaBits[code] = 1UL << i;
                _allCriteria |= 1UL << i;
            }
            // With no criteria nobody activates, as in the engagement report.
            if (criteria.Length == 0) _criteriaMissing = true;

            var active = ActiveEvents.Mask(table, query.ExcludeEvents);
            Flags = new byte[table.EventNames.Length];
            for (var code = 0; code < Flags.Length; code++) Flags[code] = active[code] ? ActiveFlag : (byte)0;
            Mark(table, query.CollaborationEvents, CollaborationFlag);
            Mark(table, query.Milestones.MonetizationEvents, MonetizationFlag);

            Paying = new bool[table.UserCount];
            var subscriptions = table.Subscriptions;
            for (var i = 0; i < subscriptions.Count; i++)
                if (subscriptions.Pays(i) && subscriptions.Start[i] <= dataEnd && (uint)subscriptions.User[i] < (uint)Paying.Length)
                    Paying[subscriptions.User[i]] = true;
        }

        public long DataEnd { get; }

        public int EngagementActiveDays { get; }

        public int EngagementWithinDays { get; }

        public int HabitActiveWeeks { get; }

        public int HabitWithinWeeks { get; }

        /// <summary>Calendar days from the sign-up day that must have ended: the longer of the Engagement and Habit windows.</summary>
        public int ObservationDays { get; }

        /// <summary>Activation window in µs from the sign-up instant.</summary>
        public long ActivationWindow { get; }

        /// <summary>Per event code: the bit of its activation criterion, or 0.</summary>
        public ulong[] CriteriaBits { get; }

        /// <summary>Per event code: active, collaboration and monetization flags.</summary>
        public byte[] Flags { get; }

        /// <summary>Per entity: has a paying subscription started by the data end.</summary>
        public bool[] Paying { get; }

        /// <summary>True when the criteria seen in the window meet the rule (all: every criterion; any: one).</summary>
        public bool Activated(ulong seen) => _matchAll ? !_criteriaMissing && seen == _allCriteria : seen != 0;

        private void Mark(EventTable table, IReadOnlyList<string>? names, byte flag)
        {
            foreach (var name in names ?? [])
            {
                var code = table.EventCode(name);
                if (code >= 0) Flags[code] |= flag;
            }
        }
    }
}
