using System.Text.Json;
using Sextant.Analysis;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The names a warehouse store's data contain, asked of the database with small queries (and
/// each answer kept), so typed names are checked without loading the events into memory.
/// Profile attributes are the fixed profile columns plus every key of the stored traits, as the
/// in-memory table builds them; a property is known when an event's properties hold its key.
/// </summary>
public sealed class WarehouseNames(IWarehouse warehouse) : IStoredNames
{
    private readonly Lazy<HashSet<string>> _events = new(() => Strings(warehouse, "SELECT DISTINCT event FROM sextant_events"));
    private readonly Lazy<SortedSet<string>> _attributes = new(() => AttributesOf(warehouse));
    private readonly Dictionary<string, bool> _properties = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public bool HasNoEvents => EventNames.Count == 0;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> EventNames => _events.Value;

    /// <inheritdoc/>
    public IEnumerable<string> AttributeNames => _attributes.Value;

    /// <inheritdoc/>
    public bool HasEvent(string name) => _events.Value.Contains(name);

    /// <inheritdoc/>
    public bool HasAttribute(string name) => ProfileColumns.FixedColumns.Contains(name) || _attributes.Value.Contains(name);

    /// <inheritdoc/>
    public bool HasProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_properties.TryGetValue(name, out var known)) return known;
        var found = false;
        warehouse.Read(PropertyQuery(warehouse.Dialect, name), _ => found = true);
        _properties[name] = found;
        return found;
    }

    /// <summary>
    /// One row when an event's properties hold the key: a text search narrows the rows, then the
    /// dialect's JSON function confirms the key is a key (not a value that looks like one).
    /// </summary>
    private static string PropertyQuery(SqlDialect dialect, string name)
    {
        var quotedKey = SqlText.Literal(dialect, "%" + JsonSerializer.Serialize(name).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var key = SqlText.Literal(dialect, name);
        var confirm = dialect switch
        {
            SqlDialect.PostgreSql => $"jsonb_exists(properties::jsonb, {key})",
            SqlDialect.ClickHouse => $"visitParamHas(properties, {key})",
            _ => $"json_extract(properties, {SqlText.Literal(dialect, "$." + JsonSerializer.Serialize(name))}) IS NOT NULL",
        };
        var like = dialect == SqlDialect.ClickHouse ? $"properties LIKE {quotedKey}" : $"properties LIKE {quotedKey} ESCAPE '\\'";
        return $"SELECT 1 FROM sextant_events WHERE {like} AND {confirm} LIMIT 1";
    }

    private static SortedSet<string> AttributesOf(IWarehouse warehouse)
    {
        var names = new SortedSet<string>(ProfileColumns.FixedColumns, StringComparer.Ordinal);
        warehouse.Read("SELECT traits FROM sextant_users_current WHERE traits <> '{}' AND traits <> ''", row =>
        {
            using var document = JsonDocument.Parse(row.GetString(0));
            foreach (var property in document.RootElement.EnumerateObject()) names.Add(property.Name);
        });
        return names;
    }

    private static HashSet<string> Strings(IWarehouse warehouse, string sql)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        warehouse.Read(sql, row => values.Add(row.GetString(0)));
        return values;
    }
}
