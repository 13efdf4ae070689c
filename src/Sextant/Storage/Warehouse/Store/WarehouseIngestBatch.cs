using System.Globalization;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// One batch of a warehouse session. Writes are staged in memory, each outcome decided against what
/// the session knows plus what the batch staged, and go to the database at <see cref="Commit"/> in
/// one transaction where it has them (PostgreSQL, DuckDB). On ClickHouse the events go first in one
/// INSERT and the run's progress last, so a failure in between leaves events whose progress was not
/// recorded, which a re-run skips by event id.
/// </summary>
internal sealed class WarehouseIngestBatch : IIngestBatch
{
    private readonly WarehouseIngestSession _session;
    private readonly List<object?[]> _events = [];
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), long> _links = [];
    private readonly Dictionary<string, UserProfile> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, string), long> _assignments = [];
    private (IngestRun Run, long Version)? _progress;
    private bool _ended;

    public WarehouseIngestBatch(WarehouseIngestSession session) => _session = session;

    public int AppendEvents(IEnumerable<EventRecord> events, long run)
    {
        ArgumentNullException.ThrowIfNull(events);
        Open();
        var stored = _session.EventIds;
        var clickHouse = _session.Warehouse.Dialect == SqlDialect.ClickHouse;
        var added = 0;
        foreach (var record in events)
        {
            if (stored.Contains(record.EventId) || !_eventIds.Add(record.EventId)) continue;
            var time = record.Timestamp.UnixMicroseconds;
            object?[] row =
            [
                _session.NextSeq + _events.Count, record.EventId, record.UserId, record.AnonymousId, record.Event, time,
                record.Platform, record.SessionId, record.WorkspaceId, record.Revenue?.ToString(CultureInfo.InvariantCulture),
                record.PropertiesJson, record.Source, run,
            ];
            _events.Add(clickHouse ? [.. row, record.UserId ?? record.AnonymousId ?? ""] : row);
            added++;
            if (record.UserId is { } user && record.AnonymousId is { } anonymous) Link(anonymous, user, time);
        }
        return added;
    }

    public WriteOutcome WriteUser(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Open();
        if (!_users.TryGetValue(user.UserId, out var stored) && !_session.Profiles.Users.TryGetValue(user.UserId, out stored))
        {
            _users[user.UserId] = user;
            return WriteOutcome.Inserted;
        }
        var merged = WarehouseProfileState.Merge(stored, user);
        if (merged == stored) return WriteOutcome.Duplicate;
        _users[user.UserId] = merged;
        return WriteOutcome.Updated;
    }

    public WriteOutcome WriteSubscription(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Open();
        var id = subscription.SubscriptionId;
        var known = _subscriptions.TryGetValue(id, out var stored) || _session.Profiles.Subscriptions.TryGetValue(id, out stored);
        // Compared as stored, MRR as its invariant text: 10.0 and 10.00 are different values written.
        if (known && WarehouseProfileState.Row(stored!, 0).SequenceEqual(WarehouseProfileState.Row(subscription, 0))) return WriteOutcome.Duplicate;
        _subscriptions[id] = subscription;
        return known ? WriteOutcome.Updated : WriteOutcome.Inserted;
    }

    public WriteOutcome WriteAssignment(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Open();
        var key = (assignment.Experiment, assignment.UserId, assignment.Variant);
        var at = assignment.AssignedAt.UnixMicroseconds;
        if (!_assignments.TryGetValue(key, out var stored) && !_session.Profiles.Assignments.TryGetValue(key, out stored))
        {
            _assignments[key] = at;
            return WriteOutcome.Inserted;
        }
        if (stored <= at) return WriteOutcome.Duplicate;
        _assignments[key] = at;
        return WriteOutcome.Updated;
    }

    public void RecordProgress(long run, IngestRunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Open();
        var (current, version) = _session.Run(run);
        _progress = (current with { Counts = counts, Status = IngestRunStatus.Running, FinishedAt = null }, version + 1);
    }

    public void Commit()
    {
        Open();
        var warehouse = _session.Warehouse;
        var profiles = _session.Profiles;
        var users = _users.Values.Select((user, i) => WarehouseProfileState.Row(user, profiles.NextUserVersion(i))).ToList();
        var subscriptions = _subscriptions.Values.Select((subscription, i) => WarehouseProfileState.Row(subscription, profiles.NextSubscriptionVersion(i))).ToList();
        var assignments = _assignments.Select(pair => new object?[] { pair.Key.Item1, pair.Key.Item2, pair.Key.Item3, pair.Value }).ToList();
        var links = _links.Select(pair => new object?[] { pair.Key.Item1, pair.Key.Item2, pair.Value }).ToList();
        var eventColumns = warehouse.Dialect == SqlDialect.ClickHouse ? [.. WarehouseIngestSession.EventColumns, "user_key"] : WarehouseIngestSession.EventColumns;
        warehouse.InTransaction(() =>
        {
            if (_events.Count > 0) warehouse.Insert("sextant_events", eventColumns, _events);
            if (links.Count > 0) warehouse.Insert(WarehouseIdentity.LinksTable, WarehouseIdentity.LinkColumns, links);
            if (users.Count > 0) warehouse.Insert("sextant_users", WarehouseProfileState.UserColumns, users);
            if (subscriptions.Count > 0) warehouse.Insert("sextant_subscriptions", WarehouseProfileState.SubscriptionColumns, subscriptions);
            if (assignments.Count > 0) warehouse.Insert("sextant_assignments", WarehouseProfileState.AssignmentColumns, assignments);
            if (_progress is { } progress) warehouse.Insert(WarehouseIngestLog.Table, WarehouseIngestLog.Columns, [WarehouseIngestLog.Row(progress.Run, progress.Version)]);
        });
        _ended = true;
        _session.Accept(_eventIds, _links, _progress);
        profiles.Accept(_users, _subscriptions, _assignments);
    }

    /// <summary>Discards what the batch staged; nothing reached the database before <see cref="Commit"/>.</summary>
    public void Rollback() => _ended = true;

    public void Dispose() => Rollback();

    private void Link(string anonymous, string user, long time)
    {
        var key = (anonymous, user);
        if (_links.TryGetValue(key, out var staged) ? time < staged : !_session.Links.TryGetValue(key, out var stored) || time < stored)
            _links[key] = time;
    }

    private void Open()
    {
        if (_ended) throw new InvalidOperationException("the batch has already been committed or rolled back");
    }
}
