using System.Text;

namespace Sextant.Ingest.Readers;

/// <summary>
/// Returns one shared string for repeated short UTF-8 values (event names, platforms, ids that
/// recur), so a file with millions of rows does not allocate millions of copies of the same few
/// thousand strings — and later dictionary lookups compare equal references. A direct-mapped
/// cache: a slot holds the last string that hashed to it; a miss simply allocates.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledBytes = 48;
    private readonly string?[] _slots;
    private readonly int _mask;

    public StringPool(int slots = 1 << 14)
    {
        _slots = new string?[slots];
        _mask = slots - 1;
    }

    public string Get(ReadOnlySpan<byte> utf8) => Get(utf8, out _);

    /// <summary>The string of <paramref name="utf8"/>; <paramref name="hit"/> tells whether it came from the pool.</summary>
    public string Get(ReadOnlySpan<byte> utf8, out bool hit)
    {
        hit = false;
        if (utf8.Length == 0) return string.Empty;
        if (utf8.Length > MaxPooledBytes) return Encoding.UTF8.GetString(utf8);
        uint hash = 2166136261;
        foreach (var b in utf8) hash = (hash ^ b) * 16777619;
        ref var slot = ref _slots[(int)(hash & (uint)_mask)];
        var cached = slot;
        if (cached is not null && Equal(cached, utf8))
        {
            hit = true;
            return cached;
        }
        var created = Encoding.UTF8.GetString(utf8);
        slot = created;
        return created;
    }

    private static bool Equal(string text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length > utf8.Length) return false;
        // Equal lengths: equal only when both are ASCII, one byte a char.
        if (text.Length == utf8.Length) return Ascii.Equals(utf8, text);
        Span<byte> buffer = stackalloc byte[MaxPooledBytes * 3];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        return buffer[..written].SequenceEqual(utf8);
    }
}
