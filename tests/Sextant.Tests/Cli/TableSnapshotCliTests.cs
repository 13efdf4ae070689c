using System.Text.Json;
using Sextant.Storage.Snapshot;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>Commands give byte-identical answers whether the table comes from its snapshot or from the chunks.</summary>
public sealed class TableSnapshotCliTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _store;

    public TableSnapshotCliTests()
    {
        _store = _directory.File("s.db");
    }

    public void Dispose() => _directory.Dispose();

    private static (int Code, string Out, string Error) Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void Every_analysis_answers_the_same_from_the_snapshot_and_from_the_chunks()
    {
        var generated = Run("generate", "--users", "1500", "--store", _store, "--json");
        Assert.True(generated.Code == 0, generated.Error);
        Assert.True(File.Exists(TableSnapshot.PathFor(_store)), "generate --store writes the snapshot");
        string[][] commands =
        [
            ["funnel", "--steps", "signup,create_page,edit_page", "--window", "7d", "--breakdown", "segment"],
            ["funnel", "--steps", "signup,create_page", "--breakdown", "event.platform"],
            ["metrics"], ["retention", "--period", "week"], ["revenue"], ["paths"], ["health"], ["impact", "use_template"],
            ["attribution"], ["cohorts"], ["growth"], ["info"],
            ["experiment", ExperimentName(), "--metric", "conversion:edit_page:within=7d", "--cuped"],
        ];
        var fromSnapshot = commands.Select(command => Run([.. command, "--store", _store, "--json"])).ToList();
        File.Delete(TableSnapshot.PathFor(_store));
        var fromChunks = commands.Select(command => Run([.. command, "--store", _store, "--json"])).ToList();

        for (var i = 0; i < commands.Length; i++)
        {
            var name = string.Join(' ', commands[i]);
            Assert.True(fromSnapshot[i].Code == 0, name + ": " + fromSnapshot[i].Error);
            Assert.True(fromSnapshot[i].Out.Length > 50, name);
            Assert.Equal(fromChunks[i].Out, fromSnapshot[i].Out);
            Assert.Equal("", fromSnapshot[i].Error);
        }
    }

    private string ExperimentName()
    {
        var settings = File.ReadAllLines(_directory.File("sextant.yaml"));
        var experiments = Array.FindIndex(settings, line => line.StartsWith("experiments:", StringComparison.Ordinal));
        return settings[experiments + 1].Trim().TrimEnd(':').TrimStart('-').Trim().Replace("name: ", "", StringComparison.Ordinal).Trim('"', '\'');
    }

    [Fact]
    public void Ingest_writes_the_snapshot_and_a_later_ingest_rewrites_it()
    {
        var events = _directory.Write("events.csv", "user_id,event,timestamp\nu1,signup,2026-01-01T09:00:00Z\nu2,signup,2026-01-02T09:00:00Z\n");
        var first = Run("ingest", events, "--store", _store, "--json");
        Assert.True(first.Code == 0, first.Error);
        var snapshot = JsonDocument.Parse(first.Out).RootElement.GetProperty("table_snapshot");
        Assert.Equal(2, snapshot.GetProperty("events").GetInt64());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("problem").ValueKind);

        var more = _directory.Write("more.csv", "user_id,event,timestamp\nu3,signup,2026-01-03T09:00:00Z\n");
        Assert.Equal(0, Run("ingest", more, "--store", _store).Code);
        var info = Run("info", "--store", _store, "--json");

        Assert.Equal("", info.Error);
        Assert.Equal(3, JsonDocument.Parse(info.Out).RootElement.GetProperty("events").GetInt64());
        Assert.Equal(2, JsonDocument.Parse(info.Out).RootElement.GetProperty("ingest_runs").GetInt64());
    }

    [Fact]
    public void The_snapshot_command_writes_a_missing_snapshot()
    {
        var events = _directory.Write("events.csv", "user_id,event,timestamp\nu1,signup,2026-01-01T09:00:00Z\n");
        Assert.Equal(0, Run("ingest", events, "--store", _store).Code);
        File.Delete(TableSnapshot.PathFor(_store));

        var (code, text, error) = Run("snapshot", "--store", _store);

        Assert.True(code == 0, error);
        Assert.Contains("Table snapshot: 1 events", text, StringComparison.Ordinal);
        Assert.True(File.Exists(TableSnapshot.PathFor(_store)));
    }
}
