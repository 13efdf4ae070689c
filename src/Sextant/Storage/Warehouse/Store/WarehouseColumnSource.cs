using System.Text;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// Reads one event column in <c>seq</c> order: a built-in column as stored, any other name as a
/// top-level key of the properties JSON, parsed by the same code as the embedded store's column source.
/// </summary>
internal sealed class WarehouseColumnSource : IEventColumnSource
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "platform", "session_id", "workspace_id", "revenue", "source", "event_id" };

    private readonly IWarehouse _warehouse;

    public WarehouseColumnSource(IWarehouse warehouse) => _warehouse = warehouse;

    public CodedColumn ReadColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var values = new List<string?>();
        if (BuiltIn.Contains(name))
        {
            _warehouse.Read($"SELECT {name} FROM sextant_events ORDER BY seq", row => values.Add(row.IsNull(0) ? null : row.GetString(0)));
        }
        else
        {
            var key = Encoding.UTF8.GetBytes(name);
            _warehouse.Read("SELECT properties FROM sextant_events ORDER BY seq", row => values.Add(JsonText.TopLevelValue(Encoding.UTF8.GetBytes(row.GetString(0)), key)));
        }
        return CodedColumn.Encode(values);
    }
}
