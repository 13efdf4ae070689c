using System.Globalization;
using System.Text.Json;
using Sextant.Events;
using Sextant.Reports.Tables;
using Sextant.Storage;

namespace Sextant.Analysis.DataTests;

/// <summary>
/// The tables data tests can name: the four canonical tables, read through the store port on
/// first use (events column by column), and result tables, computed once when a test first
/// names a table that is not canonical.
/// </summary>
internal sealed class TestTables
{
    /// <summary>The canonical tables, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> Canonical = ["events", "users", "subscriptions", "assignments"];

    private readonly Dictionary<string, Func<TestTable>> _canonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestTable> _loaded = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<ResultTable>> _results;

    /// <param name="canonical">The canonical tables by name (each built on first use).</param>
    /// <param name="results">Computes the result tables (called at most once).</param>
    public TestTables(IReadOnlyDictionary<string, Func<TestTable>> canonical, Func<IReadOnlyList<ResultTable>> results)
    {
        foreach (var (name, build) in canonical) _canonical[name] = build;
        _results = new Lazy<IReadOnlyList<ResultTable>>(results);
    }

    /// <summary>
    /// The canonical tables of a store, the events table's columns from <paramref name="readColumns"/>
    /// (null reads them from the store), and result tables from <paramref name="results"/>.
    /// </summary>
    public static TestTables Of(IEventStore store, Func<EventColumns>? readColumns, Func<IReadOnlyList<ResultTable>> results) => new(new Dictionary<string, Func<TestTable>>
    {
        ["events"] = () => Events(store, readColumns),
        ["users"] = () => Users([.. store.ReadProfiles()]),
        ["subscriptions"] = () => Subscriptions([.. store.ReadSubscriptions()]),
        ["assignments"] = () => Assignments([.. store.ReadAssignments()]),
    }, results);

    /// <summary>Only result tables (tests and tools that have no store).</summary>
    public static TestTables Of(IReadOnlyList<ResultTable> tables) => new(new Dictionary<string, Func<TestTable>>(), () => tables);

    /// <summary>Whether the result tables have been computed (for tests of laziness).</summary>
    public bool ResultsComputed => _results.IsValueCreated;

    /// <summary>The table of that name.</summary>
    /// <exception cref="SextantException">No table has that name; the message lists the tables.</exception>
    public TestTable Get(string name, string context)
    {
        if (_loaded.TryGetValue(name, out var table)) return table;
        if (_canonical.TryGetValue(name, out var build)) table = build();
        else if (_results.Value.FirstOrDefault(t => t.Name == name) is { } result) table = FromResult(result);
        else
        {
            var names = _canonical.Keys.Concat(_results.Value.Select(t => t.Name)).Distinct();
            throw new SextantException($"{context}: unknown table '{name}' (tables: {string.Join(", ", names)})");
        }
        _loaded[name] = table;
        return table;
    }

    /// <summary>A result table as a test table; instants are columns of type instant.</summary>
    public static TestTable FromResult(ResultTable result)
    {
        var columns = result.Columns.Select((column, index) => (column.Name, (Func<TestColumn>)(() => ResultColumn(result, column, index)))).ToList();
        var time = result.Columns.FirstOrDefault(c => c.Type == TableColumnType.Instant)?.Name;
        return new TestTable(result.Name, () => result.Rows.Count, columns, time);
    }

    private static TestColumn ResultColumn(ResultTable result, TableColumn column, int index)
    {
        var rows = result.Rows;
        return column.Type switch
        {
            TableColumnType.Text => new(column.Name, DataType.Text, row => DataValue.OfText(rows[row][index] as string)),
            TableColumnType.Flag => new(column.Name, DataType.Bool, row => rows[row][index] is bool flag ? DataValue.OfBool(flag) : DataValue.Null),
            TableColumnType.Instant => new(column.Name, DataType.Instant, row => rows[row][index] is long micros ? DataValue.OfInstant(micros) : DataValue.Null),
            _ => new(column.Name, DataType.Number, row => rows[row][index] switch
            {
                null => DataValue.Null,
                double number => DataValue.OfNumber(number),
                var other => DataValue.OfNumber(Convert.ToDouble(other, CultureInfo.InvariantCulture)),
            }),
        };
    }

