using Sextant.Analysis;
using Sextant.Events;

namespace Sextant.Engine.InMemory;

/// <summary>
/// The users a scoped query counts and the breakdown group of each: the cohort filter applied,
/// and every distinct combination of breakdown values one group (no top-N here: measures keep
/// every group and the shaper merges the small ones into Other, as a SQL GROUP BY would).
/// </summary>
internal sealed class UserScope
{
    private readonly bool[]? _included;
    private readonly int[] _groupOf;

    private UserScope(bool[]? included, int[] groupOf, IReadOnlyList<ValueList<string>> keys)
    {
        _included = included;
        _groupOf = groupOf;
        Keys = keys;
    }

    /// <summary>The value combination of each group; one empty key when there is no breakdown.</summary>
    public IReadOnlyList<ValueList<string>> Keys { get; }

    /// <summary>Number of groups.</summary>
    public int GroupCount => Keys.Count;

    /// <summary>True when entity <paramref name="user"/> passes the cohort filter.</summary>
    public bool Includes(int user) => _included is null || _included[user];

    /// <summary>The group of entity <paramref name="user"/>.</summary>
    public int GroupOf(int user) => _groupOf[user];

    /// <summary>Resolves the scope of <paramref name="query"/> on <paramref name="table"/>.</summary>
    /// <exception cref="SextantException">Too many breakdowns, or one names an attribute, property or event the store does not have.</exception>
    public static UserScope Of(EventTable table, IScopedQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var included = query.Cohort is { } cohort ? CohortMembership.Evaluate(table, cohort.Definition, query.Range) : null;
        return Group(table, query.Breakdowns, query.Range, anchorRows: null, included);
    }

    /// <summary>
    /// The same cohort filter with users grouped by other breakdowns, without evaluating the cohort
    /// again. With <paramref name="anchorRows"/>, event-property breakdowns are read on one row per
    /// entity (−1 for none: "(none)"), e.g. the step-1 event of a funnel's counted attempt, instead
    /// of the earliest event in the range carrying the property.
    /// </summary>
    /// <exception cref="SextantException">Too many breakdowns, or one names an attribute, property or event the store does not have.</exception>
    public UserScope Regroup(EventTable table, IReadOnlyList<Breakdown> breakdowns, TimeRange range, int[]? anchorRows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(breakdowns);
        return Group(table, breakdowns, range, anchorRows, _included);
    }

    private static UserScope Group(EventTable table, IReadOnlyList<Breakdown> breakdowns, TimeRange range, int[]? anchorRows, bool[]? included)
    {
        Analysis.Breakdowns.Validate(breakdowns);
        var dimensions = breakdowns.Select(b => Values(table, b, range, anchorRows)).ToList();
        var groupOf = new int[table.UserCount];
        var keys = new List<ValueList<string>>();
        if (dimensions.Count == 0) return new UserScope(included, groupOf, [ValueList<string>.Empty]);
        // Each dimension's values become small codes and a user's combination one number, so
        // grouping a million users allocates only per distinct combination.
        var codes = new int[dimensions.Count][];
        var multipliers = new long[dimensions.Count];
        long multiplier = 1;
        for (var d = 0; d < dimensions.Count; d++)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            codes[d] = new int[table.UserCount];
            for (var user = 0; user < codes[d].Length; user++)
            {
                if (!index.TryGetValue(dimensions[d][user], out var code)) index[dimensions[d][user]] = code = index.Count;
                codes[d][user] = code;
            }
            multipliers[d] = multiplier;
            if (multiplier > long.MaxValue / Math.Max(1, index.Count))
                throw new SextantException($"the breakdowns {string.Join(", ", breakdowns)} have too many value combinations to group (one has {index.Count:N0} values); use fewer or coarser breakdowns");
            multiplier *= Math.Max(1, index.Count);
        }
        var groups = new Dictionary<long, int>();
        for (var user = 0; user < groupOf.Length; user++)
        {
            long combined = 0;
            for (var d = 0; d < codes.Length; d++) combined += codes[d][user] * multipliers[d];
            if (!groups.TryGetValue(combined, out var group))
            {
                groups[combined] = group = keys.Count;
                keys.Add(ValueList.From(dimensions.Select(values => values[user])));
            }
            groupOf[user] = group;
        }
        return new UserScope(included, groupOf, keys);
    }

    /// <summary>Each entity's value of one breakdown; "(none)" when it has none.</summary>
    private static string[] Values(EventTable table, Breakdown breakdown, TimeRange range, int[]? anchorRows)
    {
        var values = new string[table.UserCount];
        switch (breakdown.Source)
        {
            case BreakdownSource.Profile:
                var column = table.Attributes[breakdown.Name]
                    ?? throw new SextantException(NameCheck.Unknown("breakdown", breakdown.Name, null, table.Attributes.Names));
                for (var user = 0; user < values.Length; user++) values[user] = (user < column.Codes.Length ? column[user] : null) ?? Breakdowns.NoValue;
                break;
            case BreakdownSource.Event:
                NameCheck.Property(table, breakdown.Name, "breakdown");
                var property = table.Property(breakdown.Name);
                if (anchorRows is not null)
                {
                    for (var user = 0; user < values.Length; user++)
                        values[user] = (anchorRows[user] >= 0 ? property[anchorRows[user]] : null) ?? Breakdowns.NoValue;
                    break;
                }
                Parallel.For(0, table.UserCount, user =>
                {
                    // The value on the user's earliest event in the range that carries the property.
                    string? value = null;
                    for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1] && value is null; row++)
                        if (range.Contains(table.Timestamps[row])) value = property[row];
                    values[user] = value ?? Breakdowns.NoValue;
                });
                break;
            case BreakdownSource.Cohort:
                var cohort = breakdown.Cohort ?? throw new SextantException($"breakdown cohort.{breakdown.Name} has no definition");
                var members = CohortMembership.Evaluate(table, cohort.Definition, range);
                for (var user = 0; user < values.Length; user++) values[user] = (members[user] ? "in " : "not in ") + cohort.Name;
                break;
        }
        return values;
    }
}
