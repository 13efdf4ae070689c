using System.Text.Json;
using Parquet.Schema;
using Parquet.Serialization;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest;

/// <summary>Parquet files ingest like JSON lines: typed timestamps, nested properties, NULLs, bad rows to quarantine.</summary>
public sealed class IngestParquetTests
{
    private static readonly ParquetSchema EventSchema = new(
        new DataField<string>("event_id"),
        new DataField<string>("user_id", true),
        new DataField<string>("event"),
        new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros),
        new DataField<double?>("revenue"),
        new StructField("properties", new DataField<string>("plan", true), new DataField<long?>("seats")));

    private static string WriteParquet(StoreFixture fixture, string name, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows)
    {
        var path = Path.Combine(fixture.Directory.Path, name);
        using var file = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(rows, schema, file).GetAwaiter().GetResult();
        return path;
    }

    private static Dictionary<string, object?> Row(string id, string? user, string name, DateTime at, double? revenue = null, string? plan = null, long? seats = null)
    {
        var row = new Dictionary<string, object?> { ["event_id"] = id, ["event"] = name, ["timestamp"] = at };
        if (user is not null) row["user_id"] = user;
        if (revenue is not null) row["revenue"] = revenue.Value;
        var properties = new Dictionary<string, object>();
        if (plan is not null) properties["plan"] = plan;
        if (seats is not null) properties["seats"] = seats.Value;
        row["properties"] = properties;
        return row;
    }

    [Fact]
    public void Given_a_parquet_export_when_it_is_ingested_then_it_stores_what_the_same_rows_as_csv_store()
    {
        using var parquet = new StoreFixture();
        var at = new DateTime(2024, 3, 31, 0, 30, 0, DateTimeKind.Utc);
        var path = WriteParquet(parquet, "events.parquet", EventSchema,
        [
            Row("e1", "u1", "signup", at, plan: "free", seats: 3),
            Row("e2", "u1", "purchase", at.AddMinutes(1).AddTicks(15), revenue: 12.5),
            Row("e3", "u2", "signup", at.AddDays(1)),
        ]);
        using var csv = new StoreFixture();
        csv.Ingest("events.csv", "event_id,user_id,event,timestamp,revenue,properties\n" +
            "e1,u1,signup,2024-03-31T00:30:00Z,,\"{\"\"plan\"\":\"\"free\"\",\"\"seats\"\":3}\"\n" +
            "e2,u1,purchase,2024-03-31T00:31:00.0000015Z,12.5,{}\n" +
            "e3,u2,signup,2024-04-01T00:30:00Z,,{}\n");

        var result = parquet.IngestFiles([path]);

        Assert.Equal((3L, 3L, 0L), (result.Read, result.Inserted, result.Quarantined));
        var fromParquet = parquet.Load();
        var fromCsv = csv.Load();
        Assert.Equal(fromCsv.Timestamps.ToArray(), fromParquet.Timestamps.ToArray());
        foreach (var column in new[] { "plan", "seats", "revenue" })
        {
            Assert.Equal(
                Enumerable.Range(0, 3).Select(row => fromCsv.Property(column)[row]).ToArray(),
                Enumerable.Range(0, 3).Select(row => fromParquet.Property(column)[row]).ToArray());
        }
        Assert.Equal((string?[])["free", "3", "12.5"], new string?[] { fromParquet.Property("plan")[0], fromParquet.Property("seats")[0], fromParquet.Property("revenue")[1] });
    }

    [Fact]
    public void Given_a_parquet_row_without_an_event_name_when_it_is_ingested_then_it_goes_to_quarantine_with_its_row_number()
    {
        using var fixture = new StoreFixture();
        var schema = new ParquetSchema(new DataField<string>("user_id"), new DataField<string>("event", true), new DataField<string>("timestamp"));
        var path = WriteParquet(fixture, "events.parquet", schema,
        [
            new Dictionary<string, object?> { ["user_id"] = "u1", ["event"] = "signup", ["timestamp"] = "2024-01-01T00:00:00Z" },
            new Dictionary<string, object?> { ["user_id"] = "u1", ["timestamp"] = "2024-01-01T00:01:00Z" },
            new Dictionary<string, object?> { ["user_id"] = "u2", ["event"] = "signup", ["timestamp"] = "yesterday" },
        ]);

        var result = fixture.IngestFiles([path]);

        Assert.Equal((3L, 1L, 2L), (result.Read, result.Inserted, result.Quarantined));
        var lines = fixture.QuarantineLines().Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal([2L, 3L], lines.Select(line => line.GetProperty("line").GetInt64()).ToArray());
    }

    [Fact]
    public void Given_a_file_named_parquet_that_is_not_parquet_when_it_is_ingested_then_one_line_names_the_file_and_what_was_expected()
    {
        using var fixture = new StoreFixture();
        var path = fixture.Directory.WriteBytes("events.parquet", "user_id,event\nu1,signup\n"u8.ToArray());

        var error = Assert.Throws<SextantException>(() => fixture.IngestFiles([path]));

        Assert.Contains("events.parquet", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable Parquet file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
