using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Storage.Warehouse;

/// <summary>
/// What every warehouse connection must do, run against a real database per dialect: values of
/// each kind come back as they went in, bulk inserts are whole, errors are one line naming where.
/// </summary>
public abstract class WarehouseContract
{
    /// <summary>Text that breaks naive escaping in one format or another.</summary>
    public static readonly string[] AwkwardTexts =
    [
        "",
        "plain",
        "tab\there",
        "new\nline",
        "carriage\rreturn",
        "back\\slash",
        "\\N",
        "\\",
        "ends with backslash\\",
        "quotes ' and \"",
        "Zoë 日本語 🚀",
        "comma, semicolon; pipe|",
        "  spaces  ",
        "{\"json\": [1, 2]}",
    ];

    /// <summary>A fresh connection to the database under test.</summary>
    protected abstract IWarehouse Open();

    /// <summary>DDL for a table (<c>id</c> not null bigint; <c>n</c> bigint, <c>x</c> double, <c>s</c> text, all nullable).</summary>
    protected abstract string CreateTable(string table);

    /// <summary>True when the database has transactions (ClickHouse has none).</summary>
    protected virtual bool HasTransactions => true;

    /// <summary>A table name no other test uses, for tests sharing one server.</summary>
    protected static string NewTable(string stem) => $"{stem}_{Guid.NewGuid():N}"[..Math.Min(stem.Length + 13, 60)];

