namespace Sextant.Analysis;

/// <summary>
/// Which breakdown groups keep their own row: the <c>limit</c> largest by a size the analysis
/// chooses (ties by label), the rest merged into Other. Shapers use it on measures that keep
/// every group, so every engine's answer is cut the same way.
/// </summary>
public static class TopGroups
{
    /// <summary>Indexes of the kept groups, largest first, and of the groups merged into Other.</summary>
    /// <param name="keys">Value combination of each group.</param>
    /// <param name="size">Size of group i by which groups are ranked.</param>
    /// <param name="limit">Groups kept (at least 1).</param>
    public static (IReadOnlyList<int> Kept, IReadOnlyList<int> Other) Split(IReadOnlyList<ValueList<string>> keys, Func<int, long> size, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(size);
        var ranked = Enumerable.Range(0, keys.Count)
            .OrderByDescending(size).ThenBy(i => Breakdowns.Label(keys[i]), StringComparer.Ordinal).ToList();
        var kept = ranked.Take(Math.Max(1, limit)).ToList();
        return (kept, ranked.Skip(kept.Count).ToList());
    }
}
