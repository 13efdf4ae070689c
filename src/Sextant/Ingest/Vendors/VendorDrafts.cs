using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// An event as a vendor translator reads it, before validation: canonical fields as text, the
/// way a canonical JSON-lines row would carry them. <see cref="VendorRecordParser"/> checks it with
/// the same rules as any other row (DATA_MODEL.md), so a vendor row is never trusted more.
/// </summary>
internal sealed class EventDraft
{
    /// <summary>The vendor's dedup id made into ours (see <see cref="VendorEventIds"/>); null hashes the content.</summary>
    public string? EventId { get; set; }

    public string? UserId { get; set; }

    public string? AnonymousId { get; set; }

    public string? Event { get; set; }

    /// <summary>ISO-8601 text with an offset, or epoch digits; <see cref="VendorTime"/> writes it.</summary>
    public string? Timestamp { get; set; }

    public string? Platform { get; set; }

    public string? SessionId { get; set; }

    public string? WorkspaceId { get; set; }

    /// <summary>The money on the event as a JSON number's text (a '.' decimal point).</summary>
    public string? Revenue { get; set; }

    /// <summary>Everything else on the event.</summary>
    public JsonObject Properties { get; } = [];
}

/// <summary>A profile update read from a vendor row (traits, $set, user_properties); present values replace stored ones.</summary>
internal sealed class ProfileDraft
{
    public string? UserId { get; set; }

    public string? SignupAt { get; set; }

    public string? Segment { get; set; }

    public string? Channel { get; set; }

    public string? Plan { get; set; }

    public string? Country { get; set; }

    public string? Platform { get; set; }

    public string? WorkspaceId { get; set; }

    /// <summary>Any other profile property.</summary>
    public JsonObject Traits { get; } = [];

    /// <summary>
    /// Puts a tool's user property where it belongs: a text value under a profile column's name
    /// fills that column (the platform as <paramref name="platformOf"/> names it), anything else
    /// is a trait.
    /// </summary>
    public void Set(string name, JsonElement value, Func<string, string?> platformOf)
    {
        var text = VendorJson.Text(value);
        switch (name)
        {
            case "plan" when text is not null: Plan = text; break;
            case "segment" when text is not null: Segment = text; break;
            case "channel" when text is not null: Channel = text; break;
            case "country" when text is not null: Country = text; break;
            case "platform" when text is not null: Platform = platformOf(text); break;
            case "workspace_id" when text is not null: WorkspaceId = text; break;
            case "signup_at" when text is not null: SignupAt = text; break;
            default: Traits[name] = VendorJson.Node(value); break;
        }
    }
}

/// <summary>What one vendor item became: events and profile updates, in the order they apply.</summary>
internal sealed class VendorDrafts
{
    public List<object> Records { get; } = [];

    public EventDraft AddEvent()
    {
        var draft = new EventDraft();
        Records.Add(draft);
        return draft;
    }

    public ProfileDraft AddProfile()
    {
        var draft = new ProfileDraft();
        Records.Add(draft);
        return draft;
    }

    public void Clear() => Records.Clear();
}
