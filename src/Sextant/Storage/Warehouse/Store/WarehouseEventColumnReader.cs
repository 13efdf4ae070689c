namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// Reads the identity, name and time columns of every event in <c>seq</c> order and codes them.
/// Codes follow first appearance in store order; profile users never seen on an event come after,
/// in code-point order. A gap or repeat in <c>seq</c> is damage, reported before any analysis runs.
/// </summary>
internal static class WarehouseEventColumnReader
{
    public static EventColumns Read(IWarehouse warehouse, IReadOnlyList<string> profileUserIds)
    {
        var users = new Coder();
        var anonymous = new Coder();
        var names = new Coder();
        var userCodes = new List<int>();
        var anonymousCodes = new List<int>();
        var eventCodes = new List<int>();
        var times = new List<long>();
        warehouse.Read("SELECT seq, user_id, anonymous_id, event, ts FROM sextant_events ORDER BY seq", row =>
        {
            var seq = row.GetInt64(0);
            if (seq != times.Count)
                throw new SextantException($"store '{warehouse.Location}' has event seq {seq} where {times.Count} was expected: the store is damaged — run 'sextant check'");
            userCodes.Add(row.IsNull(1) ? 0 : users.Code(row.GetString(1)));
            anonymousCodes.Add(row.IsNull(2) ? 0 : anonymous.Code(row.GetString(2)));
            eventCodes.Add(names.Code(row.GetString(3)));
            times.Add(row.GetInt64(4));
        });
        foreach (var id in profileUserIds) users.Code(id);
        return new EventColumns([.. userCodes], [.. anonymousCodes], [.. eventCodes], [.. times],
            users.Dictionary(), anonymous.Dictionary(), names.Dictionary());
    }

    /// <summary>Codes values from 1 in order of first appearance.</summary>
    private sealed class Coder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public int Code(string value)
        {
            if (_codes.TryGetValue(value, out var code)) return code;
            _values.Add(value);
            _codes.Add(value, _values.Count);
            return _values.Count;
        }

        public CodeDictionary Dictionary() => new(_values);
    }
}
