namespace Sextant.Analysis.Paths;

/// <summary>One distinct path and the sequences that follow it.</summary>
/// <param name="Steps">Codes into <see cref="PathMeasures.Events"/>, step 1 first.</param>
/// <param name="Sequences">Sequences whose path is exactly this one.</param>
/// <param name="Users">Distinct entities among those sequences.</param>
/// <param name="Converted">Those sequences whose entity did the conversion event at or after the path's first step.</param>
public sealed record PathTally(ValueList<int> Steps, long Sequences, long Users, long Converted);

/// <summary>A count for an ordered pair of events.</summary>
/// <param name="First">Code into <see cref="PathMeasures.Events"/>.</param>
/// <param name="Second">Code into <see cref="PathMeasures.Events"/>.</param>
/// <param name="Count">The pair's count.</param>
public sealed record EventPairCount(int First, int Second, long Count);

/// <summary>
/// What an engine returns for <see cref="PathQuery"/>: every distinct path with its counts, the
/// within-sequence transitions and the co-usage counts, over cleaned event names.
/// </summary>
/// <param name="Events">Cleaned event names; the codes of every other member index into it.</param>
/// <param name="Sequences">Sequences with at least one event after exclusion and cleaning.</param>
/// <param name="SequencesWithPath">Sequences that have a path.</param>
/// <param name="UsersWithPath">Distinct entities with at least one path.</param>
/// <param name="UsersWithEvent">Entities with at least one event after exclusion and cleaning.</param>
/// <param name="Paths">Every distinct path (no order).</param>
/// <param name="UsersPerEvent">Entities who did each event, by code.</param>
/// <param name="Transitions">Transitions between consecutive distinct events within a sequence (no order).</param>
/// <param name="CoUsers">
/// Entities who did both events of a pair (First before Second in code order), among the events
/// that can reach the pair support, at most <see cref="PathMeasurer.MaxCoUsageEvents"/> of them; no order.
/// </param>
public sealed record PathMeasures(
    IReadOnlyList<string> Events,
    long Sequences,
    long SequencesWithPath,
    long UsersWithPath,
    long UsersWithEvent,
    IReadOnlyList<PathTally> Paths,
    IReadOnlyList<long> UsersPerEvent,
    IReadOnlyList<EventPairCount> Transitions,
    IReadOnlyList<EventPairCount> CoUsers)
{
    /// <summary>With breakdowns, every group with an entity that has a path, in no particular order; empty without.</summary>
    public IReadOnlyList<PathGroupMeasures> Groups { get; init; } = [];
}

/// <summary>The paths of one breakdown group's entities.</summary>
/// <param name="Values">The group's value of each breakdown.</param>
/// <param name="SequencesWithPath">The group's sequences that have a path.</param>
/// <param name="UsersWithPath">The group's entities with at least one path.</param>
/// <param name="Paths">Every distinct path of the group (no order).</param>
public sealed record PathGroupMeasures(ValueList<string> Values, long SequencesWithPath, long UsersWithPath, IReadOnlyList<PathTally> Paths);
