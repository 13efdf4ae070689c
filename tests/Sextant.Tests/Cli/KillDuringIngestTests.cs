using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class KillDuringIngestTests
{
    private const int Rows = 200_000;

    [Fact]
    public void A_store_killed_mid_ingest_opens_passes_check_and_completes_exactly_on_rerun()
    {
        using var directory = new TempDirectory();
        WriteEvents(directory.File("events.csv"));
        // Small batches make many commits, so the kill lands between two of them.
        directory.Write("sextant.yaml", "ingest:\n  batch_size: 1000\n");

        var committedBeforeKill = IngestAndKill(directory);

        Assert.InRange(committedBeforeKill, 1, Rows - 1);
        var check = CliRunner.Run(directory.Path, "check", "--json");
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        var interrupted = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "ingests_completed");
        Assert.Equal("warn", interrupted.GetProperty("status").GetString());

        var rerun = CliRunner.Run(directory.Path, "ingest", "events.csv", "--json");
        Assert.Equal(0, rerun.ExitCode);
        var counts = JsonDocument.Parse(rerun.Stdout).RootElement;
        var stored = StoredEvents(directory.File("sextant.db"));
        Assert.Equal(Rows, counts.GetProperty("read").GetInt64());
        Assert.Equal(Rows, stored);
        Assert.Equal(Rows - committedBeforeKill, counts.GetProperty("inserted").GetInt64());
        Assert.Equal(committedBeforeKill, counts.GetProperty("duplicates").GetInt64());

        var finalCheck = CliRunner.Run(directory.Path, "check", "--json");
        Assert.Equal(0, finalCheck.ExitCode);
        Assert.DoesNotContain("\"fail\"", finalCheck.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"warn\"", finalCheck.Stdout.Split("ingests_completed")[1].Split('}')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_left_behind_by_a_killed_ingest_is_not_used_and_the_rerun_rewrites_it()
    {
        using var directory = new TempDirectory();
        directory.Write("first.csv", "event_id,user_id,event,timestamp\nf1,early,signup,2023-12-31T00:00:00Z\n");
        WriteEvents(directory.File("events.csv"));
        directory.Write("sextant.yaml", "ingest:\n  batch_size: 1000\n");
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "first.csv").ExitCode);
        Assert.True(File.Exists(directory.File("sextant.db.table")));

        var committed = IngestAndKill(directory);

        // The snapshot still holds the one first event; the store holds more.
        var afterKill = CliRunner.Run(directory.Path, "retention", "--json");
        Assert.True(afterKill.ExitCode == 0, afterKill.Stderr);
        Assert.Contains("is older than the store", afterKill.Stderr, StringComparison.Ordinal);
        var users = JsonDocument.Parse(afterKill.Stdout).RootElement.GetProperty("cohorts").EnumerateArray().Sum(c => c.GetProperty("size").GetInt64());
        Assert.Equal(1 + Math.Min(5000, committed - 1), users);
        var check = CliRunner.Run(directory.Path, "check", "--json");
        var snapshotCheck = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "table_snapshot");
        Assert.Equal("warn", snapshotCheck.GetProperty("status").GetString());

        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv").ExitCode);
        var afterRerun = CliRunner.Run(directory.Path, "retention", "--json");
        Assert.Equal("", afterRerun.Stderr);
        Assert.Equal(5001, JsonDocument.Parse(afterRerun.Stdout).RootElement.GetProperty("cohorts").EnumerateArray().Sum(c => c.GetProperty("size").GetInt64()));
    }

    private static long IngestAndKill(TempDirectory directory)
    {
        using var process = Process.Start(CliRunner.StartInfo(directory.Path, "ingest", "events.csv"))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var store = directory.File("sextant.db");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (StoredEvents(store) >= 20_000) break;
            Thread.Sleep(10);
        }
        Assert.False(process.HasExited, "the ingest finished before it could be killed");
        process.Kill(entireProcessTree: true); // SIGKILL on Linux
        process.WaitForExit();
        return StoredEvents(store);
    }

    private static long StoredEvents(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(SUM(rows), 0) FROM event_chunks";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // The file exists but its tables are not created yet.
        }
    }

    private static void WriteEvents(string path)
    {
        var builder = new StringBuilder("event_id,user_id,event,timestamp,properties\n");
        for (var i = 0; i < Rows; i++)
            builder.Append(CultureInfo.InvariantCulture, $"e{i},u{i % 5000},edit_page,2024-01-01T00:00:00Z,\"{{\"\"n\"\":{i}}}\"\n");
        File.WriteAllText(path, builder.ToString());
    }
}
