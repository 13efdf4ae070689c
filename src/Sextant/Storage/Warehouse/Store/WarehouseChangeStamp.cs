using System.IO.Hashing;
using System.Text;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The warehouse store's change stamp. Every table the EventTable is built from is only appended
/// to (a changed profile is a new version row), so row counts and the largest <c>seq</c> and
/// versions change with every committed write; the ingest log's latest rows tie the stamp to the
/// runs that wrote it. The events themselves are never read.
/// </summary>
internal static class WarehouseChangeStamp
{
    private static readonly string[] Queries =
    [
        "SELECT count(*), coalesce(max(seq), -1), coalesce(min(ts), 0), coalesce(max(ts), 0) FROM sextant_events",
        "SELECT count(*), coalesce(max(version), 0) FROM sextant_users",
        "SELECT count(*), coalesce(max(version), 0) FROM sextant_subscriptions",
        "SELECT count(*), coalesce(min(assigned_at), 0) FROM sextant_assignments",
        "SELECT count(*), coalesce(max(first_seen), 0) FROM sextant_identity_links",
    ];

    public static string Read(IWarehouse warehouse)
    {
        var text = new StringBuilder();
        foreach (var query in Queries)
        {
            warehouse.Read(query, row =>
            {
                for (var column = 0; column < row.FieldCount; column++) text.Append(row.IsNull(column) ? "" : row.GetString(column)).Append(',');
            });
            text.Append('|');
        }
        foreach (var run in WarehouseIngestLog.ReadAll(warehouse)) text.Append(run).Append(';');
        return Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
