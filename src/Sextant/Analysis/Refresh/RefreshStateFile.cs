using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Reads and writes the refresh state (<c>state.bin</c> in the refresh directory): a binary
/// file of the state's arrays and tables with an XxHash64 of its content at the end. It is
/// written to a temporary file and renamed over the old one, so a killed refresh leaves the
/// previous state whole; a file that is damaged or of another format reads as no state.
/// </summary>
internal static class RefreshStateFile
{
    public const string FileName = "state.bin";
    private const int Format = 1;
    private static readonly byte[] Magic = "SXRF"u8.ToArray();

    /// <summary>The state in <paramref name="directory"/>, or null (with why) when there is none or it cannot be used.</summary>
    public static RefreshState? TryRead(string directory, out string? problem)
    {
        var path = Path.Combine(directory, FileName);
        problem = null;
        if (!File.Exists(path))
        {
            problem = "no earlier refresh state";
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || !bytes.AsSpan(0, 4).SequenceEqual(Magic)
            || BitConverter.ToInt64(bytes, bytes.Length - 8) != unchecked((long)XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8))))
        {
            problem = $"the refresh state {path} is damaged";
            return null;
        }
        using var reader = new BinaryReader(new MemoryStream(bytes, 4, bytes.Length - 12));
        if (reader.ReadInt32() != Format)
        {
            problem = $"the refresh state {path} is of another format";
            return null;
        }
        var fingerprint = reader.ReadString();
        var lastChunk = reader.ReadInt64();
        var events = reader.ReadInt64();
        var erasures = reader.ReadInt64();
        var profileStamp = reader.ReadString();
        var userFirst = ReadArray<long>(reader);
        var userProfile = ReadArray<long>(reader);
        var anonymousUser = ReadArray<int>(reader);
        var anonymousLinkedAt = ReadArray<long>(reader);
        var anonymousFirst = ReadArray<long>(reader);
        var userDays = new ActiveDays(ReadArray<int>(reader), ReadArray<long>(reader));
        var anonymousDays = new ActiveDays(ReadArray<int>(reader), ReadArray<long>(reader));
        var tables = new RefreshTables { DataEnd = reader.ReadInt64() };
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.Days[reader.ReadInt32()] = new DayFigures { Events = reader.ReadInt64(), ActiveUsers = reader.ReadInt64(), Signups = reader.ReadInt64(), Revenue = reader.ReadDecimal() };
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.SourceEvents[(reader.ReadInt32(), reader.ReadString())] = reader.ReadInt64();
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.CohortSizes[reader.ReadInt32()] = reader.ReadInt64();
        for (var count = reader.ReadInt32(); count > 0; count--)
            tables.Cells[(reader.ReadInt32(), reader.ReadInt32())] = new CohortCell { ActiveUsers = reader.ReadInt64(), ActiveUserDays = reader.ReadInt64() };
        return new RefreshState(fingerprint, lastChunk, events, erasures, profileStamp, userFirst, userProfile,
            anonymousUser, anonymousLinkedAt, anonymousFirst, userDays, anonymousDays, tables);
    }

    /// <summary>The state's bytes, hash included (its day lists compacted first).</summary>
    public static ReadOnlyMemory<byte> Serialize(RefreshState state)
    {
        state.Compact();
        var stream = new MemoryStream(EstimatedSize(state));
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Format);
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
            WriteArray(writer, state.UserDays.Offsets);
            WriteArray(writer, state.UserDays.Entries);
            WriteArray(writer, state.AnonymousDays.Offsets);
            WriteArray(writer, state.AnonymousDays.Entries);
            var tables = state.Tables;
            writer.Write(tables.DataEnd);
            writer.Write(tables.Days.Count);
            foreach (var (day, figures) in tables.Days)
            {
                writer.Write(day);
                writer.Write(figures.Events);
                writer.Write(figures.ActiveUsers);
                writer.Write(figures.Signups);
                writer.Write(figures.Revenue);
            }
            writer.Write(tables.SourceEvents.Count);
            foreach (var ((day, source), events) in tables.SourceEvents)
            {
                writer.Write(day);
                writer.Write(source);
                writer.Write(events);
            }
            writer.Write(tables.CohortSizes.Count);
            foreach (var (cohort, size) in tables.CohortSizes)
            {
                writer.Write(cohort);
                writer.Write(size);
            }
            writer.Write(tables.Cells.Count);
            foreach (var ((cohort, month), cell) in tables.Cells)
            {
                writer.Write(cohort);
                writer.Write(month);
                writer.Write(cell.ActiveUsers);
                writer.Write(cell.ActiveUserDays);
            }
            writer.Flush();
            writer.Write(unchecked((long)XxHash64.HashToUInt64(stream.GetBuffer().AsSpan(0, (int)stream.Length))));
        }
        return stream.GetBuffer().AsMemory(0, (int)stream.Length);
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

    private static int EstimatedSize(RefreshState state) =>
        (int)Math.Min(int.MaxValue - 64, 4096 + 20L * state.UserFirst.Length + 24L * state.AnonymousUser.Length
            + 8L * (state.UserDays.Entries.Length + state.AnonymousDays.Entries.Length) + 64L * (state.Tables.Days.Count + state.Tables.SourceEvents.Count + state.Tables.Cells.Count));

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        var array = new T[length];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (reader.Read(bytes) != bytes.Length) throw new EndOfStreamException();
        return array;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array) where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }
}
