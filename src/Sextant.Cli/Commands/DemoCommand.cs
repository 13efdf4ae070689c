using System.CommandLine;
using System.Diagnostics;
using Sextant.Analysis.Checks;
using Sextant.Analysis.Info;
using Sextant.Cli.Output;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant demo</c>: generate the notion scenario into a fresh store, check it, run every
/// analysis that exists, and write every output under one directory.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string>("--out") { Description = "Directory for every output (default: out)", DefaultValueFactory = _ => "out" };
        var command = new Command("demo", "Generate the 50,000-user scenario, ingest it, check it and write every output") { output };
        command.SetAction(result =>
        {
            var directory = Path.GetFullPath(result.GetValue(output)!);
            var dataDirectory = Path.Combine(directory, "data");
            var storePath = Path.Combine(directory, "sextant.db");
            Directory.CreateDirectory(directory);
            foreach (var stale in new[] { storePath, storePath + "-wal", storePath + "-shm" }) File.Delete(stale);

            var watch = Stopwatch.StartNew();
            var data = NotionGenerator.Generate(new NotionScenario());
            var generated = watch.Elapsed;

            // The CSV files and the store are written at the same time; neither needs the other.
            var files = Task.Run(() => ScenarioFiles.Write(data, dataDirectory));
            using var store = SqliteStore.Open(storePath, create: true);
            ScenarioStoreWriter.Write(data, store);
            files.GetAwaiter().GetResult();
            var stored = watch.Elapsed - generated;

            var report = CheckRunner.Run(store, new CheckQuery(new Dictionary<string, IReadOnlyList<string>>
            {
                ["segment"] = ["individual", "small_team", "enterprise", "education"],
                ["channel"] = ["organic", "paid_search", "paid_social", "referral", "content_seo", "partnerships"],
                ["plan"] = ["free", "plus", "business", "enterprise"],
            }, TimeProvider.System.GetUtcNow()));
            var info = StoreInfo.Read(store);
            var calibration = CalibrationReport.Measure(data);
            File.WriteAllText(Path.Combine(directory, "check.json"), System.Text.Json.JsonSerializer.Serialize(report, JsonOutput.Options));
            File.WriteAllText(Path.Combine(directory, "store_info.json"), System.Text.Json.JsonSerializer.Serialize(info, JsonOutput.Options));
            File.WriteAllText(Path.Combine(directory, "calibration.json"), System.Text.Json.JsonSerializer.Serialize(calibration, JsonOutput.Options));

            if (result.GetValue(globals.Json))
            {
                JsonOutput.Write(new { Out = directory, Store = storePath, info.Events, info.Users, Checks = report.Checks, Calibration = calibration });
                return report.AnyFailed ? Program.ExitFailed : Program.ExitOk;
            }

            AnsiConsole.MarkupLine($"[bold]Sextant demo[/]: a collaborative docs product, {Terminal.Number(info.Users)} users, {Terminal.Number(info.Events)} events, {info.FirstEvent?.ToDateTimeOffset():yyyy-MM-dd} to {info.LastEvent?.ToDateTimeOffset():yyyy-MM-dd}.");
            AnsiConsole.MarkupLine($"Generated in {generated.TotalSeconds:F1} s; files written and data stored in {stored.TotalSeconds:F1} s.");
            AnsiConsole.Write(GenerateCommand.CalibrationTable(calibration));
            var failed = report.Checks.Where(c => c.Status != CheckStatus.Pass).Select(c => $"{c.Name} ({c.Status.ToString().ToLowerInvariant()})").ToList();
            AnsiConsole.MarkupLine(failed.Count == 0 ? "Data checks: all pass." : $"Data checks: {Markup.Escape(string.Join(", ", failed))} — see check.json.");
            AnsiConsole.MarkupLine($"""

                Where to look, in [bold]{Markup.Escape(directory)}[/]:
                  data/             the generated CSV files and truth.json (every planted parameter)
                  sextant.db        the store: try  sextant info --store {Markup.Escape(storePath)}
                  check.json        data-quality checks
                  store_info.json   counts, date range, top events
                  calibration.json  the generated data against the seed documents' targets
                """);
            return report.AnyFailed ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }
}
