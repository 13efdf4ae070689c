using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>The read port of the SQLite store.</summary>
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public IEventColumnSource ColumnSource => new StoreColumnSource(System.IO.Path.GetFullPath(Path));

    /// <inheritdoc/>
    public EventColumns ReadEventColumns() => SqliteEventColumnReader.Read(Connection);

    /// <inheritdoc/>
    public long CountEvents() => ScalarLong("SELECT coalesce(sum(rows), 0) FROM event_chunks");

    /// <inheritdoc/>
    public long CountRepeatedEventIds() => SqliteEventIds.CountRepeated(Connection);

    /// <inheritdoc/>
    public IReadOnlyList<string> ReadUserIds() => new StoreDictionaries(Connection).Values(DictionaryKind.UserId);

    /// <inheritdoc/>
    public IEnumerable<UserProfile> ReadProfiles() => SqliteRecordReader.Profiles(Connection);

    /// <inheritdoc/>
    public IEnumerable<Subscription> ReadSubscriptions() => SqliteRecordReader.Subscriptions(Connection);

    /// <inheritdoc/>
    public IEnumerable<Assignment> ReadAssignments() => SqliteRecordReader.Assignments(Connection);

    /// <inheritdoc/>
    public IReadOnlyList<IngestRun> ReadIngestRuns() => SqliteRecordReader.IngestRuns(Connection);

    /// <inheritdoc/>
    public string ReadChangeStamp() => SqliteChangeStamp.Read(Connection);

    /// <inheritdoc/>
    public StoreFacts ReadFacts() => new(
        ScalarLong("SELECT COUNT(*) FROM users"),
        ScalarLong("SELECT COUNT(*) FROM subscriptions"),
        ScalarLong("SELECT COUNT(*) FROM assignments"),
        ScalarLong("SELECT COUNT(*) FROM ingest_runs"),
        new FileInfo(Path).Length);

    /// <inheritdoc/>
    public IReadOnlyList<IntegrityFinding> VerifyIntegrity() => SqliteIntegrity.Verify(this);

    /// <inheritdoc/>
    public AppendMark ReadAppendMark() => SqliteAppendLog.ReadMark(Connection);

    /// <inheritdoc/>
    public long CountEventsThrough(long lastChunk) => SqliteAppendLog.CountEventsThrough(Connection, lastChunk);

    /// <inheritdoc/>
    public AppendedEvents ReadEventsAfter(long lastChunk) => SqliteAppendLog.ReadAfter(Connection, lastChunk);

    /// <inheritdoc/>
    public IReadOnlyList<ProfileSignup> ReadProfileSignups() => SqliteAppendLog.ReadProfileSignups(Connection);

    /// <inheritdoc/>
    public IReadOnlyList<ErasureRecord> ReadErasures() => SqliteErasureLog.Read(Connection);

    /// <inheritdoc/>
    public ErasureCounts Erase(ErasureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsReadOnly) throw new InvalidOperationException("the store was opened read-only");
        return SqliteEraser.Erase(Connection, request);
    }

    /// <inheritdoc/>
    public IReadOnlyList<IdentityLink> ReadLinks()
    {
        // The store keeps no identify records of its own: an event carrying both ids is the link.
        var columns = ReadEventColumns();
        var firstSeen = new Dictionary<(int Anonymous, int User), long>();
        for (var row = 0; row < columns.RowCount; row++)
        {
            var anonymous = columns.AnonymousCodes[row];
            var user = columns.UserCodes[row];
            if (anonymous == 0 || user == 0) continue;
            var time = columns.Timestamps[row];
            if (!firstSeen.TryGetValue((anonymous, user), out var seen) || time < seen) firstSeen[(anonymous, user)] = time;
        }
        return firstSeen
            .Select(pair => new IdentityLink(
                columns.AnonymousIds.Values[pair.Key.Anonymous - 1], columns.UserIds.Values[pair.Key.User - 1], new Timestamp(pair.Value)))
            .ToList();
    }
}
