using Microsoft.Data.Sqlite;
using Parquet.Serialization;
using Sextant.Reports.Tables;
using Sextant.Tests.Support;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Tests.Reports;

/// <summary>Result tables written as CSV, Parquet and SQLite hold the same typed values; the events table resolves identities.</summary>
public sealed class TableExportTests
{
    private static readonly ResultTable Sample = ResultTable.Of("retention_matrix",
        [
            ["2024-01", 10L, 0L, 10L, 1.0, true, 1_704_067_200_000_001L],
            ["=HYPERLINK(\"x\")", 4L, 1L, null, 0.1234567891, false, null],
        ],
        ("cohort", Text), ("size", Integer), ("period", Integer), ("users", Integer), ("rate", Real), ("complete", Flag), ("at", Instant));

    [Fact]
    public void Given_a_table_when_it_is_rendered_as_csv_then_reals_have_six_decimals_nulls_are_empty_and_formulas_are_neutralised()
    {
        var csv = TableCsv.Render(Sample);

        Assert.Equal(
            "cohort,size,period,users,rate,complete,at\n" +
            "2024-01,10,0,10,1,true,2024-01-01T00:00:00.000001Z\n" +
            "\"'=HYPERLINK(\"\"x\"\")\",4,1,,0.123457,false,\n",
            csv);
    }

    [Fact]
    public async Task Given_a_table_when_it_is_written_as_parquet_then_reading_it_back_gives_the_same_typed_values()
    {
        using var directory = new TempDirectory();

        var path = TableExport.Write([Sample], ExportFormat.Parquet, directory.Path).Single();

        await using var file = File.OpenRead(path);
        var rows = (await ParquetSerializer.DeserializeUntypedAsync(file)).Data;
        Assert.Equal(2, rows.Count);
        Assert.Equal("2024-01", rows[0]["cohort"]);
        Assert.Equal(10L, rows[0]["size"]);
        Assert.Equal(true, rows[0]["complete"]);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10), rows[0]["at"]);
        Assert.Equal(0.1234567891, rows[1]["rate"]);
        Assert.False(rows[1].TryGetValue("users", out var users) && users is not null);
    }

    [Fact]
    public void Given_tables_when_they_are_written_as_sqlite_then_sql_reads_them_with_their_types()
    {
        using var directory = new TempDirectory();

        var path = TableExport.Write([Sample, Sample with { Name = "copy" }], ExportFormat.Sqlite, directory.Path).Single();

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(size), typeof(rate), typeof(users), complete, at, (SELECT count(*) FROM copy), rate FROM retention_matrix ORDER BY period";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("integer", "real", "integer", 1L, "2024-01-01T00:00:00.000001Z", 2L),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt64(5)));
        Assert.True(reader.Read());
        Assert.Equal(("null", 0.1234567891), (reader.GetString(2), reader.GetDouble(6)));
    }

    [Fact]
    public void Given_an_anonymous_visit_later_identified_when_the_events_are_exported_then_the_visit_carries_the_user()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.csv", "event_id,user_id,anonymous_id,event,timestamp,platform\n" +
            "e1,,a1,page_view,2024-01-01T00:00:00Z,web\n" +
            "e2,u1,a1,signup,2024-01-01T00:05:00Z,web\n" +
            "e3,u2,,signup,2024-01-02T00:00:00Z,ios\n");

        var events = ExportTables.Events(fixture.Load());

        var rows = events.Rows.Select(r => $"{r[0]} {r[1]} {TableCsv.Render(events with { Rows = [r] }).Split('\n')[1].Split(',')[2]} {r[3]} {r[4]}").Order().ToArray();
        Assert.Equal(
            ["u1 page_view 2024-01-01T00:00:00.000000Z e1 web", "u1 signup 2024-01-01T00:05:00.000000Z e2 web", "u2 signup 2024-01-02T00:00:00.000000Z e3 ios"],
            rows);
    }
}
