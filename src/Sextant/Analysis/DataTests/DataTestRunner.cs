using System.Globalization;
using Sextant.Analysis.Checks;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports.Tables;

namespace Sextant.Analysis.DataTests;

/// <summary>What data tests need besides the tables.</summary>
/// <param name="TimeZone">The project time zone: date literals ('2024-01-31') and date() are read in it.</param>
/// <param name="Now">The instant "now" stands for in freshness, recency and now() (the clock, or check --as-of).</param>
/// <param name="FailuresDirectory">Where tests with store_failures write &lt;name&gt;.csv; null when no test stores failures.</param>
public sealed record DataTestSettings(TimeZoneInfo TimeZone, DateTimeOffset Now, string? FailuresDirectory);

/// <summary>
/// Runs the tests declared in sextant.yaml (<c>tests:</c>) on canonical and result tables. Each
/// test gives one <see cref="CheckOutcome"/> under its name, as the built-in checks do: pass, or
/// fail (warn with <c>severity: warn</c>) with the number of failing rows. docs/TESTS.md defines
/// each kind.
/// </summary>
public static class DataTestRunner
{
    /// <summary>Runs <paramref name="tests"/> on the store's tables; result tables come from <paramref name="results"/>, computed only if a test names one.</summary>
    /// <exception cref="SextantException">A test names an unknown table or column, or its expression does not fit the table's columns.</exception>
    public static IReadOnlyList<CheckOutcome> Run(IReadOnlyList<DataTestConfig> tests, Storage.IEventStore store,
        Func<IReadOnlyList<ResultTable>> results, DataTestSettings settings) => Run(tests, store, readColumns: null, results, settings);

    /// <summary>
    /// Runs <paramref name="tests"/> on the store's tables; the events table takes its columns from
    /// <paramref name="readColumns"/> (the columns the built-in checks read, say), called only if a
    /// test names the events table (null reads them from the store). Result tables come from
    /// <paramref name="results"/>, computed only if a test names one.
    /// </summary>
    /// <exception cref="SextantException">A test names an unknown table or column, or its expression does not fit the table's columns.</exception>
    public static IReadOnlyList<CheckOutcome> Run(IReadOnlyList<DataTestConfig> tests, Storage.IEventStore store,
        Func<Storage.EventColumns>? readColumns, Func<IReadOnlyList<ResultTable>> results, DataTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Run(tests, TestTables.Of(store, readColumns, results), settings);
    }

    /// <summary>Runs <paramref name="tests"/> on the given tables.</summary>
    /// <exception cref="SextantException">A test names an unknown table or column, or its expression does not fit the table's columns.</exception>
    internal static IReadOnlyList<CheckOutcome> Run(IReadOnlyList<DataTestConfig> tests, TestTables tables, DataTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(settings);
        var now = Timestamp.FromDateTimeOffset(settings.Now).UnixMicroseconds;
        var outcomes = new List<CheckOutcome>(tests.Count);
        foreach (var test in tests) outcomes.Add(new TestRun(test, tables, settings, now).Run());
        return outcomes;
    }

    private sealed class TestRun(DataTestConfig test, TestTables tables, DataTestSettings settings, long now)
    {
        private readonly TestTable _table = tables.Get(test.Table, test.Context);

        public CheckOutcome Run()
        {
            var rows = SelectedRows();
            return test.Test switch
            {
                "not_null" => Rows(rows, Column(), (value, _) => value.IsNull, $"{Subject} is never null", $"have no {test.Column}"),
                "unique" => Unique(rows),
                "accepted_values" => AcceptedValues(rows),
                "relationships" => Relationships(rows),
                "accepted_range" => AcceptedRange(rows),
                "expression" => Expression(rows),
                "row_count" => RowCount(rows),
                "freshness" => Freshness(rows),
                _ => Recency(rows),
            };
        }

        private string Subject => $"{test.Table}.{test.Column}";

        private string Where => test.Where is null ? "" : $" where {test.Where}";

