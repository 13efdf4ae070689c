using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>What makes a user active (key <c>activity</c>).</summary>
public sealed record ActivityConfig
{
    /// <summary>
    /// Events that never make a user active, such as billing or system events (key
    /// <c>activity.exclude_events</c>, default empty). Every other event is an active event.
    /// </summary>
    public IReadOnlyList<string> ExcludeEvents { get; init; } = ReadOnlyCollection<string>.Empty;
}
