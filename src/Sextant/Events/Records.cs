namespace Sextant.Events;

/// <summary>The four canonical record kinds every source is normalized into.</summary>
public enum RecordKind
{
    /// <summary>Product events (<see cref="EventRecord"/>).</summary>
    Events,
    /// <summary>User profiles (<see cref="UserProfile"/>).</summary>
    Users,
    /// <summary>Subscriptions (<see cref="Subscription"/>).</summary>
    Subscriptions,
    /// <summary>Experiment assignments (<see cref="Assignment"/>).</summary>
    Assignments,
}

/// <summary>One product event in canonical form (DATA_MODEL.md, events).</summary>
/// <param name="EventId">Unique id from the source, or a stable hash of the event's content.</param>
/// <param name="UserId">The identified user, when known.</param>
/// <param name="AnonymousId">Device or cookie id; at least one of the two ids is set.</param>
/// <param name="Event">Event name as sent, trimmed, 1 to 200 characters.</param>
/// <param name="Timestamp">When it happened (UTC, µs).</param>
/// <param name="Platform">web, ios, android, desktop, api…</param>
/// <param name="SessionId">Session id from the source, when it has one.</param>
/// <param name="WorkspaceId">Team or account the event belongs to.</param>
/// <param name="Revenue">Money attached to the event, if any.</param>
/// <param name="PropertiesJson">Every other attribute, as a compact JSON object.</param>
/// <param name="Source">Where the row came from: csv, jsonl, mixpanel, synthetic…</param>
public sealed record EventRecord(
    string EventId,
    string? UserId,
    string? AnonymousId,
    string Event,
    Timestamp Timestamp,
    string? Platform,
    string? SessionId,
    string? WorkspaceId,
    decimal? Revenue,
    string PropertiesJson,
    string Source);

/// <summary>One user profile in canonical form (DATA_MODEL.md, users).</summary>
/// <param name="UserId">Unique user id.</param>
/// <param name="SignupAt">Sign-up instant; when missing, the user's first event counts.</param>
/// <param name="Segment">e.g. individual, small_team, enterprise, education.</param>
/// <param name="Channel">Acquisition channel, e.g. organic, paid_search, referral.</param>
/// <param name="Plan">Current plan, e.g. free, plus, business, enterprise.</param>
/// <param name="Country">Country name or code.</param>
/// <param name="Platform">Main platform.</param>
/// <param name="WorkspaceId">The user's workspace.</param>
/// <param name="TraitsJson">Any other profile property, as a compact JSON object.</param>
public sealed record UserProfile(
    string UserId,
    Timestamp? SignupAt,
    string? Segment,
    string? Channel,
    string? Plan,
    string? Country,
    string? Platform,
    string? WorkspaceId,
    string TraitsJson);

/// <summary>One subscription in canonical form (DATA_MODEL.md, subscriptions).</summary>
/// <param name="SubscriptionId">Unique subscription id.</param>
/// <param name="UserId">The paying user.</param>
/// <param name="Plan">Plan name.</param>
/// <param name="Status">trial, active, cancelled or past_due.</param>
/// <param name="StartAt">Start instant.</param>
/// <param name="EndAt">End instant; null while active.</param>
/// <param name="Mrr">Monthly recurring revenue in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code, default USD.</param>
public sealed record Subscription(
    string SubscriptionId,
    string UserId,
    string Plan,
    string Status,
    Timestamp StartAt,
    Timestamp? EndAt,
    decimal Mrr,
    string Currency);

/// <summary>One experiment assignment (first exposure) in canonical form.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="UserId">The exposed user.</param>
/// <param name="Variant">Variant name; the control is named in config (default control).</param>
/// <param name="AssignedAt">First exposure instant.</param>
public sealed record Assignment(string Experiment, string UserId, string Variant, Timestamp AssignedAt);

/// <summary>The accepted subscription statuses.</summary>
public static class SubscriptionStatuses
{
    /// <summary>trial, active, cancelled, past_due.</summary>
    public static readonly IReadOnlyList<string> All = ["trial", "active", "cancelled", "past_due"];
}
