using System.Globalization;
using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// A write session on the SQLite store: keeps the dictionaries and the event writer (with its
/// dedup index) from batch to batch, and records ingest runs in <c>ingest_runs</c>.
/// </summary>
internal sealed class SqliteIngestSession : IIngestSession
{
    private readonly SqliteConnection _connection;

    public SqliteIngestSession(SqliteConnection connection)
    {
        _connection = connection;
        Dictionaries = new StoreDictionaries(connection);
        Events = new SqliteEventWriter(connection, Dictionaries);
        Profiles = new SqliteProfileWriter(connection, Dictionaries);
    }

    internal StoreDictionaries Dictionaries { get; }

    internal SqliteEventWriter Events { get; }

    internal SqliteProfileWriter Profiles { get; }

    public long StartRun(string file, RecordKind kind, Timestamp startedAt)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO ingest_runs(file, kind, started_at, status) VALUES ($file, $kind, $started, 'running');
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$file", file);
        command.Parameters.AddWithValue("$kind", kind.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$started", startedAt.UnixMicroseconds);
        var run = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        transaction.Commit();
        return run;
    }

    public IIngestBatch BeginBatch()
    {
        var transaction = _connection.BeginTransaction();
        try
        {
            Dictionaries.Refresh(transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
        return new SqliteIngestBatch(this, transaction);
    }

    public void FinishRun(long run, IngestRunCounts counts, IngestRunStatus status, Timestamp finishedAt)
    {
        using var transaction = _connection.BeginTransaction();
        UpdateRun(run, counts, status, finishedAt, transaction);
        if (status == IngestRunStatus.Done) SupersedeInterruptedRuns(run, transaction);
        transaction.Commit();
    }

    /// <summary>The database column value of a status.</summary>
    internal static string StatusText(IngestRunStatus status) => status switch
    {
        IngestRunStatus.Running => "running",
        IngestRunStatus.Done => "done",
        IngestRunStatus.RolledBack => "rolled_back",
        _ => "superseded",
    };

    internal void UpdateRun(long run, IngestRunCounts counts, IngestRunStatus status, Timestamp? finishedAt, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE ingest_runs SET read = $read, inserted = $inserted, updated = $updated, duplicates = $duplicates,
                quarantined = $quarantined, status = $status, finished_at = $finished WHERE run = $run
            """;
        command.Parameters.AddWithValue("$read", counts.Read);
        command.Parameters.AddWithValue("$inserted", counts.Inserted);
        command.Parameters.AddWithValue("$updated", counts.Updated);
        command.Parameters.AddWithValue("$duplicates", counts.Duplicates);
        command.Parameters.AddWithValue("$quarantined", counts.Quarantined);
        command.Parameters.AddWithValue("$status", StatusText(status));
        command.Parameters.AddWithValue("$finished", finishedAt is { } finished ? finished.UnixMicroseconds : DBNull.Value);
        command.Parameters.AddWithValue("$run", run);
        command.ExecuteNonQuery();
    }

    /// <summary>A completed run of a file completes the interrupted runs of the same file before it.</summary>
    private void SupersedeInterruptedRuns(long run, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE ingest_runs SET status = 'superseded'
            WHERE file = (SELECT file FROM ingest_runs WHERE run = $run) AND status = 'running' AND run < $run
            """;
        command.Parameters.AddWithValue("$run", run);
        command.ExecuteNonQuery();
    }

    /// <summary>Releases the prepared statements; the connection belongs to the store.</summary>
    public void Dispose() => Profiles.Dispose();
}
