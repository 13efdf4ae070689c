using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Reads and writes the refresh state: a binary file of the state's arrays and tables with an
/// XxHash3 of its content at the end. The arrays are read from the file straight into the state's
/// arrays and written from them, hashed on the way, with no copy of the whole file in memory.
/// There are two state files, <c>state.0.bin</c> and <c>state.1.bin</c>, each with a generation
/// number in its header; the higher generation is the state. A refresh overwrites the other file
/// in place with its header's generation left at 0, and writes the generation last
/// (<see cref="Commit"/>), so a killed refresh leaves the previous state current and whole, and no
/// refresh deletes or allocates a whole new file of tens of megabytes. A current file that is
/// damaged or of another format reads as no state.
/// </summary>
internal static class RefreshStateFile
{
    // 3: two files with generations (format 2 was one state.bin replaced by renaming; format 1 had XxHash64).
    private const int Format = 3;
    // Magic, format, generation: the same 16 bytes in every format from 3 on.
    private const int HeaderLength = 16;
    private const string LegacyFileName = "state.bin";
    private static readonly byte[] Magic = "SXRF"u8.ToArray();

    /// <summary>A state written to its file but not yet current: <see cref="Commit"/> makes it so.</summary>
    public sealed record Written(string Path, long Generation);

    /// <summary>The path of the current state file in <paramref name="directory"/>, or null when none has a generation.</summary>
    public static string? CurrentPath(string directory) => Current(directory)?.Path;

    /// <summary>The state in <paramref name="directory"/>, or null (with why) when there is none or it cannot be used.</summary>
    public static RefreshState? TryRead(string directory, out string? problem)
    {
        problem = null;
        if (Current(directory) is not { } current)
        {
            var existing = Enumerable.Range(0, 2).Select(slot => SlotPath(directory, slot)).FirstOrDefault(File.Exists);
            problem = existing is null ? "no earlier refresh state" : $"the refresh state {existing} is damaged";
            return null;
        }
        var path = current.Path;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var content = file.Length - 8;
        var head = new byte[HeaderLength];
        if (content < HeaderLength || file.ReadAtLeast(head, HeaderLength, throwOnEndOfStream: false) != HeaderLength)
        {
            problem = $"the refresh state {path} is damaged";
            return null;
        }
        if (BitConverter.ToInt32(head, 4) != Format)
        {
            problem = $"the refresh state {path} is of another format";
            return null;
        }
        var hashing = new HashingStream(file, content);
        // The generation is written last, so it is outside the hash.
        hashing.Hash.Append(head.AsSpan(0, 8));
        try
        {
            var state = Read(new BinaryReader(hashing), hashing);
            Span<byte> stored = stackalloc byte[8];
            if (hashing.Position != content || file.ReadAtLeast(stored, 8, throwOnEndOfStream: false) != 8 || BitConverter.ToUInt64(stored) != hashing.Hash.GetCurrentHashAsUInt64())
            {
                problem = $"the refresh state {path} is damaged";
                return null;
            }
            return state;
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or OverflowException or ArgumentException or OutOfMemoryException)
        {
            problem = $"the refresh state {path} is damaged";
            return null;
        }
    }

    /// <summary>The state file with the highest generation (over 0), read from the files' headers.</summary>
    private static Written? Current(string directory)
    {
        Written? current = null;
        Span<byte> head = stackalloc byte[HeaderLength];
        for (var slot = 0; slot < 2; slot++)
        {
            var path = SlotPath(directory, slot);
            if (!File.Exists(path)) continue;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (file.ReadAtLeast(head, HeaderLength, throwOnEndOfStream: false) != HeaderLength || !head[..4].SequenceEqual(Magic)) continue;
            var generation = BitConverter.ToInt64(head[8..]);
            if (generation > 0 && (current is null || generation > current.Generation)) current = new Written(path, generation);
        }
        return current;
    }

    private static string SlotPath(string directory, int slot) => Path.Combine(directory, $"state.{slot}.bin");

