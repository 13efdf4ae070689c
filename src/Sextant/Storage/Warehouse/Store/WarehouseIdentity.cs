using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The identity links as ingested (<c>sextant_identity_links</c>) and the resolution materialised
/// from them (<c>sextant_identity</c>), rewritten whole by <see cref="IdentityResolution"/>, the
/// rule the in-memory engine resolves with.
/// </summary>
internal static class WarehouseIdentity
{
    public const string LinksTable = "sextant_identity_links";

    public static readonly IReadOnlyList<string> LinkColumns = ["anonymous_id", "user_id", "first_seen"];

    /// <summary>Each distinct pair with its earliest instant, earliest first (so the earliest-link rule meets them in time order).</summary>
    public static List<IdentityLink> ReadLinks(IWarehouse warehouse)
    {
        var links = new List<IdentityLink>();
        warehouse.Read($"SELECT anonymous_id, user_id, min(first_seen) FROM {LinksTable} GROUP BY anonymous_id, user_id", row =>
            links.Add(new IdentityLink(row.GetString(0), row.GetString(1), new Timestamp(row.GetInt64(2)))));
        links.Sort((a, b) => a.FirstSeen.UnixMicroseconds != b.FirstSeen.UnixMicroseconds
            ? a.FirstSeen.UnixMicroseconds.CompareTo(b.FirstSeen.UnixMicroseconds)
            : UserDirectory.CompareCodePoints(a.AnonymousId + "\0" + a.UserId, b.AnonymousId + "\0" + b.UserId));
        return links;
    }

    /// <summary>Replaces <c>sextant_identity</c> with the resolution of every stored link.</summary>
    public static void Rewrite(IWarehouse warehouse)
    {
        var rows = IdentityResolution.UsersOf(ReadLinks(warehouse))
            .Select(pair => new object?[] { pair.Key, pair.Value })
            .ToList();
        string[] columns = ["anonymous_id", "user_id"];
        if (warehouse.Dialect != SqlDialect.ClickHouse)
        {
            warehouse.InTransaction(() =>
            {
                warehouse.Execute("DELETE FROM sextant_identity");
                if (rows.Count > 0) warehouse.Insert("sextant_identity", columns, rows);
            });
            return;
        }
        // ClickHouse deletes nothing in place: the new resolution is built beside the table and swapped in by one RENAME.
        warehouse.Execute("DROP TABLE IF EXISTS sextant_identity_next");
        warehouse.Execute("CREATE TABLE sextant_identity_next AS sextant_identity");
        if (rows.Count > 0) warehouse.Insert("sextant_identity_next", columns, rows);
        warehouse.Execute("DROP TABLE IF EXISTS sextant_identity_old");
        warehouse.Execute("RENAME TABLE sextant_identity TO sextant_identity_old, sextant_identity_next TO sextant_identity");
        warehouse.Execute("DROP TABLE sextant_identity_old");
    }
}
