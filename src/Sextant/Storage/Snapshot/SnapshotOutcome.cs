namespace Sextant.Storage.Snapshot;

/// <summary>What writing a table snapshot did.</summary>
/// <param name="Path">The snapshot file.</param>
/// <param name="Bytes">Its size; 0 when it was not written.</param>
/// <param name="Events">Events it holds.</param>
/// <param name="Elapsed">Time to build and write it.</param>
/// <param name="Problem">Why it was not written, or null.</param>
public sealed record SnapshotOutcome(string Path, long Bytes, long Events, TimeSpan Elapsed, string? Problem)
{
    /// <summary>The <c>table_snapshot</c> object of the JSON contract (docs/JSON.md): the time in seconds to the millisecond.</summary>
    public object ToJson() => new { Path, Bytes, Events, Seconds = Math.Round(Elapsed.TotalSeconds, 3), Problem };
}
