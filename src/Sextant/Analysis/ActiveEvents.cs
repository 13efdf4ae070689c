using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>Which event codes make a user active (SEMANTICS.md, Activity): all but the excluded ones.</summary>
internal static class ActiveEvents
{
    /// <summary>True per event code unless the event is in <paramref name="excluded"/> (names never stored are ignored).</summary>
    public static bool[] Mask(EventTable table, IReadOnlyList<string>? excluded)
    {
        var active = new bool[table.EventNames.Length];
        Array.Fill(active, true);
        foreach (var name in excluded ?? [])
        {
            var code = table.EventCode(name);
            if (code >= 0) active[code] = false;
        }
        return active;
    }
}
