using System.Text.Json.Serialization;

namespace Sextant.Analysis.Paths;

/// <summary>One distinct path and how often it was followed.</summary>
/// <param name="Steps">Cleaned event names in forward order; step 1 first.</param>
/// <param name="Count">Sequences whose path is exactly this one.</param>
/// <param name="Users">Distinct entities (users and visitors) among those sequences.</param>
/// <param name="Share">Count / all sequences that have a path.</param>
public sealed record PathCount(IReadOnlyList<string> Steps, long Count, long Users, double Share);

/// <summary>A Sankey edge: sequences whose path goes from one node to the next.</summary>
/// <param name="Step">1-based step of the <paramref name="From"/> node; <paramref name="To"/> is at Step + 1.</param>
/// <param name="From">Cleaned event name at step <paramref name="Step"/>.</param>
/// <param name="To">Cleaned event name at step <paramref name="Step"/> + 1.</param>
/// <param name="Count">Sequences, over every path (not only the top ones).</param>
public sealed record PathEdge(int Step, string From, string To, long Count);

/// <summary>Where paths end: a node (step, event) and the sequences whose path stops there.</summary>
/// <param name="Step">1-based step.</param>
/// <param name="Event">Cleaned event name at that step.</param>
/// <param name="Ends">Sequences whose path ends at this node (at the last allowed step every path ends, because of the cap).</param>
/// <param name="Reaching">Sequences whose path passes through this node.</param>
/// <param name="Share">Ends / Reaching.</param>
public sealed record PathDropoff(int Step, string Event, long Ends, long Reaching, double Share);

/// <summary>Conversion of the sequences following one of the top paths.</summary>
/// <param name="Steps">The path.</param>
/// <param name="Sequences">Sequences following it.</param>
/// <param name="Converted">Those whose entity did the conversion event at or after the instant of the path's first step.</param>
/// <param name="Rate">Converted / Sequences.</param>
/// <param name="CiLow">Wilson 95% lower bound of the rate.</param>
/// <param name="CiHigh">Wilson 95% upper bound of the rate.</param>
/// <param name="RestRate">The same rate over every other sequence that has a path (0 when there is none).</param>
public sealed record PathConversion(IReadOnlyList<string> Steps, long Sequences, long Converted, double Rate, double CiLow, double CiHigh, double RestRate);

/// <summary>
/// Converters vs non-converters per path. These are associations: a path with a high rate is
/// followed by people who convert more, not shown to cause conversion.
/// </summary>
/// <param name="Event">The conversion event (stored name).</param>
/// <param name="Sequences">Sequences that have a path.</param>
/// <param name="Converted">Those whose entity converted at or after the path's first step.</param>
/// <param name="Rate">Converted / Sequences.</param>
/// <param name="Paths">One entry per top path, in the order of <see cref="PathResult.Paths"/>.</param>
public sealed record PathConversionSummary(string Event, long Sequences, long Converted, double Rate, IReadOnlyList<PathConversion> Paths);

/// <summary>Co-usage of two events across entities' whole histories.</summary>
/// <param name="A">Cleaned event name (ordinally first of the two).</param>
/// <param name="B">Cleaned event name (ordinally second).</param>
/// <param name="Users">Entities who did both.</param>
/// <param name="UsersA">Entities who did A.</param>
/// <param name="UsersB">Entities who did B.</param>
/// <param name="Lift">Users / (UsersA × UsersB / all entities with an event): 1 means independent use.</param>
public sealed record CoUsage(string A, string B, long Users, long UsersA, long UsersB, double Lift);

/// <summary>A within-session transition between consecutive distinct (cleaned) events.</summary>
/// <param name="From">Earlier event.</param>
/// <param name="To">Next different event in the same sequence.</param>
/// <param name="Count">Times this transition occurred.</param>
/// <param name="Share">Count / every transition out of <paramref name="From"/>.</param>
public sealed record Transition(string From, string To, long Count, double Share);

/// <summary>How features are used together.</summary>
/// <param name="Users">Entities with at least one event after exclusion and cleaning (the lift's population).</param>
/// <param name="Pairs">Pairs with enough support, highest lift first.</param>
/// <param name="Transitions">Most frequent within-session transitions.</param>
public sealed record FeatureNetwork(long Users, IReadOnlyList<CoUsage> Pairs, IReadOnlyList<Transition> Transitions);

/// <summary>Computed paths.</summary>
/// <param name="Sequences">Sequences (sessions, or whole histories with a zero gap) with at least one event after exclusion and cleaning.</param>
/// <param name="SequencesWithPath">Sequences that have a path (all of them without a start or end event).</param>
/// <param name="Users">Distinct entities with at least one path.</param>
/// <param name="UniquePaths">Distinct paths.</param>
/// <param name="Paths">The most frequent paths, by count then steps (ordinal, element by element).</param>
/// <param name="Edges">Sankey edges over every path, by step then count.</param>
/// <param name="Dropoff">Per node, the sequences whose path ends there, by step then ends.</param>
/// <param name="Conversion">Conversion per top path when a conversion event was given, else null.</param>
/// <param name="Network">Co-usage lift and within-session transitions.</param>
public sealed record PathResult(
    long Sequences,
    long SequencesWithPath,
    long Users,
    long UniquePaths,
    IReadOnlyList<PathCount> Paths,
    IReadOnlyList<PathEdge> Edges,
    IReadOnlyList<PathDropoff> Dropoff,
    PathConversionSummary? Conversion,
    FeatureNetwork Network)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// With breakdowns, each group's most frequent paths: the largest groups by entities with a
    /// path, then Other; null (and left out of JSON) without breakdowns.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PathGroup>? Groups { get; init; }
}

/// <summary>The paths of one breakdown group.</summary>
/// <param name="Value">The group's label: its values joined by " / ", or "Other".</param>
/// <param name="Values">The group's value of each breakdown; ["Other"] for Other.</param>
/// <param name="Users">The group's entities with at least one path.</param>
/// <param name="SequencesWithPath">The group's sequences that have a path.</param>
/// <param name="Paths">The group's most frequent paths (as many as the overall list), shares of the group's sequences with a path.</param>
public sealed record PathGroup(string Value, ValueList<string> Values, long Users, long SequencesWithPath, IReadOnlyList<PathCount> Paths);
