using Sextant.Events;

namespace Sextant.Server.Audit;

/// <summary>
/// One audited request: when, by which key, what route, and how it ended, with row counts for
/// ingests — never the key, the body or the query string (docs/SERVER.md, Audit log).
/// </summary>
/// <param name="At">When the request ended.</param>
/// <param name="KeyName">The key's name, <c>(none)</c> without a key, <c>(invalid)</c> for a key that matched none.</param>
/// <param name="Method">GET, POST, DELETE.</param>
/// <param name="Route">The route pattern (<c>/api/v1/keys/{name}</c>), not the path, so no value typed into it is kept.</param>
/// <param name="Status">The HTTP status sent.</param>
/// <param name="Outcome">ok, denied (401/403), limited (429), rejected (4xx) or failed (5xx).</param>
/// <param name="RowsReceived">Rows sent in an ingest, else 0.</param>
/// <param name="RowsInserted">Rows stored as new.</param>
/// <param name="RowsDuplicate">Rows already stored (same event id).</param>
/// <param name="RowsQuarantined">Rows refused and kept in quarantine.</param>
public sealed record AuditEntry(Timestamp At, string KeyName, string Method, string Route, int Status, string Outcome,
    long RowsReceived = 0, long RowsInserted = 0, long RowsDuplicate = 0, long RowsQuarantined = 0)
{
    /// <summary>The outcome word for a status code.</summary>
    public static string OutcomeOf(int status) => status switch
    {
        401 or 403 => "denied",
        429 => "limited",
        >= 500 => "failed",
        >= 400 => "rejected",
        _ => "ok",
    };
}
