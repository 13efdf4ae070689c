using Microsoft.Data.Sqlite;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Storage;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Cli;

public sealed class StoreCommandTests
{
    private const string Events = "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u1,create_page,2024-01-01T00:10:00Z\n";

    [Fact]
    public void Ingest_and_analyses_refuse_another_applications_sqlite_file_with_exit_2_and_leave_it_unchanged()
    {
        // Given another application's SQLite file
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);
        var path = directory.File("app.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders(total) VALUES (9.5);";
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);

        // When it is given as --store to ingest, an analysis and check
        var ingest = CliRunner.Run(directory.Path, "ingest", "events.csv", "--store", "app.db");
        var metrics = CliRunner.Run(directory.Path, "metrics", "--store", "app.db");
        var check = CliRunner.Run(directory.Path, "check", "--store", "app.db");

        // Then each exits 2 saying what the file is, and the file is exactly as it was
        foreach (var result in new[] { ingest, metrics, check })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("'app.db' is not a Sextant store", result.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Demo_refuses_to_replace_another_applications_file_at_its_store_path()
    {
        // Given an out directory whose sextant.db belongs to another application
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("out"));
        var path = directory.File(Path.Combine("out", "sextant.db"));
        File.WriteAllText(path, "not a database, somebody's notes");
        var before = File.ReadAllBytes(path);

        // When the demo is asked to write there
        var demo = CliRunner.Run(directory.Path, "demo", "--out", "out");

        // Then it exits 2 before generating anything and the file is exactly as it was
        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("is not a Sextant store", demo.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_analysis_of_a_missing_or_empty_store_exits_2_and_creates_nothing()
    {
        using var directory = new TempDirectory();
        directory.Write("empty.db", "");

        var missing = CliRunner.Run(directory.Path, "metrics", "--store", "missing.db");
        var empty = CliRunner.Run(directory.Path, "funnel", "--steps", "signup,create_page", "--store", "empty.db");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no store at 'missing.db'", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("'empty.db' is an empty file", empty.Stderr, StringComparison.Ordinal);
        Assert.Equal(["empty.db"], Directory.GetFiles(directory.Path).Select(file => Path.GetFileName(file)).ToArray());
        Assert.Equal(0, new FileInfo(directory.File("empty.db")).Length);
    }

    [Fact]
    public void Analyses_leave_the_store_byte_for_byte_unchanged_and_create_no_side_files_even_when_it_is_read_only()
    {
        // Given an ingested store, made read-only in a read-only directory
        if (OperatingSystem.IsWindows()) return;
        using var directory = new TempDirectory();
        var storeDirectory = Directory.CreateDirectory(directory.File("ro")).FullName;
        directory.Write("events.csv", Events);
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv", "--store", "ro/s.db").ExitCode);
        var path = Path.Combine(storeDirectory, "s.db");
        // A store at rest has a rollback journal (its last writer switches it back from WAL); an
        // analysis that opened it for writing would switch it to WAL again and change its header.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE";
            Assert.Equal("delete", command.ExecuteScalar());
        }
        var before = File.ReadAllBytes(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(storeDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            // When analyses, check and info run on it
            var results = new[]
            {
                CliRunner.Run(directory.Path, "metrics", "--store", "ro/s.db", "--json"),
                CliRunner.Run(directory.Path, "funnel", "--steps", "signup,create_page", "--store", "ro/s.db", "--json"),
                CliRunner.Run(directory.Path, "check", "--store", "ro/s.db", "--json"),
                CliRunner.Run(directory.Path, "info", "--store", "ro/s.db", "--json"),
            };

            // Then they succeed, and the store directory holds the same single file, unchanged
            Assert.All(results, result => Assert.True(result.ExitCode == 0, result.Stderr));
            // (the table snapshot beside it was written by the ingest; readers only read it)
            Assert.Equal(["s.db", "s.db.table"], Directory.GetFiles(storeDirectory).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(before, File.ReadAllBytes(path));
        }
        finally
        {
            File.SetUnixFileMode(storeDirectory, (UnixFileMode)0x1ED); // 0755, so the directory can be deleted
        }
    }

    [Fact]
    public async Task An_unprivileged_user_can_analyse_read_only_stores_in_read_only_directories()
    {
        // Permission bits do not stop root, so the analysis runs as 'nobody' (when the tests run as root).
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv")) return;

        // Given a store written now and one written by the previous version (WAL mode), each
        // chmod 0444 in a directory chmod 0555
        using var directory = new TempDirectory();
        File.SetUnixFileMode(directory.Path, (UnixFileMode)0x1ED);
        directory.Write("events.csv", Events);
        Directory.CreateDirectory(directory.File("new"));
        Directory.CreateDirectory(directory.File("old"));
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv", "--store", "new/s.db").ExitCode);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "store-v1.db"), directory.File("old/s.db"));
        foreach (var name in new[] { "new", "old" })
        {
            File.SetUnixFileMode(directory.File(name + "/s.db"), (UnixFileMode)0x124); // 0444
            if (File.Exists(directory.File(name + "/s.db.table"))) File.SetUnixFileMode(directory.File(name + "/s.db.table"), (UnixFileMode)0x124);
            File.SetUnixFileMode(directory.File(name), (UnixFileMode)0x16D); // 0555
        }

        // When 'nobody' analyses them, then both answer and neither directory gains a file
        foreach (var (name, events) in new[] { ("new", 2), ("old", 16) })
        {
            var info = CliRunner.StartInfo(directory.Path, "info", "--store", name + "/s.db", "--json");
            info.ArgumentList.Insert(0, info.FileName);
            foreach (var argument in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" }) info.ArgumentList.Insert(0, argument);
            info.FileName = "/usr/bin/setpriv";
            info.Environment["HOME"] = directory.Path;
            info.Environment["DOTNET_CLI_HOME"] = directory.Path;
            using var process = System.Diagnostics.Process.Start(info)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            Assert.True(process.ExitCode == 0, await stderr);
            Assert.Contains($"\"events\": {events}", await stdout, StringComparison.Ordinal);
            // The new store's table snapshot was written by its ingest, and 'nobody' can read it as it can the store.
            string[] expected = name == "new" ? ["s.db", "s.db.table"] : ["s.db"];
            Assert.Equal(expected, Directory.GetFiles(directory.File(name)).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToArray());
        }
        foreach (var name in new[] { "new", "old" }) File.SetUnixFileMode(directory.File(name), (UnixFileMode)0x1ED);
    }

    [Fact]
    public void An_analysis_runs_while_an_ingest_holds_the_write_lock()
    {
        // Given a store whose writer is inside a long transaction
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"));
        using var writer = SqliteStore.Open(path, create: false);
        using var transaction = writer.Connection.BeginTransaction();
        using (var command = writer.Connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO ingest_runs(file, kind, started_at, status) VALUES ('big.csv', 'events', 0, 'running')";
            command.ExecuteNonQuery();
        }

        // When an analysis runs, then it answers from the committed data
        var metrics = CliRunner.Run(directory.Path, "info", "--store", "s.db", "--json");

        Assert.True(metrics.ExitCode == 0, metrics.Stderr);
        Assert.Contains("\"events\": 1", metrics.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyses_refuse_a_damaged_store_with_exit_2_naming_check_and_check_names_the_chunk()
    {
        // Given a store whose chunk 2 timestamps were overwritten
        using var directory = new TempDirectory();
        StoreChecksumTests.ThreeChunkStore(directory);
        StoreChecksumTests.CopyBlob(directory.File("s.db"), fromChunk: 3, toChunk: 2, ChunkColumn.Timestamp);

        var metrics = CliRunner.Run(directory.Path, "metrics", "--store", "s.db");
        var check = CliRunner.Run(directory.Path, "check", "--store", "s.db", "--json");

        Assert.Equal(2, metrics.ExitCode);
        Assert.Contains("chunk 2", metrics.Stderr, StringComparison.Ordinal);
        Assert.Contains("sextant check", metrics.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("chunk 2 (timestamp)", check.Stdout, StringComparison.Ordinal);
    }
}
