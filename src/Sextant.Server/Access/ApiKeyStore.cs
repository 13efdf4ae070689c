using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Server.Access;

/// <summary>
/// The server's keys, kept in the store file (table <c>api_keys</c>): per key its name, role,
/// public id, a random salt and HMAC-SHA-256(salt, key) — the key itself is shown once when
/// created and never stored. A key reads <c>sxk_ID_SECRET</c>: the id finds the row, the hash
/// checks the whole key in constant time.
/// </summary>
public sealed class ApiKeyStore
{
    private const string Prefix = "sxk_";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS api_keys (
            name TEXT PRIMARY KEY, role TEXT NOT NULL, key_id TEXT NOT NULL UNIQUE,
            salt BLOB NOT NULL, hash BLOB NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
        """;

    private readonly string _storePath;
    private readonly TimeProvider _clock;

    /// <summary>The keys of the store file at <paramref name="storePath"/>.</summary>
    public ApiKeyStore(string storePath, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        _storePath = storePath;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Creates a key and returns it with its text, the only time the text exists outside the
    /// caller. The name defaults to <c>key-ID</c>.
    /// </summary>
    /// <exception cref="SextantException">The name is taken or invalid, or the store cannot be written.</exception>
    public (ApiKey Key, string Text) Create(ApiRole role, string? name = null)
    {
        if (!Enum.IsDefined(role)) throw new SextantException($"role {role} is not read, write or admin");
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var text = $"{Prefix}{keyId}_{secret}";
        name ??= "key-" + keyId;
        if (name.Length is 0 or > 64 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new SextantException($"key name '{name}' is not 1 to 64 characters without spaces");
        var salt = RandomNumberGenerator.GetBytes(16);
        var created = Timestamp.FromDateTimeOffset(_clock.GetUtcNow());
        Write(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Ddl + "INSERT INTO api_keys(name, role, key_id, salt, hash, created_at) VALUES ($name, $role, $id, $salt, $hash, $at)";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$role", RoleText(role));
            command.Parameters.AddWithValue("$id", keyId);
            command.Parameters.AddWithValue("$salt", salt);
            command.Parameters.AddWithValue("$hash", Hash(salt, text));
            command.Parameters.AddWithValue("$at", created.UnixMicroseconds);
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw new SextantException($"a key named '{name}' already exists: choose another --name, or revoke it first", e);
            }
        });
        return (new ApiKey(name, role, keyId, created, null), text);
    }

    /// <summary>Every key, valid and revoked, in the order they were made.</summary>
    /// <exception cref="SextantException">The store cannot be opened.</exception>
    public IReadOnlyList<ApiKey> List()
    {
        var keys = new List<ApiKey>();
        foreach (var row in ReadRows()) keys.Add(row.Key);
        return keys;
    }

    /// <summary>Revokes the key of that name; false when there is no valid key of that name.</summary>
    /// <exception cref="SextantException">The store cannot be written.</exception>
    public bool Revoke(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var changed = 0;
        Write(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Ddl + "UPDATE api_keys SET revoked_at = $at WHERE name = $name AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$at", Timestamp.FromDateTimeOffset(_clock.GetUtcNow()).UnixMicroseconds);
            changed = command.ExecuteNonQuery();
        });
        return changed > 0;
    }

    /// <summary>The stored keys with their salts and hashes, for <see cref="KeyRing"/>.</summary>
    internal IReadOnlyList<StoredKey> ReadRows()
    {
        using var store = SqliteStore.OpenReadOnly(_storePath);
        var connection = store.Connection;
        if (!StoreSchema.HasTable(connection, "api_keys")) return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, key_id, salt, hash, created_at, revoked_at FROM api_keys ORDER BY created_at, name";
        using var reader = command.ExecuteReader();
        var rows = new List<StoredKey>();
        while (reader.Read())
        {
            var key = new ApiKey(reader.GetString(0), ParseRole(reader.GetString(1)), reader.GetString(2), new Timestamp(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : new Timestamp(reader.GetInt64(6)));
            rows.Add(new StoredKey(key, (byte[])reader[3], (byte[])reader[4]));
        }
        return rows;
    }

    /// <summary>The key id of a presented key text, or null when it is not shaped like a key.</summary>
    internal static string? KeyIdOf(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = text.IndexOf('_', Prefix.Length);
        return end <= Prefix.Length ? null : text[Prefix.Length..end];
    }

    /// <summary>HMAC-SHA-256 of the key text under the key's salt.</summary>
    internal static byte[] Hash(byte[] salt, string text) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text));

    /// <summary>The role's name as stored and typed: read, write, admin.</summary>
    public static string RoleText(ApiRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role a name stands for.</summary>
    /// <exception cref="SextantException">The name is not read, write or admin.</exception>
    public static ApiRole ParseRole(string text) => text switch
    {
        "read" => ApiRole.Read,
        "write" => ApiRole.Write,
        "admin" => ApiRole.Admin,
        _ => throw new SextantException($"role '{text}' is not one of: read, write, admin"),
    };

    private void Write(Action<SqliteConnection> action)
    {
        using var store = SqliteStore.Open(_storePath, create: false);
        action(store.Connection);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A stored key with what checks a presented one.</summary>
internal sealed record StoredKey(ApiKey Key, byte[] Salt, byte[] Hash);
