using System.Security.Cryptography;

namespace Sextant.Server.Access;

/// <summary>
/// The keys the server checks requests against: the store's <c>api_keys</c> rows, re-read at
/// most every <see cref="RefreshInterval"/>, so a key created or revoked with <c>sextant keys</c>
/// while the server runs takes effect within that time.
/// </summary>
public sealed class KeyRing
{
    /// <summary>How stale the server's copy of the keys may be.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly ApiKeyStore _store;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private IReadOnlyList<StoredKey> _keys = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The keys of <paramref name="store"/>.</summary>
    public KeyRing(ApiKeyStore store, TimeProvider? clock = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>True once any key was ever created (revoked ones count): from then on every API call needs a key.</summary>
    public bool Required => Current().Count > 0;

    /// <summary>The valid key whose text this is, or null.</summary>
    public ApiKey? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ApiKeyStore.KeyIdOf(text) is not { } id) return null;
        foreach (var stored in Current())
        {
            if (stored.Key.KeyId != id || !stored.Key.IsActive) continue;
            return CryptographicOperations.FixedTimeEquals(ApiKeyStore.Hash(stored.Salt, text), stored.Hash) ? stored.Key : null;
        }
        return null;
    }

    /// <summary>Forgets the copy, so the next request reads the store (after the server changes keys itself).</summary>
    public void Invalidate()
    {
        lock (_gate) _readAt = DateTimeOffset.MinValue;
    }

    private IReadOnlyList<StoredKey> Current()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (now - _readAt < RefreshInterval) return _keys;
            _keys = _store.ReadRows();
            _readAt = now;
            return _keys;
        }
    }
}
