namespace Sextant.Analysis.DataTests;

/// <summary>One column a data test can read: its name, type and the value of each row (read on demand).</summary>
internal sealed class TestColumn(string name, DataType type, Func<int, DataValue> read)
{
    /// <summary>The column's name as tests write it.</summary>
    public string Name { get; } = name;

    /// <summary>The type of every non-null value.</summary>
    public DataType Type { get; } = type;

    /// <summary>The value of row <paramref name="row"/>.</summary>
    public DataValue this[int row] => read(row);
}

/// <summary>
/// A table data tests run on, columnar: a canonical table read through the store port, or a
/// result table. Columns are built on first use, so a test on one column of the events reads
/// only that column.
/// </summary>
internal sealed class TestTable
{
    private readonly Dictionary<string, Func<TestColumn>> _columns;
    private readonly Func<string, TestColumn?>? _dynamic;
    private readonly Dictionary<string, TestColumn> _built = new(StringComparer.Ordinal);
    private readonly Lazy<int> _rowCount;

    /// <param name="name">The table's name (events, users, a result table …).</param>
    /// <param name="rowCount">Counts the rows (called once, on first use).</param>
    /// <param name="columns">The fixed columns, in order, each built on first use.</param>
    /// <param name="timeColumn">The column freshness and recency read by default, if the table has one.</param>
    /// <param name="dynamic">Resolves names beyond the fixed columns (properties.X, traits.X), or null.</param>
    /// <param name="dynamicHint">Says which extra names <paramref name="dynamic"/> accepts, for messages.</param>
    public TestTable(string name, Func<int> rowCount, IReadOnlyList<(string Name, Func<TestColumn> Build)> columns,
        string? timeColumn = null, Func<string, TestColumn?>? dynamic = null, string? dynamicHint = null)
    {
        Name = name;
        _rowCount = new Lazy<int>(rowCount);
        _columns = new Dictionary<string, Func<TestColumn>>(StringComparer.Ordinal);
        foreach (var (columnName, build) in columns) _columns[columnName] = build;
        ColumnNames = [.. columns.Select(c => c.Name)];
        TimeColumn = timeColumn;
        _dynamic = dynamic;
        DynamicHint = dynamicHint;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The fixed columns' names, in order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The default column of freshness and recency; null when the table has none.</summary>
    public string? TimeColumn { get; }

    /// <summary>Extra names the table accepts (e.g. "properties.KEY"), for messages; null when none.</summary>
    public string? DynamicHint { get; }

    /// <summary>How many rows the table has.</summary>
    public int RowCount => _rowCount.Value;

    /// <summary>The column of that name, or null when the table has none.</summary>
    public TestColumn? Find(string name)
    {
        if (_built.TryGetValue(name, out var column)) return column;
        if (_columns.TryGetValue(name, out var build)) column = build();
        else column = _dynamic?.Invoke(name);
        if (column is not null) _built[name] = column;
        return column;
    }

    /// <summary>The column of that name.</summary>
    /// <exception cref="SextantException">The table has no such column; the message lists those it has.</exception>
    public TestColumn Column(string name, string context) =>
        Find(name) ?? throw new SextantException($"{context}: table '{Name}' has no column '{name}' (columns: {Describe()})");

    /// <summary>The columns for messages: the fixed ones, then the hint.</summary>
    public string Describe() => string.Join(", ", ColumnNames) + (DynamicHint is null ? "" : ", " + DynamicHint);
}