        private TestColumn Column() => _table.Column(test.Column!, test.Context);

        /// <summary>The rows the where condition keeps (true, not false or null), or every row (no array is made for them).</summary>
        private IReadOnlyList<int> SelectedRows()
        {
            var count = _table.RowCount;
            if (test.Where is null) return new AllRows(count);
            var condition = Condition(test.Where, "where");
            var kept = new List<int>();
            for (var row = 0; row < count; row++)
                if (condition(row) == true) kept.Add(row);
            return [.. kept];
        }

        /// <summary>Rows 0 .. count − 1 as a list, without storing them.</summary>
        private sealed class AllRows(int count) : IReadOnlyList<int>
        {
            public int this[int index] => index;

            public int Count => count;

            public IEnumerator<int> GetEnumerator()
            {
                for (var row = 0; row < count; row++) yield return row;
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private Func<int, bool?> Condition(string text, string key)
        {
            try
            {
                return ExpressionCompiler.CompileCondition(ExpressionParser.Parse(text), _table, settings.TimeZone, now);
            }
            catch (SextantException e)
            {
                throw new SextantException($"{test.Context}: {key}: {e.Message}");
            }
        }

        private CheckOutcome Rows(IReadOnlyList<int> rows, TestColumn column, Func<DataValue, int, bool> fails, string rule, string problem)
        {
            var failing = new List<int>();
            foreach (var row in rows)
                if (fails(column[row], row)) failing.Add(row);
            return Outcome(failing.Count, rule + Where, $"{Plural(failing.Count)} of {test.Table}{Where} {problem}", () => FailingRows(failing, column));
        }

        private CheckOutcome Unique(IReadOnlyList<int> rows)
        {
            var column = Column();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
                if (column[row].AsText() is { } text) counts[text] = counts.GetValueOrDefault(text) + 1;
            var repeated = counts.Count(pair => pair.Value > 1);
            return Rows(rows, column, (value, _) => value.AsText() is { } text && counts[text] > 1,
                $"no two rows share a {test.Column} (nulls are not duplicates)", $"share a {test.Column} with another row ({repeated} repeated values)");
        }

        private CheckOutcome AcceptedValues(IReadOnlyList<int> rows)
        {
            var accepted = new HashSet<string>(test.Values, StringComparer.Ordinal);
            var list = string.Join(", ", test.Values);
            return Rows(rows, Column(), (value, _) => value.AsText() is { } text && !accepted.Contains(text),
                $"{Subject} is one of: {list}", $"have a {test.Column} outside: {list}");
        }

        private CheckOutcome Relationships(IReadOnlyList<int> rows)
        {
            var parent = tables.Get(test.To!, test.Context);
            var field = parent.Column(test.Field!, test.Context);
            var known = new HashSet<string>(StringComparer.Ordinal);
            for (var row = 0; row < parent.RowCount; row++)
                if (field[row].AsText() is { } text) known.Add(text);
            return Rows(rows, Column(), (value, _) => value.AsText() is { } text && !known.Contains(text),
                $"every {Subject} appears in {test.To}.{test.Field}", $"have a {test.Column} that is not in {test.To}.{test.Field}");
        }

        private CheckOutcome AcceptedRange(IReadOnlyList<int> rows)
        {
            var column = Column();
            var conditions = new List<Func<int, bool?>>();
            var parts = new List<string>();
            var strict = !test.Inclusive;
            if (test.MinValue is { } min)
            {
                conditions.Add(Bound(column, strict ? ">" : ">=", min));
                parts.Add($"{(strict ? ">" : ">=")} {min}");
            }
            if (test.MaxValue is { } max)
            {
                conditions.Add(Bound(column, strict ? "<" : "<=", max));
                parts.Add($"{(strict ? "<" : "<=")} {max}");
            }
            var range = string.Join(" and ", parts);
            return Rows(rows, column, (_, row) => conditions.Any(condition => condition(row) == false),
                $"{Subject} is {range} (nulls pass)", $"have a {test.Column} that is not {range}");
        }

        private Func<int, bool?> Bound(TestColumn column, string op, string bound)
        {
            var literal = double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? DataValue.OfNumber(number)
                : DataValue.OfText(bound);
            try
            {
                return ExpressionCompiler.CompileCondition(new BinaryNode(op, new ColumnNode(column.Name, 1), new LiteralNode(literal, 1), 1), _table, settings.TimeZone, now);
            }
            catch (SextantException)
            {
                throw new SextantException($"{test.Context}: the bound '{bound}' does not fit {Subject}, which holds {ExpressionCompiler.Name(column.Type)}");
            }
        }

        private CheckOutcome Expression(IReadOnlyList<int> rows)
        {
            var text = test.Column is null ? test.Expression! : $"{test.Column} {test.Expression}";
            var condition = Condition(text, "expression");
            var failing = new List<int>();
            foreach (var row in rows)
                if (condition(row) != true) failing.Add(row);
            return Outcome(failing.Count, $"every row of {test.Table}{Where} meets: {text}",
                $"{Plural(failing.Count)} of {test.Table}{Where} do not meet: {text} (false or null)", () => FailingRows(failing, null));
        }

        private CheckOutcome RowCount(IReadOnlyList<int> rows)
        {
            var count = rows.Count;
            var min = test.MinValue is { } low ? double.Parse(low, CultureInfo.InvariantCulture) : (double?)null;
            var max = test.MaxValue is { } high ? double.Parse(high, CultureInfo.InvariantCulture) : (double?)null;
            var bounds = (min, max) switch
            {
                ({ } a, { } b) when a == b => $"exactly {a}",
                ({ } a, { } b) => $"between {a} and {b}",
                ({ } a, null) => $"at least {a}",
                _ => $"at most {max}",
            };
            var outside = count < min || count > max;
            return Outcome(outside ? 1 : 0, $"{test.Table}{Where} has {bounds} row(s): {count:N0}", $"{test.Table}{Where} has {count:N0} row(s), expected {bounds}",
                () => ResultTable.Of(test.Name, [[(long)count, min, max]], ("rows", TableColumnType.Integer), ("min_value", TableColumnType.Real), ("max_value", TableColumnType.Real)));
        }

        private CheckOutcome Freshness(IReadOnlyList<int> rows)
        {
            var (newest, field) = Newest(rows);
            var age = newest is { } at ? TimeSpan.FromTicks((now - at) * 10) : TimeSpan.MaxValue;
            var status = test.ErrorAfter is { } error && age > error ? (test.WarnOnly ? CheckStatus.Warn : CheckStatus.Fail)
                : test.WarnAfter is { } warn && age > warn ? CheckStatus.Warn
                : CheckStatus.Pass;
            var limits = string.Join(", ", new[] { test.WarnAfter is { } w ? $"warn after {Hours(w)}" : null, test.ErrorAfter is { } e ? $"error after {Hours(e)}" : null }.OfType<string>());
            var fact = newest is null ? $"{test.Table}{Where} has no {field}" : $"the newest {test.Table}.{field} {Instant(newest.Value)} is {Hours(age)} old at {Instant(now)}";
            StoreTimeFailures(status != CheckStatus.Pass, newest, age, test.ErrorAfter ?? test.WarnAfter);
            return new CheckOutcome(test.Name, status, status == CheckStatus.Pass ? 0 : 1, $"{fact} ({limits}){FailuresNote(status != CheckStatus.Pass)}");
        }

        private CheckOutcome Recency(IReadOnlyList<int> rows)
        {
            var (newest, field) = Newest(rows);
            var age = newest is { } at ? TimeSpan.FromTicks((now - at) * 10) : TimeSpan.MaxValue;
            var stale = age > test.Within!.Value;
            var fact = newest is null ? $"{test.Table}{Where} has no {field}" : $"the newest {test.Table}.{field} {Instant(newest.Value)} is {Hours(age)} old at {Instant(now)}";
            StoreTimeFailures(stale, newest, age, test.Within);
            return new CheckOutcome(test.Name, stale ? Failed : CheckStatus.Pass, stale ? 1 : 0, $"{fact} (at most {Hours(test.Within.Value)}){FailuresNote(stale)}");
        }

        private (long? Newest, string Field) Newest(IReadOnlyList<int> rows)
        {
            var field = test.TimeField ?? _table.TimeColumn
                ?? throw new SextantException($"{test.Context}: table '{test.Table}' has no time column; name one with '{(test.Test == "freshness" ? "loaded_at_field" : "field")}' (columns: {_table.Describe()})");
            var column = _table.Column(field, test.Context);
            if (column.Type != DataType.Instant)
                throw new SextantException($"{test.Context}: '{field}' of table '{test.Table}' holds {ExpressionCompiler.Name(column.Type)}, not instants");
            long? newest = null;
            foreach (var row in rows)
                if (column[row] is { IsNull: false } value && (newest is null || value.Micros > newest)) newest = value.Micros;
            return (newest, field);
        }

        private void StoreTimeFailures(bool failed, long? newest, TimeSpan age, TimeSpan? limit) =>
            Store(failed, () => ResultTable.Of(test.Name, failed ? [[newest, now, age == TimeSpan.MaxValue ? null : age.TotalHours, limit?.TotalHours]] : [],
                ("newest", TableColumnType.Instant), ("as_of", TableColumnType.Instant), ("age_hours", TableColumnType.Real), ("limit_hours", TableColumnType.Real)));

        private CheckStatus Failed => test.WarnOnly ? CheckStatus.Warn : CheckStatus.Fail;

        private CheckOutcome Outcome(long failing, string rule, string problem, Func<ResultTable> failures)
        {
            Store(failing > 0, failures);
            return failing == 0
                ? new CheckOutcome(test.Name, CheckStatus.Pass, 0, rule)
                : new CheckOutcome(test.Name, Failed, failing, problem + FailuresNote(true));
        }

        private string? _failuresFile;

        /// <summary>Writes the failing rows (a header alone when none fail, so no stale file remains).</summary>
        private void Store(bool failed, Func<ResultTable> failures)
        {
            if (!test.StoreFailures) return;
            var directory = settings.FailuresDirectory ?? throw new SextantException($"{test.Context}: store_failures needs a directory for failure files");
            var table = failures();
            if (!failed) table = table with { Rows = [] };
            try
            {
                Directory.CreateDirectory(directory);
                _failuresFile = Path.Combine(directory, test.Name + ".csv");
                File.WriteAllText(_failuresFile, TableCsv.Render(table));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SextantException($"{test.Context}: cannot write failing rows to '{directory}': {e.Message}", e);
            }
        }

        private string FailuresNote(bool failed) => failed && _failuresFile is not null ? $"; failing rows in {_failuresFile}" : "";

        /// <summary>The failing rows with the table's columns, and the tested column when it is not one of them (properties.X).</summary>
        private ResultTable FailingRows(List<int> rows, TestColumn? tested)
        {
            var columns = _table.ColumnNames.Select(name => _table.Column(name, test.Context)).ToList();
            if (tested is not null && !_table.ColumnNames.Contains(tested.Name)) columns.Add(tested);
            var cells = rows.Select(row => columns.Select(column => column[row].AsCell()).ToArray());
            return ResultTable.Of(test.Name, cells, [.. columns.Select(c => (c.Name, CellType(c.Type)))]);
        }

        private static TableColumnType CellType(DataType type) => type switch
        {
            DataType.Number => TableColumnType.Real,
            DataType.Bool => TableColumnType.Flag,
            DataType.Instant => TableColumnType.Instant,
            _ => TableColumnType.Text,
        };

        private static string Plural(long rows) => rows == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows");

        private static string Instant(long micros) => new Timestamp(micros).ToString();

        private static string Hours(TimeSpan span) => span.TotalHours >= 48
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");
    }
}
