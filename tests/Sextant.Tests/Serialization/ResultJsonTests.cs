using System.Text.Json;
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
