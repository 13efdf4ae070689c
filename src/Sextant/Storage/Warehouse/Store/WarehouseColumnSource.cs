using System.Text;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// Reads one event column in <c>seq</c> order: a built-in column as stored, any other name as a
/// top-level key of the properties JSON, parsed by the same code as the embedded store's column source.
/// A store opened from its URL hands out a source that connects anew for each column, so the
/// EventTable can read properties after the store is closed, as the embedded store's source reopens its file.
/// </summary>
internal sealed class WarehouseColumnSource : IEventColumnSource
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "platform", "session_id", "workspace_id", "revenue", "source", "event_id" };

    private readonly Func<IWarehouse> _connect;
    private readonly bool _ownsConnections;

    /// <param name="connect">The connection to read through.</param>
    /// <param name="ownsConnections">True when each connection <paramref name="connect"/> gives is new and closed after its column.</param>
    public WarehouseColumnSource(Func<IWarehouse> connect, bool ownsConnections)
    {
        _connect = connect;
        _ownsConnections = ownsConnections;
    }

    public CodedColumn ReadColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var warehouse = _connect();
        try
        {
            return Read(warehouse, name);
        }
        finally
        {
            if (_ownsConnections) warehouse.Dispose();
        }
    }

    private static CodedColumn Read(IWarehouse warehouse, string name)
    {
        var values = new List<string?>();
        if (BuiltIn.Contains(name))
        {
            warehouse.Read($"SELECT {name} FROM sextant_events ORDER BY seq", row => values.Add(row.IsNull(0) ? null : row.GetString(0)));
        }
        else
        {
            var key = Encoding.UTF8.GetBytes(name);
            warehouse.Read("SELECT properties FROM sextant_events ORDER BY seq", row => values.Add(JsonText.TopLevelValue(Encoding.UTF8.GetBytes(row.GetString(0)), key)));
        }
        return CodedColumn.Encode(values);
    }
}
