using System.Globalization;

namespace Sextant.Events;

/// <summary>
/// Whether an EventTable of a given size fits this machine, asked before any event is read so a
/// store too large for memory gets a clear error instead of an out-of-memory crash part-way.
/// The bytes per event are measured (docs/STORAGE.md, Limits): building from the chunks holds
/// the decoded columns, the sort order and the sorted copies at once; a table opened from its
/// snapshot holds only the sorted columns.
/// </summary>
internal static class TableMemory
{
    /// <summary>Peak bytes per event while building the table from the chunks (105 measured at 13.4M events, with margin).</summary>
    public const long BuildBytesPerEvent = 115;

    /// <summary>Bytes per event of a table opened from its snapshot, store rows included, with margin for an analysis (35 measured).</summary>
    public const long OpenBytesPerEvent = 40;

    /// <summary>The share of the machine's memory a table may take.</summary>
    private const double Share = 0.85;

    /// <exception cref="SextantException">The events do not fit in memory, or exceed the table's row limit.</exception>
    public static void EnsureFits(long events, long bytesPerEvent, string what)
    {
        if (events > Array.MaxLength)
            throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                $"the store holds {events:N0} events; an in-memory table holds at most {Array.MaxLength:N0}: split the data into several stores (a shorter period, or a sample of users)"));
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var needed = events * bytesPerEvent;
        if (needed > available * Share)
            throw new SextantException(string.Create(CultureInfo.InvariantCulture,
                $"the store holds {events:N0} events; {what} needs about {needed / 1e9:F1} GB and this machine offers {available / 1e9:F1} GB: split the data into several stores (a shorter period, or a sample of users), or run on a machine with more memory"));
    }
}
