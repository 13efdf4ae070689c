using Sextant.Engine.Sql;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// The offsets written into pushed-down SQL: one CASE branch per daylight-saving change of the
/// span, arithmetic only inside the span, and no offsets for a span the arithmetic cannot cover.
/// </summary>
public sealed class SqlZoneOffsetsTests
{
    private const long March2025 = 1_740_787_200_000_000; // 2025-03-01T00:00Z
    private const long October2025 = 1_759_276_800_000_000; // 2025-10-01T00:00Z

    [Fact]
    public void Paris_dates_change_offset_at_each_daylight_saving_change_of_the_span()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var sql = SqlZoneOffsets.Over(paris, March2025, October2025)!.LocalDate(SqlDialect.DuckDb, "ts", "db_date");

        // +01:00 until 2025-03-30T01:00Z, then +02:00 until 2025-10-26T01:00Z.
        Assert.Contains("WHEN ts < 1743296400000000 THEN 3600000000 WHEN ts < 1761440400000000 THEN 7200000000 WHEN", sql);
        Assert.EndsWith("ELSE db_date END)", sql);
    }

    [Fact]
    public void Utc_dates_are_a_division_of_the_instant()
    {
        var sql = SqlZoneOffsets.Over(TimeZoneInfo.Utc, March2025, October2025)!.LocalDate(SqlDialect.PostgreSql, "ts", "db_date");

        Assert.Contains("THEN (DATE '1970-01-01' + CAST((ts) / 86400000000 AS INTEGER)) ELSE db_date END", sql);
    }

    [Fact]
    public void Instants_before_the_epoch_keep_the_database_function()
    {
        Assert.Null(SqlZoneOffsets.Over(TimeZoneInfo.Utc, -400_000_000_000_000, -100_000_000_000_000));
    }

    [Fact]
    public void Without_offsets_local_dates_are_the_database_function()
    {
        Assert.Equal("toDate(toDateTime(intDiv(ts, 1000000)), 'UTC')", new SqlText(SqlDialect.ClickHouse).LocalDate("ts", "'UTC'"));
    }
}
