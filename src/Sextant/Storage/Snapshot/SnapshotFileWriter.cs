using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Sextant.Storage.Snapshot;

/// <summary>
/// Writes a snapshot file: a fixed header, named sections of raw little-endian arrays, each
/// starting on a 64-byte boundary, and a directory at the end (name, offset, length, XxHash3 of
/// the bytes). docs/STORAGE.md describes the layout byte by byte.
/// </summary>
internal sealed class SnapshotFileWriter : IDisposable
{
    public const int Alignment = 64;

    private readonly FileStream _file;
    private readonly List<SnapshotSection> _sections = [];

    public SnapshotFileWriter(string path, int formatVersion, string changeStamp)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        SnapshotHeader.Write(_file, formatVersion, changeStamp, directoryOffset: 0);
    }

    public void Add<T>(string name, ReadOnlySpan<T> values) where T : unmanaged => AddBytes(name, MemoryMarshal.AsBytes(values));

    /// <summary>Strings as a count, UTF-8 end offsets (int64) and the bytes; null is not allowed.</summary>
    public void AddStrings(string name, IReadOnlyList<string> values)
    {
        var ends = new long[values.Count];
        using var bytes = new MemoryStream();
        for (var i = 0; i < values.Count; i++)
        {
            var encoded = Encoding.UTF8.GetBytes(values[i]);
            bytes.Write(encoded);
            ends[i] = bytes.Length;
        }
        var section = new byte[8 + (ends.Length * 8) + bytes.Length];
        BitConverter.TryWriteBytes(section, (long)values.Count);
        MemoryMarshal.AsBytes(ends.AsSpan()).CopyTo(section.AsSpan(8));
        bytes.GetBuffer().AsSpan(0, (int)bytes.Length).CopyTo(section.AsSpan(8 + (ends.Length * 8)));
        AddBytes(name, section);
    }

    private void AddBytes(string name, ReadOnlySpan<byte> bytes)
    {
        Pad();
        _sections.Add(new SnapshotSection(name, _file.Position, bytes.Length, XxHash3.HashToUInt64(bytes)));
        _file.Write(bytes);
    }

    private void Pad()
    {
        var remainder = (int)(_file.Position % Alignment);
        if (remainder != 0) _file.Write(new byte[Alignment - remainder]);
    }

    /// <summary>Writes the directory, points the header at it and flushes to disk.</summary>
    public void Complete(int formatVersion, string changeStamp)
    {
        Pad();
        var directoryOffset = _file.Position;
        using (var writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_sections.Count);
            foreach (var section in _sections)
            {
                writer.Write(section.Name);
                writer.Write(section.Offset);
                writer.Write(section.Length);
                writer.Write(section.Checksum);
            }
        }
        _file.Position = 0;
        SnapshotHeader.Write(_file, formatVersion, changeStamp, directoryOffset);
        _file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();
}
