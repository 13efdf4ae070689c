using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class IngestCliErrorTests
{
    [Fact]
    public void A_repeated_csv_column_name_exits_2_with_one_line_naming_the_file_and_column()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", "user_id,event,timestamp,event\nu1,signup,2024-01-01T00:00:00Z,upgrade\n");

        var result = CliRunner.Run(directory.Path, "ingest", "events.csv");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("sextant: 'events.csv' line 1: duplicate column name 'event' in the header (columns 2 and 4); rename or remove one", line);
    }

    [Fact]
    public void A_rolled_back_strict_ingest_reports_0_inserted_in_the_totals_and_for_the_file()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,,signup,2024-01-01T00:00:00Z\n");

        var result = CliRunner.Run(directory.Path, "ingest", "events.csv", "--strict", "--json");

        Assert.Equal(1, result.ExitCode);
        var root = System.Text.Json.JsonDocument.Parse(result.Stdout).RootElement;
        var file = root.GetProperty("files")[0];
        Assert.Equal((0L, 0L, 1L), (root.GetProperty("inserted").GetInt64(), file.GetProperty("inserted").GetInt64(), file.GetProperty("rolled_back").GetInt64()));
        Assert.Equal(1L, root.GetProperty("rolled_back").GetInt64());
    }

    [Fact]
    public void Revenue_with_a_decimal_comma_is_stored_only_when_the_flag_declares_it()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", "event_id,user_id,event,timestamp,revenue\ne1,u1,purchase,2024-01-01T00:00:00Z,\"1.234,50\"\n");

        var plain = CliRunner.Run(directory.Path, "ingest", "events.csv", "--json", "--store", "plain.db");
        var declared = CliRunner.Run(directory.Path, "ingest", "events.csv", "--json", "--store", "declared.db", "--decimal-comma", "--thousands-separator", ".");

        Assert.Equal(1L, System.Text.Json.JsonDocument.Parse(plain.Stdout).RootElement.GetProperty("quarantined").GetInt64());
        Assert.Equal(1L, System.Text.Json.JsonDocument.Parse(declared.Stdout).RootElement.GetProperty("inserted").GetInt64());
    }
}
