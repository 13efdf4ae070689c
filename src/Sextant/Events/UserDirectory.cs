using Sextant.Storage;

namespace Sextant.Events;

/// <summary>
/// The signed-up users of an EventTable and their codes: the store's user ids, then the users
/// known only from a subscription or an assignment (no profile, no event), who are still users
/// (SEMANTICS.md, Experiments). Those get codes after the stored ones, in code-point order of
/// their ids, in memory only.
/// </summary>
internal sealed class UserDirectory
{
    private readonly CodeDictionary _stored;
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);

    public UserDirectory(CodeDictionary stored, IEnumerable<string> recordUserIds)
    {
        _stored = stored;
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in recordUserIds)
            if (!stored.TryGetCode(id, out _)) added.Add(id);
        var ordered = added.ToList();
        ordered.Sort(CompareCodePoints);
        for (var i = 0; i < ordered.Count; i++) _added[ordered[i]] = stored.Count + 1 + i;
        Keys = [.. stored.Values, .. ordered];
    }

    /// <summary>Every user id; code c is Keys[c − 1].</summary>
    public string[] Keys { get; }

    public int Count => Keys.Length;

    public bool TryGetCode(string userId, out int code) => _stored.TryGetCode(userId, out code) || _added.TryGetValue(userId, out code);

    /// <summary>Orders strings by code point (the order of their UTF-8 bytes), unlike UTF-16 ordinal order for characters above U+D7FF.</summary>
    internal static int CompareCodePoints(string? left, string? right)
    {
        if (left is null || right is null) return left is null ? (right is null ? 0 : -1) : 1;
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a == b) continue;
            return Rank(a) - Rank(b);
        }
        return left.Length - right.Length;
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they rank after U+E000–U+FFFF.
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
