using System.Text.Json;
using Sextant.Events;
using Sextant.Ingest.Mapping;
using Sextant.Privacy;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Checks drafts with the rules every row follows (<see cref="RecordParser"/>): a draft is put
/// into the canonical columns of its kind and parsed like a canonical JSON-lines row.
/// </summary>
internal sealed class VendorRecordParser
{
    private static readonly Dictionary<string, string> NoMap = [];
    private readonly ColumnMapping _eventColumns = ColumnMapping.Create(RecordKind.Events, CanonicalColumns.Events, NoMap, "");
    private readonly ColumnMapping _userColumns = ColumnMapping.Create(RecordKind.Users, CanonicalColumns.Users, NoMap, "");
    private readonly MappedRow _eventRow = new(CanonicalColumns.Events.Count);
    private readonly MappedRow _userRow = new(CanonicalColumns.Users.Count);
    private readonly RecordParser _events;
    private readonly RecordParser _users;
    private readonly string _source;

    public VendorRecordParser(string source, TimestampParseOptions timeOptions, DateTimeOffset importTime, StrictDecimal money, RecordPrivacy? privacy = null)
    {
        _source = source;
        _events = new RecordParser(_eventColumns, timeOptions, importTime, source, money, privacy);
        _users = new RecordParser(_userColumns, timeOptions, importTime, source, money, privacy);
    }

    /// <summary>An <see cref="EventRecord"/> or <see cref="UserProfile"/>, or null with the reason.</summary>
    public object? Parse(object draft, out string? error) => draft switch
    {
        EventDraft e => ParseEvent(e, out error),
        ProfileDraft p => ParseProfile(p, out error),
        _ => throw new ArgumentException($"not a draft: {draft.GetType().Name}", nameof(draft)),
    };

    private EventRecord? ParseEvent(EventDraft draft, out string? error)
    {
        var row = _eventRow;
        row.Clear();
        Set(row, _eventColumns, "event_id", draft.EventId);
        Set(row, _eventColumns, "user_id", draft.UserId);
        Set(row, _eventColumns, "anonymous_id", draft.AnonymousId);
        Set(row, _eventColumns, "event", draft.Event);
        Set(row, _eventColumns, "timestamp", draft.Timestamp);
        Set(row, _eventColumns, "platform", draft.Platform);
        Set(row, _eventColumns, "session_id", draft.SessionId);
        Set(row, _eventColumns, "workspace_id", draft.WorkspaceId);
        if (draft.Revenue is not null) row.Set(_eventColumns.Slot("revenue"), draft.Revenue, isNumber: true);
        if (draft.Properties.Count > 0) row.Set(_eventColumns.Slot("properties"), draft.Properties.ToJsonString(Compact), isJson: true);
        Set(row, _eventColumns, "source", _source);
        return _events.ParseEvent(row, out error);
    }

    private UserProfile? ParseProfile(ProfileDraft draft, out string? error)
    {
        var row = _userRow;
        row.Clear();
        Set(row, _userColumns, "user_id", draft.UserId);
        Set(row, _userColumns, "signup_at", draft.SignupAt);
        Set(row, _userColumns, "segment", draft.Segment);
        Set(row, _userColumns, "channel", draft.Channel);
        Set(row, _userColumns, "plan", draft.Plan);
        Set(row, _userColumns, "country", draft.Country);
        Set(row, _userColumns, "platform", draft.Platform);
        Set(row, _userColumns, "workspace_id", draft.WorkspaceId);
        if (draft.Traits.Count > 0) row.Set(_userColumns.Slot("traits"), draft.Traits.ToJsonString(Compact), isJson: true);
        return _users.ParseUser(row, out error);
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Set(MappedRow row, ColumnMapping columns, string column, string? text) => row.Set(columns.Slot(column), text);
}
