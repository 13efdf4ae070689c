using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Tests.Ingest;

/// <summary>
/// A store that lives in lists: the write port and nothing else, so an ingest into it proves
/// the ingestor needs no database. Batches keep their records apart until they commit.
/// </summary>
internal sealed class InMemoryStoreWriter(string location) : IStoreWriter
{
    public string Location { get; } = location;

    public List<EventRecord> Events { get; } = [];

    public Dictionary<string, UserProfile> Users { get; } = new(StringComparer.Ordinal);

    public List<Assignment> Assignments { get; } = [];

    public List<(long Run, string File, RecordKind Kind, IngestRunStatus Status, IngestRunCounts? Counts)> Runs { get; } = [];

    public int Commits { get; private set; }

    public int Rollbacks { get; private set; }

    public IIngestSession OpenSession() => new Session(this);

    private sealed class Session(InMemoryStoreWriter store) : IIngestSession
    {
        public long StartRun(string file, RecordKind kind, Timestamp startedAt)
        {
            store.Runs.Add((store.Runs.Count + 1, file, kind, IngestRunStatus.Running, null));
            return store.Runs.Count;
        }

        public IIngestBatch BeginBatch() => new Batch(store);

        public void FinishRun(long run, IngestRunCounts counts, IngestRunStatus status, Timestamp finishedAt)
        {
            var index = (int)run - 1;
            store.Runs[index] = store.Runs[index] with { Status = status, Counts = counts };
        }

        public void Dispose()
        {
        }
    }

    private sealed class Batch(InMemoryStoreWriter store) : IIngestBatch
    {
        private readonly List<EventRecord> _events = [];
        private readonly Dictionary<string, UserProfile> _users = new(StringComparer.Ordinal);
        private readonly List<Assignment> _assignments = [];
        private readonly List<(long Run, IngestRunCounts Counts)> _progress = [];
        private bool _ended;

        public int AppendEvents(IEnumerable<EventRecord> events, long run)
        {
            var inserted = 0;
            foreach (var record in events)
            {
                if (store.Events.Concat(_events).Any(e => e.EventId == record.EventId)) continue;
                _events.Add(record);
                inserted++;
            }
            return inserted;
        }

        public WriteOutcome WriteUser(UserProfile user)
        {
            var stored = _users.GetValueOrDefault(user.UserId) ?? store.Users.GetValueOrDefault(user.UserId);
            _users[user.UserId] = user;
            return stored is null ? WriteOutcome.Inserted : stored == user ? WriteOutcome.Duplicate : WriteOutcome.Updated;
        }

        public WriteOutcome WriteSubscription(Subscription subscription) => throw new NotSupportedException();

        public WriteOutcome WriteAssignment(Assignment assignment)
        {
            if (store.Assignments.Concat(_assignments).Any(a => a == assignment)) return WriteOutcome.Duplicate;
            _assignments.Add(assignment);
            return WriteOutcome.Inserted;
        }

        public void RecordProgress(long run, IngestRunCounts counts) => _progress.Add((run, counts));

        public void Commit()
        {
            _ended = true;
            store.Events.AddRange(_events);
            foreach (var (id, user) in _users) store.Users[id] = user;
            store.Assignments.AddRange(_assignments);
            foreach (var (run, counts) in _progress) store.Runs[(int)run - 1] = store.Runs[(int)run - 1] with { Counts = counts };
            store.Commits++;
        }

        public void Rollback()
        {
            if (_ended) return;
            _ended = true;
            store.Rollbacks++;
        }

        public void Dispose() => Rollback();
    }
}
