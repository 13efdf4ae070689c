using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// One SQLite transaction of an ingest session, holding the write lock from its start: chunks,
/// dictionary segments, profile rows and run counters commit together or not at all.
/// </summary>
internal sealed class SqliteIngestBatch : IIngestBatch
{
    private readonly SqliteIngestSession _session;
    private readonly SqliteTransaction _transaction;
    private bool _ended;

    public SqliteIngestBatch(SqliteIngestSession session, SqliteTransaction transaction)
    {
        _session = session;
        _transaction = transaction;
    }

    public int AppendEvents(IEnumerable<EventRecord> events, long run) => _session.Events.Add(events, run, Open());

    public WriteOutcome WriteUser(UserProfile user) => _session.Profiles.WriteUser(user, Open());

    public WriteOutcome WriteSubscription(Subscription subscription) => _session.Profiles.WriteSubscription(subscription, Open());

    public WriteOutcome WriteAssignment(Assignment assignment) => _session.Profiles.WriteAssignment(assignment, Open());

    public void RecordProgress(long run, IngestRunCounts counts) =>
        _session.UpdateRun(run, counts, IngestRunStatus.Running, finishedAt: null, Open());

    public void Commit()
    {
        var transaction = Open();
        _session.Events.Finish(transaction);
        _session.Dictionaries.Flush(transaction);
        transaction.Commit();
        _ended = true;
        transaction.Dispose();
        _session.Dictionaries.Accept();
    }

    /// <summary>Rolls back; after a commit or an earlier rollback there is nothing left to undo.</summary>
    public void Rollback()
    {
        if (_ended) return;
        var transaction = _transaction;
        _ended = true;
        try
        {
            transaction.Rollback();
        }
        finally
        {
            transaction.Dispose();
            // Whatever the rollback did, cached codes and chunks of this batch are no longer trusted.
            _session.Dictionaries.Discard();
            _session.Events.Discard();
        }
    }

    public void Dispose() => Rollback();

    private SqliteTransaction Open() =>
        _ended ? throw new InvalidOperationException("the batch has already been committed or rolled back") : _transaction;
}
