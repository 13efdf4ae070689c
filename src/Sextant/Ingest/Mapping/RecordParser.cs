using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sextant.Events;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// Turns mapped rows into canonical records, or into the reason they are quarantined.
/// Validation follows DATA_MODEL.md: an event needs a user or anonymous id, a 1–200 character
/// name and a timestamp between 2000-01-01 and one day after the import time.
/// </summary>
internal sealed class RecordParser
{
    public const int MaxEventNameLength = 200;
    private static readonly long EarliestTimestamp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).UnixMicroseconds;
    private readonly ColumnMapping _mapping;
    private readonly TimestampParseOptions _timeOptions;
    private readonly long _latestTimestamp;
    private readonly string _defaultSource;
    private readonly PropertiesJson _properties = new();

    public RecordParser(ColumnMapping mapping, TimestampParseOptions timeOptions, DateTimeOffset importTime, string defaultSource)
    {
        _mapping = mapping;
        _timeOptions = timeOptions;
        _latestTimestamp = Timestamp.FromDateTimeOffset(importTime.AddDays(1)).UnixMicroseconds;
        _defaultSource = defaultSource;
    }

    public EventRecord? ParseEvent(MappedRow row, out string? error)
    {
        var userId = row[Slot("user_id")];
        var anonymousId = row[Slot("anonymous_id")];
        if (userId is null && anonymousId is null) return Reject("missing both user_id and anonymous_id", out error);

        var name = row[Slot("event")];
        if (name is null) return Reject("empty event name", out error);
        if (name.Length > MaxEventNameLength) return Reject($"event name longer than {MaxEventNameLength} characters ({name.Length})", out error);

        if (!TryTimestamp(row[Slot("timestamp")], "timestamp", out var timestamp, out error)) return null;

        decimal? revenue = null;
        var revenueText = row[Slot("revenue")];
        if (revenueText is not null)
        {
            if (!decimal.TryParse(revenueText, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
                return Reject($"revenue '{revenueText}' is not a number", out error);
            revenue = value;
        }

        var properties = _properties.Build(row[Slot("properties")], row.Extras, out error);
        if (error is not null) return null;

        var source = row[Slot("source")] ?? _defaultSource;
        var eventId = row[Slot("event_id")] ?? ContentId(source, userId, anonymousId, name, timestamp, properties);
        return new EventRecord(eventId, userId, anonymousId, name, new Timestamp(timestamp), row[Slot("platform")],
            row[Slot("session_id")], row[Slot("workspace_id")], revenue, properties, source);
    }

    public UserProfile? ParseUser(MappedRow row, out string? error)
    {
        var userId = row[Slot("user_id")];
        if (userId is null) return Reject("missing user_id", out error);
        Timestamp? signup = null;
        var signupText = row[Slot("signup_at")];
        if (signupText is not null)
        {
            if (!TryTimestamp(signupText, "signup_at", out var value, out error)) return null;
            signup = new Timestamp(value);
        }
        var traits = _properties.Build(row[Slot("traits")], row.Extras, out error);
        if (error is not null) return null;
        return new UserProfile(userId, signup, row[Slot("segment")], row[Slot("channel")], row[Slot("plan")],
            row[Slot("country")], row[Slot("platform")], row[Slot("workspace_id")], traits);
    }

    public Subscription? ParseSubscription(MappedRow row, out string? error)
    {
        var id = row[Slot("subscription_id")];
        if (id is null) return Reject("missing subscription_id", out error);
        var userId = row[Slot("user_id")];
        if (userId is null) return Reject("missing user_id", out error);
        var plan = row[Slot("plan")];
        if (plan is null) return Reject("missing plan", out error);
        var status = row[Slot("status")]?.ToLowerInvariant();
        if (status == "canceled") status = "cancelled";
        if (status is null || !SubscriptionStatuses.All.Contains(status))
            return Reject($"status '{row[Slot("status")]}' is not one of {string.Join(", ", SubscriptionStatuses.All)}", out error);
        if (!TryTimestamp(row[Slot("start_at")], "start_at", out var start, out error)) return null;
        Timestamp? end = null;
        var endText = row[Slot("end_at")];
        if (endText is not null)
        {
            if (!TryTimestamp(endText, "end_at", out var value, out error)) return null;
            if (value < start) return Reject($"end_at {new Timestamp(value)} is before start_at {new Timestamp(start)}", out error);
            end = new Timestamp(value);
        }
        var mrrText = row[Slot("mrr")];
        if (mrrText is null) return Reject("missing mrr", out error);
        if (!decimal.TryParse(mrrText, NumberStyles.Number, CultureInfo.InvariantCulture, out var mrr) || mrr < 0)
            return Reject($"mrr '{mrrText}' is not a non-negative number", out error);
        var currency = row[Slot("currency")]?.ToUpperInvariant() ?? "USD";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            return Reject($"currency '{currency}' is not an ISO 4217 code", out error);
        error = null;
        return new Subscription(id, userId, plan, status, new Timestamp(start), end, mrr, currency);
    }

    public Assignment? ParseAssignment(MappedRow row, out string? error)
    {
        var experiment = row[Slot("experiment")];
        if (experiment is null) return Reject("missing experiment", out error);
        var userId = row[Slot("user_id")];
        if (userId is null) return Reject("missing user_id", out error);
        var variant = row[Slot("variant")];
        if (variant is null) return Reject("missing variant", out error);
        if (!TryTimestamp(row[Slot("assigned_at")], "assigned_at", out var assignedAt, out error)) return null;
        return new Assignment(experiment, userId, variant, new Timestamp(assignedAt));
    }

    private int Slot(string canonical) => _mapping.Slot(canonical);

    private bool TryTimestamp(string? text, string column, out long value, out string? error)
    {
        value = 0;
        if (text is null)
        {
            error = $"missing {column}";
            return false;
        }
        if (!TimestampParser.TryParse(text, _timeOptions, out value, out error))
        {
            error = $"{column}: {error}";
            return false;
        }
        if (value < EarliestTimestamp || value > _latestTimestamp)
        {
            error = $"{column} '{text}' is out of range (expected between 2000-01-01 and one day after the import time, {new Timestamp(_latestTimestamp)})";
            return false;
        }
        error = null;
        return true;
    }

    private static Rejected Reject(string reason, out string? error)
    {
        error = reason;
        return default;
    }

    /// <summary>Converts to a null record of any kind, so a rejection reads as one statement.</summary>
    private readonly struct Rejected
    {
        public static implicit operator EventRecord?(Rejected _) => null;

        public static implicit operator UserProfile?(Rejected _) => null;

        public static implicit operator Subscription?(Rejected _) => null;

        public static implicit operator Assignment?(Rejected _) => null;
    }

    /// <summary>A stable id for events whose source has none: SHA-256 of their content.</summary>
    private static string ContentId(string source, string? userId, string? anonymousId, string name, long timestamp, string properties)
    {
        var text = string.Join('\u001f', source, userId, anonymousId, name, timestamp.ToString(CultureInfo.InvariantCulture), properties);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return "sx-" + Convert.ToHexStringLower(hash[..16]);
    }
}
