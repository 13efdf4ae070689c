using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Tests.Storage;

/// <summary>A read port over hand-made rows: proves the EventTable build needs no database.</summary>
internal sealed class InMemoryEventStore : IEventStore, IEventColumnSource
{
    private readonly List<(string? User, string? Anonymous, string Event, long Time)> _rows = [];

    public string Location => "memory";

    public List<UserProfile> Profiles { get; } = [];

    public List<Subscription> Subscriptions { get; } = [];

    public List<Assignment> Assignments { get; } = [];

    public IEventColumnSource ColumnSource => this;

    public InMemoryEventStore Add(string? user, string? anonymous, string eventName, long time)
    {
        _rows.Add((user, anonymous, eventName, time));
        return this;
    }

    /// <summary>How many times <see cref="ReadEventColumns"/> has been called.</summary>
    public int ColumnReads { get; private set; }

    public EventColumns ReadEventColumns()
    {
        ColumnReads++;
        return DecodeColumns();
    }

    private EventColumns DecodeColumns()
    {
        var users = new List<string>();
        var anonymousIds = new List<string>();
        var names = new List<string>();
        static int Code(List<string> values, string? value)
        {
            if (value is null) return 0;
            var index = values.IndexOf(value);
            if (index >= 0) return index + 1;
            values.Add(value);
            return values.Count;
        }
        var userCodes = _rows.Select(r => Code(users, r.User)).ToArray();
        var anonymousCodes = _rows.Select(r => Code(anonymousIds, r.Anonymous)).ToArray();
        var eventCodes = _rows.Select(r => Code(names, r.Event)).ToArray();
        foreach (var profile in Profiles) Code(users, profile.UserId);
        return new EventColumns(userCodes, anonymousCodes, eventCodes, [.. _rows.Select(r => r.Time)],
            new CodeDictionary(users), new CodeDictionary(anonymousIds), new CodeDictionary(names));
    }

    public long CountRepeatedEventIds() => 0;

    /// <summary>What CountEvents answers instead of the real count (to stand for a store too large to build).</summary>
    public long? ReportedEventCount { get; set; }

    public long CountEvents() => ReportedEventCount ?? _rows.Count;

    public IReadOnlyList<string> ReadUserIds() => DecodeColumns().UserIds.Values;

    public IEnumerable<UserProfile> ReadProfiles() => Profiles;

    public IEnumerable<Subscription> ReadSubscriptions() => Subscriptions;

    public IEnumerable<Assignment> ReadAssignments() => Assignments;

    public IReadOnlyList<IngestRun> ReadIngestRuns() => [];

    public string ReadChangeStamp() => $"{_rows.Count}:{Profiles.Count}:{Subscriptions.Count}:{Assignments.Count}";

    public StoreFacts ReadFacts() => new(Profiles.Count, Subscriptions.Count, Assignments.Count, 0, 0);

    public IReadOnlyList<IntegrityFinding> VerifyIntegrity() => [new("store_integrity", IntegrityStatus.Pass, 0, "in memory")];

    public IReadOnlyList<IdentityLink> ReadLinks() =>
        [.. _rows.Where(r => r.User is not null && r.Anonymous is not null).Select(r => new IdentityLink(r.Anonymous!, r.User!, new Timestamp(r.Time)))];

    public CodedColumn ReadColumn(string name) => CodedColumn.Encode([.. _rows.Select(r => name == "event" ? r.Event : null)]);
}
