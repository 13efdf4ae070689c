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
}
