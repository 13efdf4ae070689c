using System.Globalization;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// What a session knows of the stored profiles, subscriptions and assignments, read once on first
/// use, so each write's outcome (inserted, updated, duplicate) is decided without a query per record
/// and written as one appended row. A batch stages its writes and hands them over when it commits.
/// </summary>
internal sealed class WarehouseProfileState
{
    public static readonly IReadOnlyList<string> UserColumns =
        ["user_id", "signup_at", "segment", "channel", "plan", "country", "platform", "workspace_id", "traits", "version"];

    public static readonly IReadOnlyList<string> SubscriptionColumns =
        ["subscription_id", "user_id", "plan", "status", "start_at", "end_at", "mrr", "currency", "version"];

    public static readonly IReadOnlyList<string> AssignmentColumns = ["experiment", "user_id", "variant", "assigned_at"];

    private readonly IWarehouse _warehouse;
    private Dictionary<string, UserProfile>? _users;
    private Dictionary<string, Subscription>? _subscriptions;
    private Dictionary<(string Experiment, string User, string Variant), long>? _assignments;
    private long _userVersion;
    private long _subscriptionVersion;

    public WarehouseProfileState(IWarehouse warehouse) => _warehouse = warehouse;

    public Dictionary<string, UserProfile> Users => _users ??= LoadUsers();

    public Dictionary<string, Subscription> Subscriptions => _subscriptions ??= LoadSubscriptions();

    public Dictionary<(string Experiment, string User, string Variant), long> Assignments => _assignments ??= LoadAssignments();

    /// <summary>The next user version; versions only grow, so the latest row of a user is its current state.</summary>
    public long NextUserVersion(long staged) => _userVersion + staged + 1;

    public long NextSubscriptionVersion(long staged) => _subscriptionVersion + staged + 1;

    public void Accept(IReadOnlyDictionary<string, UserProfile> users, IReadOnlyDictionary<string, Subscription> subscriptions,
        IReadOnlyDictionary<(string, string, string), long> assignments)
    {
        foreach (var (id, user) in users) Users[id] = user;
        _userVersion += users.Count;
        foreach (var (id, subscription) in subscriptions) Subscriptions[id] = subscription;
        _subscriptionVersion += subscriptions.Count;
        foreach (var (key, at) in assignments) Assignments[key] = at;
    }

    /// <summary>The stored user with the present values of <paramref name="user"/> in place of its own; a traits object of '{}' keeps the stored traits.</summary>
    public static UserProfile Merge(UserProfile stored, UserProfile user) => new(
        stored.UserId, user.SignupAt ?? stored.SignupAt, user.Segment ?? stored.Segment, user.Channel ?? stored.Channel,
        user.Plan ?? stored.Plan, user.Country ?? stored.Country, user.Platform ?? stored.Platform,
        user.WorkspaceId ?? stored.WorkspaceId, user.TraitsJson == "{}" ? stored.TraitsJson : user.TraitsJson);

    public static object?[] Row(UserProfile user, long version) =>
    [
        user.UserId, user.SignupAt?.UnixMicroseconds, user.Segment, user.Channel, user.Plan, user.Country,
        user.Platform, user.WorkspaceId, user.TraitsJson, version,
    ];

    public static object?[] Row(Subscription subscription, long version) =>
    [
        subscription.SubscriptionId, subscription.UserId, subscription.Plan, subscription.Status, subscription.StartAt.UnixMicroseconds,
        subscription.EndAt?.UnixMicroseconds, subscription.Mrr.ToString(CultureInfo.InvariantCulture), subscription.Currency, version,
    ];

    private Dictionary<string, UserProfile> LoadUsers()
    {
        var users = new Dictionary<string, UserProfile>(StringComparer.Ordinal);
        foreach (var user in Reader().ReadProfiles()) users[user.UserId] = user;
        _userVersion = Max("sextant_users");
        return users;
    }

    private Dictionary<string, Subscription> LoadSubscriptions()
    {
        var subscriptions = new Dictionary<string, Subscription>(StringComparer.Ordinal);
        foreach (var subscription in Reader().ReadSubscriptions()) subscriptions[subscription.SubscriptionId] = subscription;
        _subscriptionVersion = Max("sextant_subscriptions");
        return subscriptions;
    }

    private Dictionary<(string, string, string), long> LoadAssignments()
    {
        var assignments = new Dictionary<(string, string, string), long>();
        foreach (var assignment in Reader().ReadAssignments())
            assignments[(assignment.Experiment, assignment.UserId, assignment.Variant)] = assignment.AssignedAt.UnixMicroseconds;
        return assignments;
    }

    private long Max(string table)
    {
        long max = 0;
        _warehouse.Read($"SELECT coalesce(max(version), 0) FROM {table}", row => max = row.IsNull(0) ? 0 : row.GetInt64(0));
        return max;
    }

    private WarehouseStore Reader() => WarehouseStore.Over(_warehouse);
}
