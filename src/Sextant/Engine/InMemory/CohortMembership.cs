using Sextant.Analysis;
using Sextant.Events;

namespace Sextant.Engine.InMemory;

/// <summary>
/// Evaluates a cohort definition over an EventTable: one flag per entity. Behaviour counts use
/// every stored event (activity exclusions do not apply: a cohort names its events itself).
/// </summary>
internal static class CohortMembership
{
    /// <summary>True for each entity (signed-up user or visitor) in the cohort.</summary>
    /// <exception cref="SextantException">The definition names an event or attribute the store does not have.</exception>
    public static bool[] Evaluate(EventTable table, CohortDefinition definition, TimeRange range) => definition switch
    {
        PerformedEvent performed => Performed(table, performed, range),
        HasProperty property => Property(table, property),
        SignedUpBetween signedUp => SignedUp(table, signedUp),
        AllOf all => Combine(table, all.Conditions, range, all: true),
        AnyOf any => Combine(table, any.Conditions, range, all: false),
        _ => throw new NotSupportedException(definition.GetType().Name),
    };

    private static bool[] Performed(EventTable table, PerformedEvent condition, TimeRange range)
    {
        NameCheck.Event(table, condition.Event, "cohort");
        if (condition.MinTimes < 1) throw new SextantException($"cohort condition on '{condition.Event}': at least must be 1 or more, got {condition.MinTimes}");
        var code = table.EventCode(condition.Event);
        var within = condition.Within is { } w ? w.Ticks / 10 : (long?)null;
        var members = new bool[table.UserCount];
        Parallel.For(0, table.UserCount, user =>
        {
            var (from, to) = Window(table, condition, range, within, user);
            var count = 0;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (t >= to) break;
                if (t >= from && table.EventCodes[row] == code) count++;
            }
            members[user] = (count >= condition.MinTimes) == condition.Did;
        });
        return members;
    }

    /// <summary>[from, to) in which a user's events count for the condition.</summary>
    private static (long From, long To) Window(EventTable table, PerformedEvent condition, TimeRange range, long? within, int user)
    {
        if (condition.Anchor == CohortAnchor.Signup)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue) return (0, 0);
            return (signup, within is { } w ? Saturating(signup, w) : long.MaxValue);
        }
        var end = range.To is { } to ? to.UnixMicroseconds : table.MaxTimestamp == long.MinValue ? long.MaxValue : table.MaxTimestamp + 1;
        var start = within is { } length ? Math.Max(range.FromMicros, end - length) : range.FromMicros;
        return (start, end);
    }

    private static long Saturating(long start, long length) => start > long.MaxValue - length ? long.MaxValue : start + length;

    private static bool[] Property(EventTable table, HasProperty condition)
    {
        NameCheck.Attribute(table, condition.Attribute, "cohort");
        var column = table.Attributes[condition.Attribute]!;
        var values = condition.Values.ToHashSet(StringComparer.Ordinal);
        var members = new bool[table.UserCount];
        for (var user = 0; user < members.Length; user++)
        {
            var value = user < column.Codes.Length ? column[user] : null;
            members[user] = condition.Comparison == PropertyComparison.In
                ? value is not null && values.Contains(value)
                : value is not null && !values.Contains(value);
        }
        return members;
    }

    private static bool[] SignedUp(EventTable table, SignedUpBetween condition)
    {
        var from = condition.From?.DayNumber ?? int.MinValue;
        var to = condition.To?.DayNumber ?? int.MaxValue;
        var members = new bool[table.UserCount];
        var calendar = table.Calendar;
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue) continue;
            var day = calendar.DayOf(signup);
            members[user] = day >= from && day < to;
        }
        return members;
    }

    private static bool[] Combine(EventTable table, IReadOnlyList<CohortDefinition> conditions, TimeRange range, bool all)
    {
        if (conditions.Count == 0) throw new SextantException($"a cohort's {(all ? "all" : "any")} needs at least one condition");
        var result = Evaluate(table, conditions[0], range);
        foreach (var condition in conditions.Skip(1))
        {
            var next = Evaluate(table, condition, range);
            for (var user = 0; user < result.Length; user++) result[user] = all ? result[user] && next[user] : result[user] || next[user];
        }
        return result;
    }
}
