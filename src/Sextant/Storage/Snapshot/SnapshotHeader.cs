using System.Text;

namespace Sextant.Storage.Snapshot;

/// <summary>
/// The first 256 bytes of a snapshot file: magic, format version, the directory's offset and the
/// change stamp of the store it was taken from.
/// </summary>
internal static class SnapshotHeader
{
    public const int Size = 256;
    private static readonly byte[] Magic = "SEXTANT-TABLE\0\0\0"u8.ToArray();

    public static void Write(Stream stream, int formatVersion, string changeStamp, long directoryOffset)
    {
        var header = new byte[Size];
        Magic.CopyTo(header, 0);
        BitConverter.TryWriteBytes(header.AsSpan(16), formatVersion);
        BitConverter.TryWriteBytes(header.AsSpan(24), directoryOffset);
        var stamp = Encoding.UTF8.GetBytes(changeStamp);
        if (stamp.Length > Size - 40) throw new ArgumentException("change stamp too long", nameof(changeStamp));
        BitConverter.TryWriteBytes(header.AsSpan(32), stamp.Length);
        stamp.CopyTo(header, 36);
        stream.Write(header);
    }

    /// <summary>The header's fields, or null when the bytes are not a snapshot header.</summary>
    public static (int FormatVersion, long DirectoryOffset, string ChangeStamp)? Read(ReadOnlySpan<byte> header)
    {
        if (header.Length < Size || !header[..16].SequenceEqual(Magic)) return null;
        var version = BitConverter.ToInt32(header[16..]);
        var directory = BitConverter.ToInt64(header[24..]);
        var stampLength = BitConverter.ToInt32(header[32..]);
        if (stampLength < 0 || stampLength > Size - 40 || directory < Size) return null;
        return (version, directory, Encoding.UTF8.GetString(header.Slice(36, stampLength)));
    }
}
