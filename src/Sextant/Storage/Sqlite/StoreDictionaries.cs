using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// In-memory copy of the store's string dictionaries. Codes are dense from 1 per kind. New values
/// are kept pending and written by <see cref="Flush"/> as one segment per kind in the caller's
/// transaction (a segment is a packed run of values with consecutive codes), so a batch adds a
/// handful of rows however many new values it has. <see cref="Discard"/> forgets pending values
/// when the transaction rolls back.
/// </summary>
internal sealed class StoreDictionaries
{
    private const int KindSlots = 8;
    private readonly SqliteConnection _connection;
    private readonly StringCodeMap?[] _codes = new StringCodeMap?[KindSlots];
    private readonly List<string>?[] _values = new List<string>?[KindSlots];
    private readonly int[] _durableCount = new int[KindSlots];
    private readonly int[] _flushedCount = new int[KindSlots];

    public StoreDictionaries(SqliteConnection connection) => _connection = connection;

    /// <summary>Code of a value (1-based), or 0 for null; adds unseen values as pending.</summary>
    public int GetOrAdd(DictionaryKind kind, string? value)
    {
        if (value is null) return 0;
        var codes = Codes(kind);
        if (codes.TryGetValue(value, out var code)) return code;
        var values = _values[(int)kind]!;
        values.Add(value);
        code = values.Count;
        codes.Add(value, code);
        return code;
    }

    /// <summary>All values of a kind; index = code - 1.</summary>
    public IReadOnlyList<string> Values(DictionaryKind kind)
    {
        Codes(kind);
        return _values[(int)kind]!;
    }

    public bool TryGetCode(DictionaryKind kind, string value, out int code) => Codes(kind).TryGetValue(value, out code);

    /// <summary>The values of a kind with the code map already built, as a port dictionary.</summary>
    public CodeDictionary Dictionary(DictionaryKind kind) => new(Values(kind), Codes(kind));

    /// <summary>
    /// Called at the start of a write transaction (which holds the write lock): reloads any kind
    /// another process extended since it was read, so codes are never handed out twice.
    /// </summary>
    public void Refresh(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT kind, MAX(first_code + count - 1) FROM dictionary_segments GROUP BY kind";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetInt32(0);
            if (kind is > 0 and < KindSlots && _values[kind] is not null && reader.GetInt32(1) != _flushedCount[kind])
            {
                _codes[kind] = null;
                _values[kind] = null;
            }
        }
    }

    /// <summary>Writes the pending values of every kind inside <paramref name="transaction"/>.</summary>
    public void Flush(SqliteTransaction transaction)
    {
        for (var kind = 1; kind < KindSlots; kind++)
        {
            var values = _values[kind];
            if (values is null || values.Count == _flushedCount[kind]) continue;
            var writer = new VarintWriter(1 << 16);
            for (var i = _flushedCount[kind]; i < values.Count; i++) writer.WriteNullableString(values[i]);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO dictionary_segments(kind, first_code, count, data) VALUES ($kind, $first, $count, $data)";
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$first", _flushedCount[kind] + 1);
            command.Parameters.AddWithValue("$count", values.Count - _flushedCount[kind]);
            command.Parameters.AddWithValue("$data", ColumnCodec.Pack(writer.WrittenSpan, compress: true));
            command.ExecuteNonQuery();
            _flushedCount[kind] = values.Count;
        }
    }

    /// <summary>The transaction that flushed the pending values committed (values added since the flush stay pending).</summary>
    public void Accept()
    {
        for (var kind = 1; kind < KindSlots; kind++)
            _durableCount[kind] = _flushedCount[kind];
    }

    /// <summary>The transaction rolled back: forget values added since the last commit.</summary>
    public void Discard()
    {
        for (var kind = 1; kind < KindSlots; kind++)
        {
            var values = _values[kind];
            if (values is null) continue;
            if (values.Count == _durableCount[kind]) continue;
            values.RemoveRange(_durableCount[kind], values.Count - _durableCount[kind]);
            _codes[kind]!.TruncateTo(_durableCount[kind]);
            _flushedCount[kind] = _durableCount[kind];
        }
    }

    private StringCodeMap Codes(DictionaryKind kind)
    {
        var codes = _codes[(int)kind];
        if (codes is not null) return codes;

        var values = new List<string>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT first_code, count, data FROM dictionary_segments WHERE kind = $kind ORDER BY first_code";
            command.Parameters.AddWithValue("$kind", (int)kind);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var first = reader.GetInt32(0);
                var count = reader.GetInt32(1);
                if (first != values.Count + 1)
                    throw new SextantException($"store dictionary {kind} has a gap at code {values.Count + 1}: the store is damaged");
                foreach (var value in EventChunkDecoder.DecodeStrings((byte[])reader.GetValue(2), count))
                    values.Add(value ?? throw new SextantException($"store dictionary {kind} holds a null value: the store is damaged"));
            }
        }
        codes = new StringCodeMap();
        for (var i = 0; i < values.Count; i++)
        {
            if (codes.TryGetValue(values[i], out _))
                throw new SextantException($"store dictionary {kind} holds '{values[i]}' twice: the store is damaged");
            codes.Add(values[i], i + 1);
        }
        _codes[(int)kind] = codes;
        _values[(int)kind] = values;
        _durableCount[(int)kind] = values.Count;
        _flushedCount[(int)kind] = values.Count;
        return codes;
    }
}
