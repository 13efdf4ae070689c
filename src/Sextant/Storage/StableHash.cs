using System.Text;

namespace Sextant.Storage;

/// <summary>
/// A fixed 64-bit hash of a string (FNV-1a over UTF-8 with a murmur-style finalizer), stable
/// across processes and versions because it keys rows in the store. Collisions are handled
/// by the store, so this only needs to be fast and well spread.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static long Of(string text)
    {
        Span<byte> stack = stackalloc byte[256];
        var bytes = text.Length <= 80 ? stack[..Encoding.UTF8.GetBytes(text, stack)] : Encoding.UTF8.GetBytes(text);
        return Of(bytes);
    }

    public static long Of(ReadOnlySpan<byte> bytes)
    {
        var hash = Offset;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (long)hash;
    }
}
