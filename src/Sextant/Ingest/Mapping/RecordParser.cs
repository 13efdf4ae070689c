using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sextant.Events;
using Sextant.Privacy;

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
    private readonly TimestampParseOptions _timeOptions;
    private readonly long _latestTimestamp;
    private readonly string _defaultSource;
    private readonly PropertiesJson _properties = new();
    private readonly Slots _slot;

    private readonly StrictDecimal _money;
    private readonly RecordPrivacy? _privacy;

    // privacy pseudonymises ids and scrubs properties before the content id is computed
    // (docs/PRIVACY.md); null leaves them as read.
    public RecordParser(ColumnMapping mapping, TimestampParseOptions timeOptions, DateTimeOffset importTime, string defaultSource, StrictDecimal? money = null, RecordPrivacy? privacy = null)
    {
        _privacy = privacy;
        _money = money ?? new StrictDecimal(decimalComma: false, thousandsSeparator: null);
        _timeOptions = timeOptions;
        _latestTimestamp = Timestamp.FromDateTimeOffset(importTime.AddDays(1)).UnixMicroseconds;
        _defaultSource = defaultSource;
        _slot = new Slots(mapping);
    }


    public EventRecord? ParseEvent(MappedRow row, out string? error)
    {
        var userId = PrivateId(row[_slot.UserId]);
        var anonymousId = PrivateId(row[_slot.AnonymousId]);
        if (userId is null && anonymousId is null) return Reject("missing both user_id and anonymous_id", out error);

        var name = row[_slot.Event];
        if (name is null) return Reject("empty event name", out error);
        // Characters are Unicode scalar values: an emoji is one character, not two UTF-16 units.
        if (name.Length > MaxEventNameLength && CharacterCount(name) is var characters && characters > MaxEventNameLength)
            return Reject($"event name longer than {MaxEventNameLength} characters ({characters})", out error);

        if (!TryTimestamp(TimeText(row, _slot.Timestamp), "timestamp", out var timestamp, out error)) return null;

        decimal? revenue = null;
        var revenueText = row[_slot.Revenue];
        if (revenueText is not null)
        {
            if (!_money.TryParse(revenueText, row.IsNumber(_slot.Revenue), out var value))
                return Reject($"revenue '{revenueText}' is not a number ({_money.Expected})", out error);
            revenue = value;
        }

        var properties = _properties.Build(row[_slot.Properties], row.Extras, out error);
        if (error is not null) return null;
        properties = PrivateProperties(properties);

        var source = row[_slot.Source] ?? _defaultSource;
        var eventId = row[_slot.EventId] ?? ContentId(source, userId, anonymousId, name, timestamp, properties);
        return new EventRecord(eventId, userId, anonymousId, name, new Timestamp(timestamp), row[_slot.Platform],
            row[_slot.SessionId], row[_slot.WorkspaceId], revenue, properties, source);
    }

    public UserProfile? ParseUser(MappedRow row, out string? error)
    {
        var userId = PrivateId(row[_slot.UserId]);
        if (userId is null) return Reject("missing user_id", out error);
        Timestamp? signup = null;
        var signupText = TimeText(row, _slot.SignupAt);
        if (signupText is not null)
        {
            if (!TryTimestamp(signupText, "signup_at", out var value, out error)) return null;
            signup = new Timestamp(value);
        }
        var traits = _properties.Build(row[_slot.Traits], row.Extras, out error);
        if (error is not null) return null;
        traits = PrivateProperties(traits);
        return new UserProfile(userId, signup, row[_slot.Segment], row[_slot.Channel], row[_slot.Plan],
            row[_slot.Country], row[_slot.Platform], row[_slot.WorkspaceId], traits);
    }

    public Subscription? ParseSubscription(MappedRow row, out string? error)
    {
        var id = row[_slot.SubscriptionId];
        if (id is null) return Reject("missing subscription_id", out error);
        var userId = PrivateId(row[_slot.UserId]);
        if (userId is null) return Reject("missing user_id", out error);
        var plan = row[_slot.Plan];
        if (plan is null) return Reject("missing plan", out error);
        var status = row[_slot.Status]?.ToLowerInvariant();
        if (status == "canceled") status = "cancelled";
        if (status is null || !SubscriptionStatuses.All.Contains(status))
            return Reject($"status '{row[_slot.Status]}' is not one of {string.Join(", ", SubscriptionStatuses.All)}", out error);
        if (!TryTimestamp(TimeText(row, _slot.StartAt), "start_at", out var start, out error)) return null;
        Timestamp? end = null;
        var endText = TimeText(row, _slot.EndAt);
        if (endText is not null)
        {
            if (!TryTimestamp(endText, "end_at", out var value, out error)) return null;
            if (value < start) return Reject($"end_at {new Timestamp(value)} is before start_at {new Timestamp(start)}", out error);
            end = new Timestamp(value);
        }
        var mrrText = row[_slot.Mrr];
        if (mrrText is null) return Reject("missing mrr", out error);
        if (!_money.TryParse(mrrText, row.IsNumber(_slot.Mrr), out var mrr) || mrr < 0)
            return Reject($"mrr '{mrrText}' is not a non-negative number ({_money.Expected})", out error);
        var currency = row[_slot.Currency]?.ToUpperInvariant() ?? "USD";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            return Reject($"currency '{currency}' is not an ISO 4217 code", out error);
        error = null;
        return new Subscription(id, userId, plan, status, new Timestamp(start), end, mrr, currency);
    }

    public Assignment? ParseAssignment(MappedRow row, out string? error)
    {
        var experiment = row[_slot.Experiment];
        if (experiment is null) return Reject("missing experiment", out error);
        var userId = PrivateId(row[_slot.UserId]);
        if (userId is null) return Reject("missing user_id", out error);
        var variant = row[_slot.Variant];
        if (variant is null) return Reject("missing variant", out error);
        if (!TryTimestamp(TimeText(row, _slot.AssignedAt), "assigned_at", out var assignedAt, out error)) return null;
        return new Assignment(experiment, userId, variant, new Timestamp(assignedAt));
    }

    // Privacy is applied before anything is derived from an id or a property (the content id,
    // exposure assignments), so nothing stored carries the raw value.
    private string? PrivateId(string? id) => _privacy is null ? id : _privacy.Id(id);

    private string PrivateProperties(string json) => _privacy is null ? json : _privacy.Properties(json);

    /// <summary>
    /// A slot's text for timestamp parsing. A JSON number with an exponent (1.741e9, as float
    /// writers print large numbers) is the same number as its plain form, so it is read as one;
    /// CSV text keeps its exponent and is refused, since a spreadsheet's 1.741E+09 has lost digits.
    /// </summary>
    private static string? TimeText(MappedRow row, int slot)
    {
        var text = row[slot];
        if (text is null || !row.IsNumber(slot) || text.AsSpan().IndexOfAny('e', 'E') < 0) return text;
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : text;
    }

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

    private static int CharacterCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
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

    /// <summary>Slot numbers of the canonical columns, looked up once per file (−1 when the kind has no such column).</summary>
    private sealed class Slots(ColumnMapping mapping)
    {
        public int AnonymousId { get; } = Find(mapping, "anonymous_id");
        public int AssignedAt { get; } = Find(mapping, "assigned_at");
        public int Channel { get; } = Find(mapping, "channel");
        public int Country { get; } = Find(mapping, "country");
        public int Currency { get; } = Find(mapping, "currency");
        public int EndAt { get; } = Find(mapping, "end_at");
        public int Event { get; } = Find(mapping, "event");
        public int EventId { get; } = Find(mapping, "event_id");
        public int Experiment { get; } = Find(mapping, "experiment");
        public int Mrr { get; } = Find(mapping, "mrr");
        public int Plan { get; } = Find(mapping, "plan");
        public int Platform { get; } = Find(mapping, "platform");
        public int Properties { get; } = Find(mapping, "properties");
        public int Revenue { get; } = Find(mapping, "revenue");
        public int Segment { get; } = Find(mapping, "segment");
        public int SessionId { get; } = Find(mapping, "session_id");
        public int SignupAt { get; } = Find(mapping, "signup_at");
        public int Source { get; } = Find(mapping, "source");
        public int StartAt { get; } = Find(mapping, "start_at");
        public int Status { get; } = Find(mapping, "status");
        public int SubscriptionId { get; } = Find(mapping, "subscription_id");
        public int Timestamp { get; } = Find(mapping, "timestamp");
        public int Traits { get; } = Find(mapping, "traits");
        public int UserId { get; } = Find(mapping, "user_id");
        public int Variant { get; } = Find(mapping, "variant");
        public int WorkspaceId { get; } = Find(mapping, "workspace_id");

        private static int Find(ColumnMapping mapping, string name) => mapping.Columns.Contains(name) ? mapping.Slot(name) : -1;
    }
}