    [Fact]
    public void Longs_doubles_texts_and_nulls_come_back_as_they_went_in()
    {
        using var warehouse = Open();
        var table = NewTable("round_trip");
        warehouse.Execute(CreateTable(table));
        long[] longs = [0, 1, -1, long.MaxValue, long.MinValue + 1, 1_700_000_000_000_000];
        // No subnormals: ClickHouse 18.16 reads 5e-324 as 0, and no Sextant measure comes near them.
        double[] doubles = [0.0, 0.1, -1.5e300, 1.0 / 3.0, 12.5, 2.5e-300];
        var rows = AwkwardTexts.Select((text, i) => new object?[] { (long)i, longs[i % longs.Length], doubles[i % doubles.Length], text })
            .Append([(long)AwkwardTexts.Length, null, null, null])
            .ToList();

        warehouse.Insert(table, ["id", "n", "x", "s"], rows);

        var back = ReadAll(warehouse, $"SELECT id, n, x, s FROM {table} ORDER BY id");
        Assert.Equal(rows.Count, back.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i], back[i]);
        }
    }

    [Fact]
    public void A_row_may_leave_out_columns_and_they_read_as_null()
    {
        using var warehouse = Open();
        var table = NewTable("some_columns");
        warehouse.Execute(CreateTable(table));

        warehouse.Insert(table, ["s", "id"], [["only text", 7L]]);

        var back = ReadAll(warehouse, $"SELECT id, n, x, s FROM {table}");
        Assert.Equal([new object?[] { 7L, null, null, "only text" }], back);
    }

    [Fact]
    public void A_hundred_thousand_rows_insert_whole_and_sum_right()
    {
        using var warehouse = Open();
        var table = NewTable("bulk");
        warehouse.Execute(CreateTable(table));
        const int Count = 100_000;

        warehouse.Insert(table, ["id", "n", "x", "s"],
            Enumerable.Range(0, Count).Select(i => new object?[] { (long)i, (long)i * 3, i * 0.5, $"user-{i}" }));

        long count = 0, sum = 0, texts = 0;
        double halves = 0;
        warehouse.Read($"SELECT count(*), sum(n), sum(x), count(DISTINCT s) FROM {table}", row =>
        {
            count = row.GetInt64(0);
            sum = row.GetInt64(1);
            halves = row.GetDouble(2);
            texts = row.GetInt64(3);
        });
        Assert.Equal(Count, count);
        Assert.Equal(3L * Count * (Count - 1) / 2, sum);
        Assert.Equal(0.5 * Count * (Count - 1) / 2, halves, 6);
        Assert.Equal(Count, texts);
    }

    [Fact]
    public void Numbers_read_as_text_are_invariant_and_counts_read_as_doubles()
    {
        using var warehouse = Open();
        var table = NewTable("as_text");
        warehouse.Execute(CreateTable(table));
        warehouse.Insert(table, ["id", "x"], [[1L, 2.5], [2L, -0.25]]);

        var texts = new List<string>();
        double total = 0;
        warehouse.Read($"SELECT id, x FROM {table} ORDER BY id", row => texts.Add($"{row.GetString(0)}|{row.GetString(1)}"));
        warehouse.Read($"SELECT count(*) FROM {table}", row => total = row.GetDouble(0));

        Assert.Equal(["1|2.5", "2|-0.25"], texts);
        Assert.Equal(2.0, total);
    }

    [Fact]
    public void A_rolled_back_transaction_leaves_nothing()
    {
        if (!HasTransactions) return;
        using var warehouse = Open();
        var table = NewTable("rollback");
        warehouse.Execute(CreateTable(table));

        var error = Assert.Throws<InvalidOperationException>(() => warehouse.InTransaction(() =>
        {
            warehouse.Insert(table, ["id", "s"], Enumerable.Range(0, 1000).Select(i => new object?[] { (long)i, "x" }));
            warehouse.Execute($"INSERT INTO {table} (id) VALUES (5000)");
            throw new InvalidOperationException("stop");
        }));
        Assert.Equal("stop", error.Message);

        Assert.Equal(0L, Count(warehouse, table));
        warehouse.InTransaction(() => warehouse.Insert(table, ["id"], [[1L]]));
        Assert.Equal(1L, Count(warehouse, table));
    }

    [Fact]
    public void A_failed_statement_inside_a_transaction_rolls_it_back_and_says_why_in_one_line()
    {
        if (!HasTransactions) return;
        using var warehouse = Open();
        var table = NewTable("failed_tx");
        warehouse.Execute(CreateTable(table));

        Assert.Throws<SextantException>(() => warehouse.InTransaction(() =>
        {
            warehouse.Insert(table, ["id"], [[1L]]);
            warehouse.Execute("SELECT * FROM no_such_table_here");
        }));

        Assert.Equal(0L, Count(warehouse, table));
    }

    [Fact]
    public void A_bad_statement_is_one_line_naming_the_database()
    {
        using var warehouse = Open();

        var error = Assert.Throws<SextantException>(() => warehouse.Execute("SELEKT nonsense FROM nowhere"));
        var readError = Assert.Throws<SextantException>(() => warehouse.Read("SELECT * FROM no_such_table_anywhere", _ => { }));

        foreach (var message in new[] { error.Message, readError.Message })
        {
            Assert.DoesNotContain('\n', message);
            Assert.StartsWith(warehouse.Location, message, StringComparison.Ordinal);
        }
        Assert.Contains("no_such_table_anywhere", readError.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_for_its_column_is_refused()
    {
        using var warehouse = Open();
        var table = NewTable("wrong_kind");
        warehouse.Execute(CreateTable(table));

        var error = Assert.Throws<SextantException>(() => warehouse.Insert(table, ["id", "n"], [[1L, "not a number"]]));

        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Reading_streams_rows_one_by_one()
    {
        using var warehouse = Open();
        var table = NewTable("stream");
        warehouse.Execute(CreateTable(table));
        warehouse.Insert(table, ["id"], Enumerable.Range(0, 5000).Select(i => new object?[] { (long)i }));

        var seen = 0L;
        warehouse.Read($"SELECT id FROM {table} ORDER BY id", row =>
        {
            Assert.Equal(seen, row.GetInt64(0));
            Assert.Equal(1, row.FieldCount);
            seen++;
        });

        Assert.Equal(5000, seen);
    }

    protected static long Count(IWarehouse warehouse, string table)
    {
        long count = -1;
        warehouse.Read($"SELECT count(*) FROM {table}", row => count = row.GetInt64(0));
        return count;
    }

    protected static List<object?[]> ReadAll(IWarehouse warehouse, string sql)
    {
        var rows = new List<object?[]>();
        warehouse.Read(sql, row => rows.Add(
        [
            row.GetInt64(0),
            row.IsNull(1) ? null : row.GetInt64(1),
            row.IsNull(2) ? null : row.GetDouble(2),
            row.IsNull(3) ? null : row.GetString(3),
        ]));
        return rows;
    }
}
