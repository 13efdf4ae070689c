using System.Text.Json;
using Sextant.Analysis.Refresh;
using Sextant.Analysis.Retention;
using Sextant.Events;
using Sextant.Serialization;

namespace Sextant.Tests.Serialization;

/// <summary>The conventions of the JSON contract, each on a value small enough to write out by hand.</summary>
public sealed class ResultJsonTests
{
    private sealed record Sample(string DataEnd, RetentionMode Mode, Timestamp At, double? Missing, string Name);

    [Fact]
    public void Keys_are_snake_case_enums_snake_case_strings_and_instants_iso_8601_utc()
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 250, TimeSpan.Zero));

        var json = ResultJson.Serialize(new Sample("2024-01-31", RetentionMode.OnOrAfter, at, null, "café <b>"));

        Assert.Equal("""
            {
              "data_end": "2024-01-31",
              "mode": "on_or_after",
              "at": "2024-01-02T03:04:05.250Z",
              "missing": null,
              "name": "café <b>"
            }
            """, json);
    }

    [Fact]
    public void The_refresh_result_reads_as_the_contract_written_by_hand()
    {
        var result = new RefreshResult(RefreshMode.Incremental, null, 442_804, 13_820_575, new RefreshPartitions(431, 430, 1),
            new RefreshPartitions(133, 119, 14), null, 0.25, "s.db.refresh", ["s.db.refresh/daily_series.csv"]);
        Assert.Equal(ResultJson.Serialize(result), RefreshResultJson.Serialize(result));

        Assert.Equal("""
            {
              "mode": "incremental",
              "reason": null,
              "new_events": 442804,
              "store_events": 13820575,
              "days": {
                "total": 431,
                "kept": 430,
                "recomputed": 1
              },
              "cohorts": {
                "total": 133,
                "kept": 119,
                "recomputed": 14
              },
              "verified": null,
              "seconds": 0.25,
              "directory": "s.db.refresh",
              "files": [
                "s.db.refresh/daily_series.csv"
              ]
            }
            """, ResultJson.Serialize(result));
    }

    [Theory]
    [InlineData(RefreshMode.Full, "asked for with --full", true, 3.385039)]
    [InlineData(RefreshMode.Full, "no earlier refresh state", false, 1e-7)]
    [InlineData(RefreshMode.Unchanged, null, null, 0.0)]
    [InlineData(RefreshMode.Incremental, "a reason with \"quotes\", é and <b>", null, 123456.789)]
    public void The_refresh_result_writer_writes_what_the_serializer_writes(RefreshMode mode, string? reason, bool? verified, double seconds)
    {
        var result = new RefreshResult(mode, reason, 0, long.MaxValue, new RefreshPartitions(0, 0, 0), new RefreshPartitions(7, 3, 4),
            verified, seconds, "dir/with space", mode == RefreshMode.Unchanged ? [] : ["a.csv", "b\\c.csv"]);

        Assert.Equal(ResultJson.Serialize(result), RefreshResultJson.Serialize(result));
        using var writer = new StringWriter { NewLine = "\n" };
        RefreshResultJson.Write(writer, result);
        Assert.Equal(ResultJson.Serialize(result) + "\n", writer.ToString());
    }

    [Fact]
    public void Write_puts_one_line_break_after_the_json()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        ResultJson.Write(writer, new[] { 1, 2 });

        Assert.Equal("[\n  1,\n  2\n]\n", writer.ToString());
    }

    [Fact]
    public void Instants_read_back_to_the_same_timestamp()
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal(at, JsonSerializer.Deserialize<Timestamp>("\"2024-01-02T03:04:05Z\"", ResultJson.Options));
        Assert.Equal("\"2024-01-02T03:04:05Z\"", JsonSerializer.Serialize(at, ResultJson.Options).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_options_cannot_be_changed_by_a_caller()
    {
        Assert.True(ResultJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ResultJson.Options.WriteIndented = false);
    }
}
