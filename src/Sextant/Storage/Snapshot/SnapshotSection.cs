namespace Sextant.Storage.Snapshot;

/// <summary>One named section of a snapshot file: where its bytes are and their XxHash3.</summary>
internal sealed record SnapshotSection(string Name, long Offset, long Length, ulong Checksum);
