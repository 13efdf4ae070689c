using Sextant.Events;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// Which canonical column each source column feeds, for one file. Explicit mappings
/// (<c>--map source=canonical</c> or <c>ingest.map</c> in sextant.yaml) win over automatic ones;
/// a source column mapped nowhere becomes an event property or a user trait.
/// </summary>
internal sealed class ColumnMapping
{
    private readonly Dictionary<string, int> _slotBySource;

    private ColumnMapping(RecordKind kind, Dictionary<string, int> slotBySource)
    {
        Kind = kind;
        Columns = CanonicalColumns.For(kind);
        _slotBySource = slotBySource;
    }

    public RecordKind Kind { get; }

    /// <summary>Canonical columns of the kind; slot i holds Columns[i].</summary>
    public IReadOnlyList<string> Columns { get; }

    public int Slot(string canonical)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i] == canonical) return i;
        throw new ArgumentException($"unknown canonical column {canonical}", nameof(canonical));
    }

    /// <summary>The slot a source column feeds, or −1 when it is an extra column.</summary>
    public int SlotOf(string sourceColumn) => _slotBySource.TryGetValue(sourceColumn, out var slot) ? slot : -1;

    /// <summary>The slot a source column feeds, resolving unseen names (JSON keys) on the fly.</summary>
    public int Resolve(string sourceColumn, IReadOnlyDictionary<string, string> explicitMap)
    {
        if (_slotBySource.TryGetValue(sourceColumn, out var slot)) return slot;
        slot = SlotFor(Kind, sourceColumn, explicitMap);
        _slotBySource[sourceColumn] = slot;
        return slot;
    }

    public bool Maps(string canonical) => _slotBySource.ContainsValue(Slot(canonical));

    /// <summary>Builds the mapping of a header; validates explicit targets.</summary>
    public static ColumnMapping Create(RecordKind kind, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> explicitMap, string file)
    {
        var canonical = CanonicalColumns.For(kind);
        foreach (var (source, target) in explicitMap)
        {
            if (!canonical.Contains(target))
                throw new SextantException($"mapping '{source}={target}': '{target}' is not a {kind.ToString().ToLowerInvariant()} column (expected one of: {string.Join(", ", canonical)})");
        }

        var slots = header.ToDictionary(column => column, _ => -1, StringComparer.Ordinal);
        var claimed = new Dictionary<int, string>();
        // Explicit mappings claim first, then exact canonical names, then aliases.
        ClaimSlots(header.Where(explicitMap.ContainsKey), column => explicitMap[column]);
        ClaimSlots(header, column => canonical.Contains(column.Trim().ToLowerInvariant()) ? column.Trim().ToLowerInvariant() : null);
        ClaimSlots(header, column => CanonicalColumns.AutoMap(kind, column));
        return new ColumnMapping(kind, slots);

        void ClaimSlots(IEnumerable<string> columns, Func<string, string?> target)
        {
            foreach (var column in columns)
            {
                if (slots[column] >= 0) continue;
                if (explicitMap.ContainsKey(column) && target(column) != explicitMap[column]) continue;
                var name = target(column);
                if (name is null) continue;
                var slot = IndexOf(canonical, name);
                if (claimed.TryGetValue(slot, out var other))
                {
                    if (explicitMap.ContainsKey(column) && explicitMap.ContainsKey(other))
                        throw new SextantException($"'{file}': columns '{other}' and '{column}' are both mapped to '{name}'");
                    continue;
                }
                claimed[slot] = column;
                slots[column] = slot;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++) if (columns[i] == name) return i;
        return -1;
    }

    private static int SlotFor(RecordKind kind, string column, IReadOnlyDictionary<string, string> explicitMap)
    {
        var canonical = CanonicalColumns.For(kind);
        var target = explicitMap.TryGetValue(column, out var mapped) ? mapped : CanonicalColumns.AutoMap(kind, column);
        if (target is null) return -1;
        for (var i = 0; i < canonical.Count; i++) if (canonical[i] == target) return i;
        return -1;
    }
}
