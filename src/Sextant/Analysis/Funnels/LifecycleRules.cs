using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>The milestone definitions of a lifecycle funnel resolved against a table's event codes, and the stage each entity reaches.</summary>
internal sealed class LifecycleRules
{
    /// <summary>The most activation criteria a rule combines (one bit each).</summary>
    public const int MaxCriteria = 64;

    // Outcomes of an entity that is in no stage; 1 .. 7 is the last stage reached.
    public const sbyte NotSeen = 0;
    public const sbyte Censored = -1;
    public const sbyte WithoutSignup = -2;

    private const byte ActiveFlag = 1;
    private const byte CollaborationFlag = 2;
    private const byte MonetizationFlag = 4;

    private readonly EventTable _table;
    private readonly ulong _allCriteria;
    private readonly bool _matchAll;
    private readonly bool _criteriaMissing;
    private readonly long _dataEnd;
    private readonly long _from;
    private readonly int _engagementActiveDays;
    private readonly int _engagementWithinDays;
    private readonly int _habitActiveWeeks;
    private readonly int _habitWithinWeeks;
    private readonly int _observationDays;
    private readonly long _activationWindow;

    /// <summary>Per event code: the bit of its activation criterion, or 0.</summary>
    private readonly ulong[] _criteriaBits;

    /// <summary>Per event code: active, collaboration and monetization flags.</summary>
    private readonly byte[] _flags;

    /// <summary>Per entity: has a paying subscription started by the data end.</summary>
    private readonly bool[] _paying;

    public LifecycleRules(EventTable table, LifecycleFunnelQuery query, long dataEnd)
    {
        _table = table;
        _dataEnd = dataEnd;
        _from = query.Range.FromMicros;
        _engagementActiveDays = query.EngagementActiveDays;
        _engagementWithinDays = query.EngagementWithinDays;
        _habitActiveWeeks = query.HabitActiveWeeks;
        _habitWithinWeeks = query.HabitWithinWeeks;
        _observationDays = query.ObservationDays;
        _activationWindow = query.ActivationWindowDays * Timestamp.MicrosPerDay;
        _matchAll = query.ActivationMatchAll;

        _criteriaBits = new ulong[table.EventNames.Length];
        var criteria = query.ActivationEvents.Distinct(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < criteria.Length; i++)
        {
            var code = table.EventCode(criteria[i]);
            if (code < 0) _criteriaMissing = true;
            else _criteriaBits[code] = 1UL << i;
            _allCriteria |= 1UL << i;
        }
        // With no criteria nobody activates, as in the engagement report.
        if (criteria.Length == 0) _criteriaMissing = true;

        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        _flags = new byte[table.EventNames.Length];
        for (var code = 0; code < _flags.Length; code++) _flags[code] = active[code] ? ActiveFlag : (byte)0;
        Mark(table, query.CollaborationEvents, CollaborationFlag);
        Mark(table, query.MonetizationEvents, MonetizationFlag);

        _paying = new bool[table.UserCount];
        var subscriptions = table.Subscriptions;
        for (var i = 0; i < subscriptions.Count; i++)
            if (subscriptions.Pays(i) && subscriptions.Start[i] <= dataEnd && (uint)subscriptions.User[i] < (uint)_paying.Length)
                _paying[subscriptions.User[i]] = true;
    }

    /// <summary>The last stage the entity reached (1 .. 7), or why it is in no stage.</summary>
    public sbyte Reach(int entity)
    {
        var table = _table;
        var anchor = table.SignupAt[entity];
        var visitor = table.IsVisitor(entity);
        if (anchor == long.MinValue) return visitor ? NotSeen : WithoutSignup;
        // Only sign-ups (a visitor's first event) inside the range are counted.
        if (anchor > _dataEnd || anchor < _from) return NotSeen;
        var calendar = table.Calendar;
        var signupDay = calendar.DayOf(anchor);
        var activationEnd = anchor + _activationWindow;
        var observedEnd = calendar.DayStart(signupDay + _observationDays);
        // A window is complete when its last instant is at or before the (inclusive) data end.
        if (observedEnd - 1 > _dataEnd || activationEnd > _dataEnd) return Censored;
        if (visitor) return 1;

        var dayZero = calendar.DayStart(signupDay);
        ulong criteria = 0;
        int activeDays = 0, activeWeeks = 0, lastDay = -1, lastWeek = -1;
        var collaborated = false;
        var monetized = _paying[entity];
        for (var row = table.UserOffsets[entity]; row < table.UserOffsets[entity + 1]; row++)
        {
            var t = table.Timestamps[row];
            // Rows are in time order within an entity, so nothing later is before the data end.
            if (t > _dataEnd) break;
            var code = table.EventCodes[row];
            if (t >= anchor && t <= activationEnd) criteria |= _criteriaBits[code];
            var flags = _flags[code];
            if (flags == 0) continue;
            if ((flags & ActiveFlag) != 0 && t >= dayZero && t < observedEnd)
            {
                var day = calendar.DayOf(t) - signupDay;
                if (day != lastDay)
                {
                    lastDay = day;
                    if (day < _engagementWithinDays) activeDays++;
                    var week = day / 7;
                    if (week != lastWeek && week < _habitWithinWeeks)
                    {
                        lastWeek = week;
                        activeWeeks++;
                    }
                }
            }
            if ((flags & CollaborationFlag) != 0 && t >= anchor) collaborated = true;
            if ((flags & MonetizationFlag) != 0) monetized = true;
        }

        if (!Activated(criteria)) return 2;
        if (activeDays < _engagementActiveDays) return 3;
        if (activeWeeks < _habitActiveWeeks) return 4;
        if (!collaborated) return 5;
        return monetized ? (sbyte)7 : (sbyte)6;
    }

    /// <summary>True when the criteria seen in the window meet the rule (all: every criterion; any: one).</summary>
    private bool Activated(ulong seen) => _matchAll ? !_criteriaMissing && seen == _allCriteria : seen != 0;

    private void Mark(EventTable table, IReadOnlyList<string> names, byte flag)
    {
        foreach (var name in names)
        {
            var code = table.EventCode(name);
            if (code >= 0) _flags[code] |= flag;
        }
    }
}
