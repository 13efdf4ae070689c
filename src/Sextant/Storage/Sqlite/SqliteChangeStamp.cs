using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The store's change stamp: a hash of what every write leaves behind. Each ingest batch adds
/// chunks or dictionary segments and bumps its run's counters (inserted, updated, duplicates,
/// quarantined), and new profile, subscription or assignment rows raise their table's largest
/// rowid; so any committed write changes the stamp. The runs' files and instants and the newest
/// chunk's checksums make two different stores of the same shape stamp differently. It reads a few hundred small rows, never
/// the events, and runs in one read transaction so it sees a single committed state.
/// </summary>
internal static class SqliteChangeStamp
{
    private static readonly string[] Queries =
    [
        "SELECT count(*), coalesce(max(chunk), 0), coalesce(sum(rows), 0) FROM event_chunks",
        "SELECT kind, first_code, count FROM dictionary_segments ORDER BY kind, first_code",
        "SELECT run, file, started_at, finished_at, read, inserted, updated, duplicates, quarantined, status FROM ingest_runs ORDER BY run",

        "SELECT coalesce(max(rowid), 0) FROM users",
        "SELECT coalesce(max(rowid), 0) FROM subscriptions",
        "SELECT coalesce(max(rowid), 0) FROM assignments",
        "SELECT count(*) FROM event_key_collisions",
    ];

    public static string Read(SqliteConnection connection)
    {
        var text = new StringBuilder();
        // The newest chunk's checksums tie the stamp to content: a store deleted and ingested again
        // with other events of the same shape must not match the old store's snapshot. (A version-1
        // store has no checksums; the blobs' lengths stand in.)
        var newestChunk = $"SELECT col, {(StoreChunks.HasChecksums(connection) ? "checksum" : "length(data)")} FROM chunk_columns WHERE chunk = (SELECT max(chunk) FROM event_chunks) ORDER BY col";
        using var transaction = connection.BeginTransaction(deferred: true);
        foreach (var query in Queries.Append(newestChunk))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++) text.Append(Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)).Append(',');
                text.Append(';');
            }
            text.Append('|');
        }
        AppendErasures(connection, transaction, text);
        transaction.Commit();
        return Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// A forget may delete only an assignment or subscription that is not the newest row, which changes nothing above,
    /// so the erasure count is part of the stamp too. A store that never erased adds nothing, so
    /// its stamp (and its snapshot) stays what it was before erasures existed.
    /// </summary>
    private static void AppendErasures(SqliteConnection connection, SqliteTransaction transaction, StringBuilder text)
    {
        if (!StoreSchema.HasTable(connection, "erasures", transaction)) return;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM erasures";
        var erasures = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (erasures > 0) text.Append("erasures:").Append(erasures.ToString(CultureInfo.InvariantCulture));
    }
}
