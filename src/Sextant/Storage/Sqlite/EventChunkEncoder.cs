using System.Globalization;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>Turns a batch of new events into the column blobs of one chunk.</summary>
internal sealed class EventChunkEncoder
{
    private readonly VarintWriter[] _columns = Enumerable.Range(0, 12).Select(_ => new VarintWriter(1 << 16)).ToArray();
    private readonly MemoryStream[] _packed = Enumerable.Range(0, 12).Select(_ => new MemoryStream()).ToArray();
    private readonly List<int> _eventIdOffsets = new(1 << 16);
    private long _previousTimestamp;

    public int Rows { get; private set; }

    public long MinTimestamp { get; private set; } = long.MaxValue;

    public long MaxTimestamp { get; private set; } = long.MinValue;

    public void Reset()
    {
        foreach (var column in _columns) column.Clear();
        _eventIdOffsets.Clear();
        _previousTimestamp = 0;
        Rows = 0;
        MinTimestamp = long.MaxValue;
        MaxTimestamp = long.MinValue;
    }

    public void Add(EventRecord record, in EventCodes codes, long idHash)
    {
        _columns[(int)ChunkColumn.UserCode].WriteUnsigned((uint)codes.User);
        _columns[(int)ChunkColumn.AnonymousCode].WriteUnsigned((uint)codes.Anonymous);
        _columns[(int)ChunkColumn.EventCode].WriteUnsigned((uint)codes.Event);
        var timestamp = record.Timestamp.UnixMicroseconds;
        _columns[(int)ChunkColumn.Timestamp].WriteSigned(timestamp - _previousTimestamp);
        _previousTimestamp = timestamp;
        _columns[(int)ChunkColumn.PlatformCode].WriteUnsigned((uint)codes.Platform);
        _columns[(int)ChunkColumn.SessionId].WriteNullableString(record.SessionId);
        _columns[(int)ChunkColumn.WorkspaceCode].WriteUnsigned((uint)codes.Workspace);
        _columns[(int)ChunkColumn.SourceCode].WriteUnsigned((uint)codes.Source);
        _columns[(int)ChunkColumn.Revenue].WriteNullableString(record.Revenue?.ToString(CultureInfo.InvariantCulture));
        _columns[(int)ChunkColumn.Properties].WriteNullableString(record.PropertiesJson);
        _eventIdOffsets.Add(_columns[(int)ChunkColumn.EventId].Length);
        _columns[(int)ChunkColumn.EventId].WriteNullableString(record.EventId);
        _columns[(int)ChunkColumn.IdHash].WriteFixed64(idHash);
        MinTimestamp = Math.Min(MinTimestamp, timestamp);
        MaxTimestamp = Math.Max(MaxTimestamp, timestamp);
        Rows++;
    }

    /// <summary>True when the event id of <paramref name="row"/> (of the open chunk) is <paramref name="eventId"/>.</summary>
    public bool EventIdEquals(int row, string eventId)
    {
        var column = _columns[(int)ChunkColumn.EventId].WrittenSpan[_eventIdOffsets[row]..];
        var reader = new VarintReader(column);
        var stored = reader.ReadNullableString();
        return stored == eventId;
    }

    /// <summary>
    /// Packs every column into reusable streams: text columns are deflated, integer columns stay
    /// raw varints, hashes raw. The streams are valid until the next call.
    /// </summary>
    public IReadOnlyList<MemoryStream> Pack()
    {
        Parallel.For(0, _columns.Length, i =>
            ColumnCodec.PackInto(_columns[i].WrittenSpan, compress: IsText((ChunkColumn)i), _packed[i]));
        return _packed;
    }

    private static bool IsText(ChunkColumn column) =>
        column is ChunkColumn.SessionId or ChunkColumn.Revenue or ChunkColumn.Properties or ChunkColumn.EventId;
}

/// <summary>Dictionary codes of one event's string columns (0 = null).</summary>
internal readonly record struct EventCodes(int User, int Anonymous, int Event, int Platform, int Workspace, int Source);
