using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Paths;

/// <summary>
/// Counts paths (SEMANTICS.md, Paths) on an <see cref="EventTable"/>, in parallel over
/// entities. Every entity counts, signed-up users and visitors alike, unless a cohort filters them.
/// </summary>
internal static partial class PathMeasurer
{
    private const int EntitiesPerChunk = 4096;

    /// <summary>The measures of <paramref name="query"/>.</summary>
    /// <exception cref="SextantException">
    /// Both a start and an end event, MaxSteps or Top below 1, a negative session gap or support,
    /// an invalid cleaning pattern, a start or end event no cleaned name matches, or an unknown conversion event.
    /// </exception>
    public static PathMeasures Measure(EventTable table, PathQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);

        var (map, names) = CleanedCodes(table, query);
        var start = NodeCode(names, query.Start, "start");
        var end = NodeCode(names, query.End, "end");
        var converted = -1;
        if (query.Converted is not null)
        {
            converted = table.EventCode(query.Converted);
            if (converted < 0) throw new SextantException(NameCheck.Unknown("conversion event", query.Converted, null, table.EventNames));
        }
        var scope = UserScope.Of(table, query);

        var settings = new ScanSettings(map, names.Length, start, end, converted, query.MaxSteps, query.SessionGap.Ticks / TimeSpan.TicksPerMicrosecond,
            query.Range, scope);
        var scans = new ConcurrentBag<PathScan>();
        if (table.UserCount > 0)
            Parallel.ForEach(Partitioner.Create(0, table.UserCount, EntitiesPerChunk),
                () => new PathScan(table, settings),
                (range, _, scan) =>
                {
                    for (var user = range.Item1; user < range.Item2; user++)
                        if (scope.Includes(user)) scan.Entity(user);
                    return scan;
                },
                scans.Add);

        PathScan? total = null;
        foreach (var scan in scans)
        {
            if (total is null) total = scan;
            else total.Merge(scan);
        }
        total ??= new PathScan(table, settings);
        var coUsageEvents = CoUsageEvents(total.UsersPerEvent, names, query.MinPairSupport);
        var coUsers = CountCoUsers(table, settings, coUsageEvents).NonZero()
            .Select(p => new EventPairCount(coUsageEvents[p.A], coUsageEvents[p.B], p.Count)).ToList();
        var transitions = total.Transitions.NonZero().Select(p => new EventPairCount(p.A, p.B, p.Count)).ToList();
        return new PathMeasures(names, total.Sequences, total.SequencesWithPath, total.UsersWithPath, total.UsersWithEvent,
            Tallies(total.Paths), total.UsersPerEvent, transitions, coUsers)
        {
            Groups = query.Breakdowns.Count == 0 ? [] : Groups(table, settings, scope),
        };
    }

    /// <summary>Each breakdown group's paths, from one scan per group over its included entities.</summary>
    private static List<PathGroupMeasures> Groups(EventTable table, ScanSettings settings, UserScope scope)
    {
        var scans = new Dictionary<int, PathScan>();
        for (var user = 0; user < table.UserCount; user++)
        {
            if (!scope.Includes(user)) continue;
            var group = scope.GroupOf(user);
            if (!scans.TryGetValue(group, out var scan)) scans[group] = scan = new PathScan(table, settings);
            scan.Entity(user);
        }
        return scans.Where(s => s.Value.UsersWithPath > 0)
            .Select(s => new PathGroupMeasures(scope.Keys[s.Key], s.Value.SequencesWithPath, s.Value.UsersWithPath, Tallies(s.Value.Paths)))
            .ToList();
    }

    private static List<PathTally> Tallies(PathTable paths)
    {
        var tallies = new List<PathTally>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
            tallies.Add(new PathTally(ValueList<int>.Own(paths.Steps(i).ToArray()), paths.Sequences(i), paths.Users(i), paths.Converted(i)));
        return tallies;
    }

    private static void Validate(PathQuery query)
    {
        if (query.Start is not null && query.End is not null)
            throw new SextantException($"a path has a start event or an end event, not both (got start '{query.Start}' and end '{query.End}')");
        if (query.MaxSteps < 1) throw new SextantException($"paths need at least 1 step, got max_steps {query.MaxSteps}");
        if (query.Top < 1) throw new SextantException($"top must be at least 1, got {query.Top}");
        if (query.SessionGap < TimeSpan.Zero) throw new SextantException($"the session gap must be zero or positive, got {query.SessionGap}");
        if (query.MinPairSupport < 0) throw new SextantException($"the co-usage support must be zero or positive, got {query.MinPairSupport}");
        if (query.TopPairs < 0 || query.TopTransitions < 0)
            throw new SextantException($"top pairs and top transitions must be zero or positive, got {query.TopPairs} and {query.TopTransitions}");
    }

    /// <summary>
    /// Maps every stored event code once to a cleaned code (−1 when excluded or cleaned to an
    /// empty name), so rows are never cleaned one by one.
    /// </summary>
    private static (int[] Map, string[] Names) CleanedCodes(EventTable table, PathQuery query)
    {
        var rules = new List<(Regex Pattern, string Replacement)>();
        foreach (var rule in query.Cleaning)
        {
            ArgumentNullException.ThrowIfNull(rule);
            try
            {
                rules.Add((new Regex(rule.Pattern, RegexOptions.CultureInvariant), rule.Replacement ?? ""));
            }
            catch (ArgumentException e)
            {
                throw new SextantException($"cleaning pattern '{rule.Pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }
        var excluded = ActiveEvents.Mask(table, query.ExcludeEvents);
        var map = new int[table.EventNames.Length];
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var code = 0; code < map.Length; code++)
        {
            map[code] = -1;
            if (!excluded[code]) continue;
            var name = table.EventNames[code];
            foreach (var (pattern, replacement) in rules) name = pattern.Replace(name, replacement);
            if (name.Length == 0) continue;
            if (!codes.TryGetValue(name, out var cleaned))
            {
                cleaned = names.Count;
                codes[name] = cleaned;
                names.Add(name);
            }
            map[code] = cleaned;
        }
        return (map, names.ToArray());
    }

    private static int NodeCode(string[] names, string? name, string role)
    {
        if (name is null) return -1;
        var code = Array.IndexOf(names, name);
        if (code < 0)
            throw new SextantException(NameCheck.Unknown($"{role} event", name, "the events left after exclusion and cleaning", names));
        return code;
    }

    /// <summary>What one scan needs: the code map, the path rule, the range and the entities counted.</summary>
    private sealed record ScanSettings(int[] Map, int Names, int Start, int End, int Converted, int MaxSteps, long GapMicros, TimeRange Range, UserScope Scope);
}
