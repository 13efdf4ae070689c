namespace Sextant.Reports;

/// <summary>
/// The one definition of "active users" a report states (SEMANTICS.md, Activity): every output
/// that says "active" means a user with at least one active event in the window.
/// </summary>
internal static class ActiveUsers
{
    /// <summary>
    /// "Active users: users with at least one active event (every event except billing_charged,
    /// from activity.exclude_events, and the identity events …) on the day (DAU), in the rolling 7
    /// days (WAU) or 30 days (MAU) ending on it. Every figure about active users uses this definition."
    /// The identity events are always left out (<see cref="Analysis.ActiveEvents.IdentityEvents"/>),
    /// so the definition names them too.
    /// </summary>
    public static string Definition(IReadOnlyList<string> excludedEvents)
    {
        ArgumentNullException.ThrowIfNull(excludedEvents);
        var identity = string.Join(", ", Analysis.ActiveEvents.IdentityEvents);
        var configured = excludedEvents.Where(e => !Analysis.ActiveEvents.IdentityEvents.Contains(e)).ToList();
        var events = configured.Count == 0
            ? $"every event except the identity events {identity}; activity.exclude_events is empty"
            : $"every event except {string.Join(", ", configured)}, from activity.exclude_events, and the identity events {identity}";
        return $"Active users: users with at least one active event ({events}) on the day (DAU), in the rolling 7 days (WAU) or 30 days (MAU) ending on it. Every figure about active users uses this definition.";
    }
}
