using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// In-memory copy of the store's string dictionaries. New values are written in the caller's
/// transaction; <see cref="Discard"/> forgets them again when that transaction rolls back.
/// </summary>
internal sealed class StoreDictionaries
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, int>?[] _codes = new Dictionary<string, int>?[8];
    private readonly List<string>?[] _values = new List<string>?[8];
    private readonly List<(DictionaryKind Kind, string Value)> _pending = [];
    private SqliteCommand? _insert;

    public StoreDictionaries(SqliteConnection connection) => _connection = connection;

    /// <summary>Code of a value (1-based), or 0 for null; adds unseen values.</summary>
    public int GetOrAdd(DictionaryKind kind, string? value, SqliteTransaction transaction)
    {
        if (value is null) return 0;
        var codes = Codes(kind);
        if (codes.TryGetValue(value, out var code)) return code;

        var values = _values[(int)kind]!;
        values.Add(value);
        code = values.Count;
        codes.Add(value, code);
        _pending.Add((kind, value));

        _insert ??= CreateInsert();
        _insert.Transaction = transaction;
        _insert.Parameters[0].Value = (int)kind;
        _insert.Parameters[1].Value = code;
        _insert.Parameters[2].Value = value;
        _insert.ExecuteNonQuery();
        return code;
    }

    /// <summary>All values of a kind; index = code - 1.</summary>
    public IReadOnlyList<string> Values(DictionaryKind kind)
    {
        Codes(kind);
        return _values[(int)kind]!;
    }

    public bool TryGetCode(DictionaryKind kind, string value, out int code) => Codes(kind).TryGetValue(value, out code);

    /// <summary>The values added since the last <see cref="Accept"/> are now durable.</summary>
    public void Accept() => _pending.Clear();

    /// <summary>The transaction that added the pending values rolled back: forget them.</summary>
    public void Discard()
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var (kind, value) = _pending[i];
            _codes[(int)kind]!.Remove(value);
            var values = _values[(int)kind]!;
            values.RemoveAt(values.Count - 1);
        }
        _pending.Clear();
    }

    private Dictionary<string, int> Codes(DictionaryKind kind)
    {
        var codes = _codes[(int)kind];
        if (codes is not null) return codes;

        var values = new List<string>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT code, value FROM dictionary WHERE kind = $kind ORDER BY code";
            command.Parameters.AddWithValue("$kind", (int)kind);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var code = reader.GetInt32(0);
                if (code != values.Count + 1)
                    throw new SextantException($"store dictionary {kind} is not dense at code {code}: the store is damaged");
                values.Add(reader.GetString(1));
            }
        }
        codes = new Dictionary<string, int>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++) codes.Add(values[i], i + 1);
        _codes[(int)kind] = codes;
        _values[(int)kind] = values;
        return codes;
    }

    private SqliteCommand CreateInsert()
    {
        var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO dictionary(kind, code, value) VALUES ($kind, $code, $value)";
        command.Parameters.Add("$kind", SqliteType.Integer);
        command.Parameters.Add("$code", SqliteType.Integer);
        command.Parameters.Add("$value", SqliteType.Text);
        command.Prepare();
        return command;
    }
}
