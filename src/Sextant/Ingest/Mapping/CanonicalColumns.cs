using Sextant.Events;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// The canonical columns of each record kind (DATA_MODEL.md) and the other names that map onto
/// them automatically: the seed-style names and the common names of analytics exports.
/// </summary>
internal static class CanonicalColumns
{
    public static readonly IReadOnlyList<string> Events =
        ["event_id", "user_id", "anonymous_id", "event", "timestamp", "platform", "session_id", "workspace_id", "revenue", "properties", "source"];

    public static readonly IReadOnlyList<string> Users =
        ["user_id", "signup_at", "segment", "channel", "plan", "country", "platform", "workspace_id", "traits"];

    public static readonly IReadOnlyList<string> Subscriptions =
        ["subscription_id", "user_id", "plan", "status", "start_at", "end_at", "mrr", "currency"];

    public static readonly IReadOnlyList<string> Assignments =
        ["experiment", "user_id", "variant", "assigned_at"];

    private static readonly Dictionary<string, string> EventAliases = Aliases(
        ("event_id", ["$insert_id", "insert_id", "uuid", "message_id", "messageid", "id"]),
        ("user_id", ["userid", "user", "distinct_id", "$user_id"]),
        ("anonymous_id", ["anonymousid", "anon_id", "device_id", "$device_id", "visitor_id"]),
        ("event", ["event_type", "event_name", "name", "action"]),
        ("timestamp", ["time", "ts", "event_time", "event_timestamp", "created_at", "occurred_at", "datetime"]),
        ("platform", ["os_platform", "$platform"]),
        ("session_id", ["session", "sessionid", "$session_id"]),
        ("workspace_id", ["workspace", "team_id", "account_id", "org_id", "organization_id"]),
        ("revenue", ["$revenue", "amount_usd"]),
        ("properties", ["props", "event_properties"]));

    private static readonly Dictionary<string, string> UserAliases = Aliases(
        ("user_id", ["userid", "user", "distinct_id", "id"]),
        ("signup_at", ["signup_date", "signup_time", "signed_up_at", "created_at", "registration_date"]),
        ("segment", ["user_segment", "customer_segment"]),
        ("channel", ["acquisition_channel", "signup_channel"]),
        ("plan", ["plan_type", "plan_name", "current_plan"]),
        ("country", ["country_code"]),
        ("workspace_id", ["workspace", "team_id", "account_id", "org_id"]),
        ("traits", ["properties", "user_properties"]));

    private static readonly Dictionary<string, string> SubscriptionAliases = Aliases(
        ("subscription_id", ["id", "subscriptionid"]),
        ("user_id", ["userid", "user", "customer_id"]),
        ("plan", ["plan_type", "plan_name"]),
        ("start_at", ["started_at", "start_date", "created_at"]),
        ("end_at", ["ended_at", "end_date", "cancelled_at", "canceled_at"]),
        ("mrr", ["monthly_revenue", "mrr_usd"]));

    private static readonly Dictionary<string, string> AssignmentAliases = Aliases(
        ("experiment", ["experiment_name", "experiment_id", "test", "test_name"]),
        ("user_id", ["userid", "user", "distinct_id"]),
        ("variant", ["variation", "group", "arm", "bucket", "variant_name"]),
        ("assigned_at", ["timestamp", "exposed_at", "first_exposure_at", "assigned_date", "time"]));

    public static IReadOnlyList<string> For(RecordKind kind) => kind switch
    {
        RecordKind.Events => Events,
        RecordKind.Users => Users,
        RecordKind.Subscriptions => Subscriptions,
        _ => Assignments,
    };

    /// <summary>
    /// The canonical column a source column maps onto automatically, or null. A header as people
    /// and tools write it (<c>User ID</c>, <c>userId</c>, <c>Event-Time</c>) is normalised to
    /// snake case first.
    /// </summary>
    public static string? AutoMap(RecordKind kind, string sourceColumn)
    {
        var aliases = kind switch
        {
            RecordKind.Events => EventAliases,
            RecordKind.Users => UserAliases,
            RecordKind.Subscriptions => SubscriptionAliases,
            _ => AssignmentAliases,
        };
        var name = sourceColumn.Trim().ToLowerInvariant();
        if (For(kind).Contains(name)) return name;
        if (aliases.GetValueOrDefault(name) is { } alias) return alias;
        var snake = SnakeCase(sourceColumn);
        return For(kind).Contains(snake) ? snake : aliases.GetValueOrDefault(snake);
    }

    /// <summary><c>User ID</c> → <c>user_id</c>, <c>userId</c> → <c>user_id</c>, <c>Event-Time</c> → <c>event_time</c>.</summary>
    internal static string SnakeCase(string column)
    {
        var text = column.Trim();
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '-' or '.' or '_')
            {
                if (builder.Length > 0 && builder[^1] != '_') builder.Append('_');
                continue;
            }
            // A capital after a small letter or digit starts a word (userId); so does the last capital of a run before a small letter (HTTPStatus).
            var startsWord = char.IsUpper(c) && i > 0
                && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]) || (char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (startsWord && builder.Length > 0 && builder[^1] != '_') builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().TrimEnd('_');
    }

    private static Dictionary<string, string> Aliases(params (string Canonical, string[] Names)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, names) in groups)
            foreach (var name in names) map[name] = canonical;
        return map;
    }
}
