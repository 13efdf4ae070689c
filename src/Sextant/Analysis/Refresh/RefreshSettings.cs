namespace Sextant.Analysis.Refresh;

/// <summary>
/// The settings the materialised results depend on: the project time zone (which cuts days and
/// months) and the events that never make a user active (<c>activity.exclude_events</c>, with
/// the identity events). Their <see cref="Fingerprint"/> is kept with the refresh state; a
/// different one makes the next refresh a full recompute.
/// </summary>
/// <param name="Zone">The project time zone.</param>
/// <param name="ExcludeEvents">activity.exclude_events as configured.</param>
public sealed record RefreshSettings(TimeZoneInfo Zone, IReadOnlyList<string> ExcludeEvents)
{
    /// <summary>The excluded events as the activity rule applies them (configured, then identity events).</summary>
    public IReadOnlyList<string> Excluded => ActiveEvents.Excluded(ExcludeEvents);

    /// <summary>A text that changes when the zone or the excluded events change.</summary>
    public string Fingerprint => $"zone={Zone.Id};exclude={string.Join('\u001f', Excluded.Order(StringComparer.Ordinal))}";
}
