using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>
/// Which events make a user active (SEMANTICS.md, Activity): all but those of
/// <c>activity.exclude_events</c> and the identity events. Every engine asks this class, the
/// in-memory one for its mask and the SQL builders for their <c>NOT IN</c> list, so a pushed-down
/// answer counts the same users as the in-memory one.
/// </summary>
internal static class ActiveEvents
{
    /// <summary>
    /// Events that record who someone is, not what they did: an anonymous id linked to a user
    /// (<c>$identify</c>, <c>$create_alias</c>, <c>$merge</c>, <c>$merge_dangerously</c>) or a user joining a group
    /// (<c>$groupidentify</c>). Importers write them for Segment, Mixpanel and PostHog identity calls
    /// (docs/CONNECTORS.md, Identity); a tool may send one for a user who did nothing that day.
    /// </summary>
    public static IReadOnlyList<string> IdentityEvents { get; } = ["$create_alias", "$groupidentify", "$identify", "$merge", "$merge_dangerously"];

    /// <summary>The events that never make a user active: <paramref name="configured"/> as listed, then the identity events it does not list.</summary>
    public static IReadOnlyList<string> Excluded(IReadOnlyList<string>? configured)
    {
        configured ??= [];
        return [.. configured, .. IdentityEvents.Where(name => !configured.Contains(name, StringComparer.Ordinal))];
    }

    /// <summary>True per event code unless the event is excluded (names never stored are ignored).</summary>
    public static bool[] Mask(EventTable table, IReadOnlyList<string>? configured)
    {
        var active = new bool[table.EventNames.Length];
        Array.Fill(active, true);
        foreach (var name in Excluded(configured))
        {
            var code = table.EventCode(name);
            if (code >= 0) active[code] = false;
        }
        return active;
    }
}
