using System.Text.Json;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// One analytics tool's export format: how to tell its rows and how each becomes canonical
/// records (docs/CONNECTORS.md has the field table of each).
/// </summary>
internal interface IVendorFormat
{
    /// <summary>The name on the command line and in the events' source column: mixpanel, amplitude, ga4, segment, posthog.</summary>
    string Name { get; }

    /// <summary>True when an item looks like this tool's export and no other's (auto-detection reads the first item).</summary>
    bool Recognises(JsonElement item);

    /// <summary>The items one read item holds: itself, or the messages of a batch payload.</summary>
    IEnumerable<JsonElement> Expand(JsonElement item) => [item];

    /// <summary>Translates one item into drafts.</summary>
    /// <returns>Null, or why the item cannot be used (it goes to quarantine whole).</returns>
    string? Translate(JsonElement item, VendorDrafts output);
}
