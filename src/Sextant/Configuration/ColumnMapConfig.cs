using System.Collections.ObjectModel;
using Sextant.Events;

namespace Sextant.Configuration;

/// <summary>
/// Explicit column mappings for imports (key <c>ingest.map</c>): per record kind, source
/// column name to canonical column name. Columns not listed are matched by the importers'
/// usual rules.
/// </summary>
public sealed record ColumnMapConfig
{
    /// <summary>Mappings for event files (key <c>ingest.map.events</c>).</summary>
    public IReadOnlyDictionary<string, string> Events { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Mappings for user files (key <c>ingest.map.users</c>).</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Mappings for subscription files (key <c>ingest.map.subscriptions</c>).</summary>
    public IReadOnlyDictionary<string, string> Subscriptions { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Mappings for experiment assignment files (key <c>ingest.map.assignments</c>).</summary>
    public IReadOnlyDictionary<string, string> Assignments { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The mappings for one record kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public IReadOnlyDictionary<string, string> For(RecordKind kind) => kind switch
    {
        RecordKind.Events => Events,
        RecordKind.Users => Users,
        RecordKind.Subscriptions => Subscriptions,
        RecordKind.Assignments => Assignments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown record kind."),
    };
}
