namespace Sextant.Analysis.Refresh;

/// <summary>
/// The arithmetic of arrays indexed by a day or month number over a range that grows to fit a new
/// key on either side, shared by <see cref="RefreshTables"/> and <see cref="TableDeltas"/>.
/// </summary>
internal static class GrowingRange
{
    private const int Slack = 16;

    /// <summary>A range [first, end) that holds the old one and <paramref name="key"/>, with room to grow on the side it grew.</summary>
    public static (int First, int End) Widened(int first, int length, int key)
    {
        if (length == 0) return (key - Slack, key + Slack + 1);
        var end = first + length;
        var room = Math.Max(Slack, length / 2);
        return key < first ? (key - room, end) : (first, key + room + 1);
    }

    /// <summary>A new array of <paramref name="newLength"/> holding the old one's first <paramref name="length"/> values from index <paramref name="shift"/>.</summary>
    public static T[] Moved<T>(T[] values, int length, int newLength, int shift)
    {
        var moved = new T[newLength];
        if (length > 0) Array.Copy(values, 0, moved, shift, length);
        return moved;
    }

    /// <summary>A square [row × size + column] array grown to <paramref name="newSize"/>, every old cell moved by <paramref name="shift"/> on both axes.</summary>
    public static T[] MovedSquare<T>(T[] values, int size, int newSize, int shift)
    {
        var moved = new T[newSize * newSize];
        for (var row = 0; row < size; row++) Array.Copy(values, row * size, moved, (row + shift) * newSize + shift, size);
        return moved;
    }
}
