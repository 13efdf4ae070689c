using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Reads rows of one query straight through SQLite's C interface: a million profile rows cost
/// 1.85 s through ADO.NET (a string allocated and a type check per value) and a fraction of
/// that here, where a text column with few distinct values hands out the same string each time.
/// </summary>
internal sealed class SqliteRawRows : IDisposable
{
    private readonly sqlite3_stmt _statement;
    private readonly TextCache[] _caches;

    public SqliteRawRows(SqliteConnection connection, string sql, int columns)
    {
        if (raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement) != raw.SQLITE_OK)
            throw new SextantException($"the store cannot be read ({raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}): run 'sextant check'");
        _caches = [.. Enumerable.Range(0, columns).Select(_ => new TextCache())];
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Read()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW) return true;
        if (result == raw.SQLITE_DONE) return false;
        throw new SextantException($"the store cannot be read (SQLite error {result}): run 'sextant check'");
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The text of a column, or null; repeated values of a column come back as one string.</summary>
    public string? Text(int column) => IsNull(column) ? null : _caches[column].Get(raw.sqlite3_column_blob(_statement, column));

    public void Dispose() => _statement.Dispose();

    /// <summary>Up to 64 distinct values of a column, found by their UTF-8 bytes; beyond that the column is decoded afresh each time.</summary>
    private sealed class TextCache
    {
        private const int Capacity = 64;
        private readonly List<(byte[] Bytes, string Text)> _entries = [];
        private int _last;

        public string Get(ReadOnlySpan<byte> bytes)
        {
            if (_entries.Count > 0 && bytes.SequenceEqual(_entries[_last].Bytes)) return _entries[_last].Text;
            // Once a column has shown more distinct values than the cache holds, it is an id column: stop looking.
            if (_entries.Count > Capacity) return Encoding.UTF8.GetString(bytes);
            for (var i = 0; i < _entries.Count; i++)
            {
                if (!bytes.SequenceEqual(_entries[i].Bytes)) continue;
                _last = i;
                return _entries[i].Text;
            }
            var text = Encoding.UTF8.GetString(bytes);
            _entries.Add((bytes.ToArray(), text));
            _last = _entries.Count - 1;
            return text;
        }
    }
}