    /// <summary>
    /// The events as stored (ids before identity resolution), in store order; the identity, name and
    /// time columns come from <paramref name="readColumns"/> on first use (null reads them from the store then).
    /// </summary>
    public static TestTable Events(IEventStore store, Func<EventColumns>? readColumns)
    {
        var columns = new Lazy<EventColumns>(readColumns ?? store.ReadEventColumns);
        var source = store.ColumnSource;
        TestColumn Coded(string name, Func<int[]> codes, Func<IReadOnlyList<string>> values) => Text(name, () =>
        {
            var c = codes();
            var v = values();
            return row => c[row] == 0 ? null : v[c[row] - 1];
        });
        TestColumn Stored(string name, string? key = null) => Text(name, () =>
        {
            var column = source.ReadColumn(key ?? name);
            return row => column[row];
        });
        return new TestTable("events", () => columns.Value.RowCount,
        [
            ("event_id", () => Stored("event_id")),
            ("user_id", () => Coded("user_id", () => columns.Value.UserCodes, () => columns.Value.UserIds.Values)),
            ("anonymous_id", () => Coded("anonymous_id", () => columns.Value.AnonymousCodes, () => columns.Value.AnonymousIds.Values)),
            ("event", () => Coded("event", () => columns.Value.EventCodes, () => columns.Value.EventNames.Values)),
            ("timestamp", () =>
            {
                var times = columns.Value.Timestamps;
                return new TestColumn("timestamp", DataType.Instant, row => DataValue.OfInstant(times[row]));
            }),
            ("platform", () => Stored("platform")),
            ("session_id", () => Stored("session_id")),
            ("workspace_id", () => Stored("workspace_id")),
            ("revenue", () =>
            {
                var column = source.ReadColumn("revenue");
                var numbers = column.Values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
                return new TestColumn("revenue", DataType.Number, row => column.Codes[row] == 0 ? DataValue.Null : DataValue.OfNumber(numbers[column.Codes[row] - 1]));
            }),
            ("source", () => Stored("source")),
        ], "timestamp",
        name => name.StartsWith("properties.", StringComparison.Ordinal) && name.Length > "properties.".Length ? Stored(name, name["properties.".Length..]) : null,
        "properties.KEY");
    }

    /// <summary>The user profiles; traits.KEY reads a key of each profile's traits.</summary>
    public static TestTable Users(IReadOnlyList<UserProfile> users) => new("users", () => users.Count,
    [
        ("user_id", () => Text("user_id", () => row => users[row].UserId)),
        ("signup_at", () => new TestColumn("signup_at", DataType.Instant, row => users[row].SignupAt is { } at ? DataValue.OfInstant(at.UnixMicroseconds) : DataValue.Null)),
        ("segment", () => Text("segment", () => row => users[row].Segment)),
        ("channel", () => Text("channel", () => row => users[row].Channel)),
        ("plan", () => Text("plan", () => row => users[row].Plan)),
        ("country", () => Text("country", () => row => users[row].Country)),
        ("platform", () => Text("platform", () => row => users[row].Platform)),
        ("workspace_id", () => Text("workspace_id", () => row => users[row].WorkspaceId)),
    ], "signup_at",
    name => name.StartsWith("traits.", StringComparison.Ordinal) && name.Length > "traits.".Length ? Trait(name, users) : null,
    "traits.KEY");

    /// <summary>The subscriptions in their latest state.</summary>
    public static TestTable Subscriptions(IReadOnlyList<Subscription> subscriptions) => new("subscriptions", () => subscriptions.Count,
    [
        ("subscription_id", () => Text("subscription_id", () => row => subscriptions[row].SubscriptionId)),
        ("user_id", () => Text("user_id", () => row => subscriptions[row].UserId)),
        ("plan", () => Text("plan", () => row => subscriptions[row].Plan)),
        ("status", () => Text("status", () => row => subscriptions[row].Status)),
        ("start_at", () => new TestColumn("start_at", DataType.Instant, row => DataValue.OfInstant(subscriptions[row].StartAt.UnixMicroseconds))),
        ("end_at", () => new TestColumn("end_at", DataType.Instant, row => subscriptions[row].EndAt is { } end ? DataValue.OfInstant(end.UnixMicroseconds) : DataValue.Null)),
        ("mrr", () => new TestColumn("mrr", DataType.Number, row => DataValue.OfNumber((double)subscriptions[row].Mrr))),
        ("currency", () => Text("currency", () => row => subscriptions[row].Currency)),
    ], "start_at");

    /// <summary>The experiment assignments.</summary>
    public static TestTable Assignments(IReadOnlyList<Assignment> assignments) => new("assignments", () => assignments.Count,
    [
        ("experiment", () => Text("experiment", () => row => assignments[row].Experiment)),
        ("user_id", () => Text("user_id", () => row => assignments[row].UserId)),
        ("variant", () => Text("variant", () => row => assignments[row].Variant)),
        ("assigned_at", () => new TestColumn("assigned_at", DataType.Instant, row => DataValue.OfInstant(assignments[row].AssignedAt.UnixMicroseconds))),
    ], "assigned_at");

    private static TestColumn Text(string name, Func<Func<int, string?>> read)
    {
        var values = read();
        return new TestColumn(name, DataType.Text, row => DataValue.OfText(values(row)));
    }

    /// <summary>A trait as text (numbers and booleans as their JSON text); parsed for every profile once.</summary>
    private static TestColumn Trait(string name, IReadOnlyList<UserProfile> users)
    {
        var key = name["traits.".Length..];
        var values = new string?[users.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var json = users[i].TraitsJson;
            if (json.Length <= 2) continue;
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(key, out var value))
            {
                values[i] = value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => value.GetString(),
                    _ => value.GetRawText(),
                };
            }
        }
        return new TestColumn(name, DataType.Text, row => DataValue.OfText(values[row]));
    }
}