    private static RefreshState Read(BinaryReader reader, HashingStream stream)
    {
        var fingerprint = reader.ReadString();
        var lastChunk = reader.ReadInt64();
        var events = reader.ReadInt64();
        var erasures = reader.ReadInt64();
        var profileStamp = reader.ReadString();
        var userFirst = ReadArray<long>(reader, stream);
        var userProfile = ReadArray<long>(reader, stream);
        var anonymousUser = ReadArray<int>(reader, stream);
        var anonymousLinkedAt = ReadArray<long>(reader, stream);
        var anonymousFirst = ReadArray<long>(reader, stream);
        var userDays = new ActiveDays(ReadArray<int>(reader, stream), ReadArray<long>(reader, stream));
        var anonymousDays = new ActiveDays(ReadArray<int>(reader, stream), ReadArray<long>(reader, stream));
        var tables = new RefreshTables { DataEnd = reader.ReadInt64() };
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.Day(reader.ReadInt32()) = new DayFigures { Events = reader.ReadInt64(), ActiveUsers = reader.ReadInt64(), Signups = reader.ReadInt64(), Revenue = reader.ReadDecimal() };
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var (day, source) = (reader.ReadInt32(), reader.ReadString());
            // The day's own events are already read with the day.
            tables.AddSourceEvents(day, source, reader.ReadInt64());
        }
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.AddCohortMembers(reader.ReadInt32(), reader.ReadInt64());
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.AddToCell(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64());
        tables.ClearTouched();
        return new RefreshState(fingerprint, lastChunk, events, erasures, profileStamp, userFirst, userProfile,
            anonymousUser, anonymousLinkedAt, anonymousFirst, userDays, anonymousDays, tables);
    }

    /// <summary>
    /// Writes the state (its day lists as compacted), hash included, over the older of the two
    /// state files in <paramref name="directory"/>, with generation 0: it is not the state until
    /// <see cref="Commit"/>.
    /// </summary>
    public static Written WriteNext(RefreshState state, string directory)
    {
        var generation = (Current(directory)?.Generation ?? 0) + 1;
        var path = SlotPath(directory, (int)(generation % 2));
        using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1 << 16);
        var head = new byte[HeaderLength];
        Magic.CopyTo(head, 0);
        BitConverter.TryWriteBytes(head.AsSpan(4), Format);
        file.Write(head);
        var hashing = new HashingStream(file, long.MaxValue);
        hashing.Hash.Append(head.AsSpan(0, 8));
        using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(state.Fingerprint);
            writer.Write(state.LastChunk);
            writer.Write(state.Events);
            writer.Write(state.Erasures);
            writer.Write(state.ProfileStamp);
            WriteArray(writer, state.UserFirst);
            WriteArray(writer, state.UserProfile);
            WriteArray(writer, state.AnonymousUser);
            WriteArray(writer, state.AnonymousLinkedAt);
            WriteArray(writer, state.AnonymousFirst);
            state.UserDays.WriteCompacted(writer, state.UserFirst.Length);
            state.AnonymousDays.WriteCompacted(writer, state.AnonymousUser.Length);
            var tables = state.Tables;
            writer.Write(tables.DataEnd);
            WritePartitions(writer, state.Tables);
        }
        Span<byte> hash = stackalloc byte[8];
        BitConverter.TryWriteBytes(hash, hashing.Hash.GetCurrentHashAsUInt64());
        file.Write(hash);
        file.SetLength(file.Position);
        return new Written(path, generation);
    }

    /// <summary>The tables' non-zero partitions, in key order, each part as its count and its entries.</summary>
    private static void WritePartitions(BinaryWriter writer, RefreshTables tables)
    {
        var days = Enumerable.Range(tables.FirstDay, tables.EndDay - tables.FirstDay).Where(day => !IsZero(tables.DayAt(day))).ToArray();
        writer.Write(days.Length);
        foreach (var day in days)
        {
            var figures = tables.DayAt(day);
            writer.Write(day);
            writer.Write(figures.Events);
            writer.Write(figures.ActiveUsers);
            writer.Write(figures.Signups);
            writer.Write(figures.Revenue);
        }
        var sources = new List<(int Day, int Source)>();
        for (var day = tables.FirstDay; day < tables.EndDay; day++)
            for (var source = 0; source < tables.Sources.Count; source++)
                if (tables.SourceEventsAt(source, day) != 0) sources.Add((day, source));
        writer.Write(sources.Count);
        foreach (var (day, source) in sources)
        {
            writer.Write(day);
            writer.Write(tables.Sources[source]);
            writer.Write(tables.SourceEventsAt(source, day));
        }
        var cohorts = Enumerable.Range(tables.FirstMonth, tables.EndMonth - tables.FirstMonth).Where(cohort => tables.CohortSize(cohort) != 0).ToArray();
        writer.Write(cohorts.Length);
        foreach (var cohort in cohorts)
        {
            writer.Write(cohort);
            writer.Write(tables.CohortSize(cohort));
        }
        var cells = new List<(int Cohort, int Month)>();
        for (var cohort = tables.FirstMonth; cohort < tables.EndMonth; cohort++)
            for (var month = tables.FirstMonth; month < tables.EndMonth; month++)
                if (tables.Cell(cohort, month) is { ActiveUsers: not 0 } or { ActiveUserDays: not 0 }) cells.Add((cohort, month));
        writer.Write(cells.Count);
        foreach (var (cohort, month) in cells)
        {
            var cell = tables.Cell(cohort, month);
            writer.Write(cohort);
            writer.Write(month);
            writer.Write(cell.ActiveUsers);
            writer.Write(cell.ActiveUserDays);
        }
    }

    // A day whose revenue is 0.00 rather than 0 is kept: it prints differently.
    private static bool IsZero(DayFigures figures) =>
        figures.Events == 0 && figures.ActiveUsers == 0 && figures.Signups == 0 && figures.Revenue == 0m && figures.Revenue.Scale == 0;

    /// <summary>Makes a written state the current one: its generation goes into its header, last.</summary>
    public static void Commit(Written written)
    {
        using (var file = new FileStream(written.Path, FileMode.Open, FileAccess.Write, FileShare.None, 1))
        {
            file.Position = 8;
            file.Write(BitConverter.GetBytes(written.Generation));
        }
        // A state file of format 2 or earlier beside the new ones is stale.
        File.Delete(Path.Combine(Path.GetDirectoryName(written.Path)!, LegacyFileName));
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then renames it over it.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            // No fsync: after an operating-system crash a damaged state is detected by its hash and
            // costs one full recompute, never a wrong result.
            file.Write(content);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static T[] ReadArray<T>(BinaryReader reader, HashingStream stream) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > stream.Remaining) throw new InvalidDataException("array longer than the file");
        var array = new T[length];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array) where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    /// <summary>A forward-only view of a file stream, from its position, that hashes every byte read or written there, up to a length.</summary>
    private sealed class HashingStream(Stream inner, long length) : Stream
    {
        private long _position = inner.Position;

        public XxHash3 Hash { get; } = new();

        public long Remaining => length - _position;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, Remaining)]);
            Hash.Append(buffer[..read]);
            _position += read;
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Hash.Append(buffer);
            _position += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
