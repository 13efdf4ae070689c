using DuckDB.NET.Data;
using Sextant.Reports.Tables;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>
/// Parquet written and read by another engine (DuckDB): its export ingests like the same rows as
/// CSV, and the result tables Sextant exports are queryable by it.
/// </summary>
public sealed class ParquetFromDuckDbTests
{
    private static void DuckDb(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? DuckDbScalar(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Given_events_exported_by_duckdb_as_parquet_with_a_timestamptz_and_a_properties_struct_when_ingested_then_the_table_equals_the_csv_one()
    {
        using var parquet = new StoreFixture();
        var path = parquet.Directory.File("events.parquet");
        DuckDb($$"""
            COPY (
                SELECT * FROM (VALUES
                    ('e1', 'u1', 'signup', TIMESTAMPTZ '2024-03-31 00:30:00+00', {"plan": 'free', "seats": 3}),
                    ('e2', 'u1', 'edit_page', TIMESTAMPTZ '2024-03-31 02:30:00.000250+02', {"plan": NULL, "seats": 5}),
                    ('e3', 'u2', 'signup', TIMESTAMPTZ '2024-04-01 12:00:00+00', {"plan": 'pro', "seats": NULL})
                ) AS t(event_id, user_id, event, "timestamp", properties)
            ) TO '{{path}}' (FORMAT PARQUET)
            """);
        using var csv = new StoreFixture();
        csv.Ingest("events.csv", "event_id,user_id,event,timestamp,properties\n" +
            "e1,u1,signup,2024-03-31T00:30:00Z,\"{\"\"plan\"\":\"\"free\"\",\"\"seats\"\":3}\"\n" +
            "e2,u1,edit_page,2024-03-31T00:30:00.000250Z,\"{\"\"seats\"\":5}\"\n" +
            "e3,u2,signup,2024-04-01T12:00:00Z,\"{\"\"plan\"\":\"\"pro\"\"}\"\n");

        var result = parquet.IngestFiles([path]);

        Assert.Equal((3L, 3L, 0L), (result.Read, result.Inserted, result.Quarantined));
        var fromParquet = parquet.Load();
        var fromCsv = csv.Load();
        Assert.Equal(fromCsv.Timestamps, fromParquet.Timestamps);
        Assert.Equal(fromCsv.UserKeys, fromParquet.UserKeys);
        foreach (var property in new[] { "plan", "seats" })
            Assert.Equal(Enumerable.Range(0, 3).Select(r => fromCsv.Property(property)[r]), Enumerable.Range(0, 3).Select(r => fromParquet.Property(property)[r]));
    }

    [Fact]
    public void Given_a_result_table_exported_as_parquet_when_duckdb_queries_it_then_it_reads_the_typed_values()
    {
        using var directory = new TempDirectory();
        var table = ResultTable.Of("retention_matrix",
            [["2024-01", 10L, 0L, 10L, 1.0, true], ["2024-01", 10L, 1L, 4L, 0.4, false]],
            ("cohort", TableColumnType.Text), ("size", TableColumnType.Integer), ("period", TableColumnType.Integer),
            ("users", TableColumnType.Integer), ("rate", TableColumnType.Real), ("complete", TableColumnType.Flag));

        var path = TableExport.Write([table], ExportFormat.Parquet, directory.Path).Single();

        Assert.Equal(14L, DuckDbScalar($"SELECT CAST(sum(users) AS BIGINT) FROM '{path}'"));
        Assert.Equal(0.4, DuckDbScalar($"SELECT rate FROM '{path}' WHERE NOT complete"));
    }
}
