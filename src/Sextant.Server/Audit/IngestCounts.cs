using Microsoft.AspNetCore.Http;

namespace Sextant.Server.Audit;

/// <summary>The row counts of an ingest request, handed from the endpoint to the audit log.</summary>
/// <param name="Received">Rows in the body.</param>
/// <param name="Inserted">Stored as new.</param>
/// <param name="Duplicate">Already stored (same event id).</param>
/// <param name="Quarantined">Refused and kept in quarantine.</param>
public sealed record IngestCounts(long Received, long Inserted, long Duplicate, long Quarantined)
{
    private const string ItemKey = "sextant.ingest_counts";

    /// <summary>No rows.</summary>
    public static IngestCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>The counts an endpoint recorded on the request, or <see cref="None"/>.</summary>
    public static IngestCounts Of(HttpContext context) => context?.Items[ItemKey] as IngestCounts ?? None;

    /// <summary>Records the counts on the request for the audit log.</summary>
    public void Attach(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = this;
    }
}
