using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sextant.Storage.Snapshot;

/// <summary>
/// Reads the sections of a snapshot file straight into arrays (one read per section, no
/// per-value decoding), verifying each against its checksum. Damage of any kind is an
/// <see cref="InvalidDataException"/>: the caller then falls back to the store.
/// </summary>
internal sealed class SnapshotFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<string, SnapshotSection> _sections = new(StringComparer.Ordinal);

    private SnapshotFileReader(SafeFileHandle handle, int formatVersion, string changeStamp)
    {
        _handle = handle;
        FormatVersion = formatVersion;
        ChangeStamp = changeStamp;
    }

    public int FormatVersion { get; }

    public string ChangeStamp { get; }

    /// <summary>Opens a snapshot file and reads its directory.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete snapshot.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SnapshotFileReader Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var header = new byte[SnapshotHeader.Size];
            ReadExactly(handle, header, 0);
            var fields = SnapshotHeader.Read(header) ?? throw new InvalidDataException("not a complete table snapshot");
            if (fields.DirectoryOffset >= length) throw new InvalidDataException("the snapshot's directory lies beyond its end");
            var reader = new SnapshotFileReader(handle, fields.FormatVersion, fields.ChangeStamp);
            reader.ReadDirectory(fields.DirectoryOffset, length);
            return reader;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void ReadDirectory(long offset, long fileLength)
    {
        var bytes = new byte[fileLength - offset];
        ReadExactly(_handle, bytes, offset);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        try
        {
            var count = reader.ReadInt32();
            if (count < 0 || count > 100_000) throw new InvalidDataException("the snapshot's directory is damaged");
            for (var i = 0; i < count; i++)
            {
                var section = new SnapshotSection(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadUInt64());
                if (section.Offset < SnapshotHeader.Size || section.Length < 0 || section.Offset + section.Length > offset)
                    throw new InvalidDataException($"the snapshot's section {section.Name} lies outside the file");
                _sections[section.Name] = section;
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the snapshot's directory is cut short");
        }
    }

    public bool Has(string name) => _sections.ContainsKey(name);

    /// <summary>Reads every section and checks it against its checksum; returns the total bytes.</summary>
    /// <exception cref="InvalidDataException">A section is damaged.</exception>
    public long VerifyAll()
    {
        long total = 0;
        foreach (var section in _sections.Values) total += ReadBytes(section).Length;
        return total;
    }

    /// <summary>A section as an array of <typeparamref name="T"/>, verified.</summary>
    public T[] ReadArray<T>(string name) where T : unmanaged
    {
        var section = Section(name);
        var size = Marshal.SizeOf<T>();
        if (section.Length % size != 0) throw new InvalidDataException($"the snapshot's section {name} has a partial value");
        var values = GC.AllocateUninitializedArray<T>((int)(section.Length / size));
        ReadVerified(section, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>A strings section, verified.</summary>
    public string[] ReadStrings(string name)
    {
        var section = Section(name);
        var bytes = ReadBytes(section);
        var count = BitConverter.ToInt64(bytes);
        var textStart = 8 + (count * 8);
        if (count < 0 || textStart > bytes.Length) throw new InvalidDataException($"the snapshot's section {name} is damaged");
        var ends = MemoryMarshal.Cast<byte, long>(bytes.AsSpan(8, (int)(count * 8)));
        var values = new string[count];
        long start = 0;
        for (var i = 0; i < count; i++)
        {
            if (ends[i] < start || textStart + ends[i] > bytes.Length) throw new InvalidDataException($"the snapshot's section {name} is damaged");
            values[i] = Encoding.UTF8.GetString(bytes, (int)(textStart + start), (int)(ends[i] - start));
            start = ends[i];
        }
        return values;
    }

    private byte[] ReadBytes(SnapshotSection section)
    {
        if (section.Length > Array.MaxLength) throw new InvalidDataException($"the snapshot's section {section.Name} is too large");
        var bytes = GC.AllocateUninitializedArray<byte>((int)section.Length);
        ReadVerified(section, bytes);
        return bytes;
    }

    /// <summary>Fills <paramref name="bytes"/> with the section and checks them against its checksum.</summary>
    private void ReadVerified(SnapshotSection section, Span<byte> bytes)
    {
        ReadExactly(_handle, bytes, section.Offset);
        if (XxHash3.HashToUInt64(bytes) != section.Checksum)
            throw new InvalidDataException($"the snapshot's section {section.Name} does not match its checksum");
    }

    private SnapshotSection Section(string name) =>
        _sections.TryGetValue(name, out var section) ? section : throw new InvalidDataException($"the snapshot has no section {name}");

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0) throw new InvalidDataException("the snapshot is cut short");
            buffer = buffer[read..];
            offset += read;
        }
    }

    public void Dispose() => _handle.Dispose();
}
