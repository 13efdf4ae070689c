using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Synthetic;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant generate</c>: synthetic data with planted, known effects.</summary>
internal static class GenerateCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario: notion (50,000 users of a collaborative docs product) or scale (1,000,000 monthly active users, 30 days)", DefaultValueFactory = _ => "notion" };
        scenario.AcceptOnlyFromAmong("notion", "scale");
        var users = new Option<int?>("--users") { Description = "Signed-up users (default 50,000)" };
        var from = new Option<string?>("--from") { Description = "First sign-up day, YYYY-MM-DD (default 2023-01-01)" };
        var to = new Option<string?>("--to") { Description = "Last day of data, YYYY-MM-DD (default 2025-12-31)" };
        var seed = new Option<long?>("--seed") { Description = "Random seed (default 42); the same seed gives the same files" };
        var output = new Option<string?>("--out") { Description = "Directory for the CSV files and truth.json (default: synthetic/ unless --store is given)" };
        var file = new Option<string?>("--scenario-file") { Description = "Scenario parameters in YAML (copy scenarios/notion.yaml); the options above override it" };
        var anomalies = new Option<bool>("--anomalies") { Description = "Plant drops and spikes (an outage, a tracking bug, bot traffic, a sign-up outage) in the last 40 days, listed in truth.json (notion scenario)" };

        var command = new Command("generate", "Generate a calibrated synthetic scenario as CSV files or straight into the store") { scenario, users, from, to, seed, output, file, anomalies };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            if (result.GetValue(scenario) == "scale")
                return result.GetValue(anomalies) ? throw new SextantException("--anomalies plants into the notion scenario; the scale scenario has none")
                    : GenerateScale(console, result, globals, result.GetValue(users), result.GetValue(from), result.GetValue(to), result.GetValue(seed), result.GetValue(output));
            var baseline = result.GetValue(file) is { } path ? ScenarioLoader.Load(path) : new NotionScenario();
            var parameters = Scenario(baseline, result.GetValue(users), result.GetValue(from), result.GetValue(to), result.GetValue(seed));
            var storeGiven = result.GetValue(globals.Store) is not null;
            var directory = result.GetValue(output) ?? (storeGiven ? null : "synthetic");
            var watch = Stopwatch.StartNew();
            var data = NotionGenerator.Generate(parameters);
            if (result.GetValue(anomalies)) data = AnomalyPlanter.Plant(data);
            if (directory is not null) ScenarioFiles.Write(data, directory);
            long stored = 0;
            string? settings = null;
            SnapshotOutcome? snapshot = null;
            if (storeGiven)
            {
                var storePath = globals.StorePath(result, globals.LoadConfig(result));
                var url = StoreUrl.Parse(storePath);
                if (url.IsWarehouse)
                {
                    using (var store = WarehouseStore.Open(url, create: true)) stored = ScenarioStoreWriter.Write(data, store);
                    // A database has no directory to put sextant.yaml in: the settings go to the current one.
                    settings = WriteSettings(Path.Combine(".", "store"), data);
                }
                else
                {
                    using (var store = SqliteStore.Open(storePath, create: true)) stored = ScenarioStoreWriter.Write(data, store);
                    snapshot = TableSnapshot.Write(storePath);
                    settings = WriteSettings(storePath, data);
                }
            }
            var calibration = CalibrationReport.Measure(data);
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { data.Users.Count, Events = data.Events.Count, Subscriptions = data.Subscriptions.Count, Assignments = data.Assignments.Count, Directory = directory, StoredEvents = stored, Settings = settings, Calibration = calibration });
                return Program.ExitOk;
            }
            console.MarkupLine($"Generated {Terminal.Number(data.Users.Count)} users, {Terminal.Number(data.Events.Count)} events, {Terminal.Number(data.Subscriptions.Count)} subscriptions, {Terminal.Number(data.Assignments.Count)} assignments in {watch.Elapsed.TotalSeconds:F1} s.");
            if (directory is not null) console.MarkupLine($"Files and truth.json in [bold]{Markup.Escape(directory)}[/].");
            if (data.Truth.Anomalies is { } planted)
                console.MarkupLine($"Planted {planted.Count} anomalies from {planted.Min(a => a.Date):yyyy-MM-dd} to {planted.Max(a => a.Date):yyyy-MM-dd}; truth.json lists them.");
            if (storeGiven) console.MarkupLine($"{Terminal.Number(stored)} events stored; {Markup.Escape(settings!)}.");
            if (snapshot is not null) SnapshotPrinter.Print(console, snapshot);
            console.Write(CalibrationTable(calibration));
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// Writes the scenario's settings as sextant.yaml beside the store, unless a file of that name is
    /// already there (it may be the user's own): commands given this store then run the demo's analyses.
    /// </summary>
    private static string WriteSettings(string storePath, GeneratedData data)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, ScenarioAnalyses.SettingsFileName);
        if (File.Exists(path)) return $"the scenario's settings were not written: {path} already exists";
        OutputFile.WriteText(path, ScenarioAnalyses.SettingsYaml(data.Truth));
        return $"the scenario's settings written to {path}";
    }

    /// <summary>The scale scenario streams CSV files; with --store they are then ingested like any file.</summary>
    private static int GenerateScale(IAnsiConsole console, ParseResult result, GlobalOptions globals, int? users, string? from, string? to, long? seed, string? output)
    {
        var parameters = new ScaleScenario();
        if (from is not null) parameters = parameters with { From = Date("--from", from) };
        if (to is not null)
        {
            var days = Date("--to", to).DayNumber - parameters.From.DayNumber + 1;
            parameters = parameters with { Days = days >= 1 ? days : throw new SextantException($"--to '{to}' must not come before the first day {parameters.From:yyyy-MM-dd}") };
        }
        if (users is { } count) parameters = parameters with { Users = count >= 1 ? count : throw new SextantException($"--users must be at least 1, got {count}") };
        if (seed is { } value) parameters = parameters with { Seed = value };
        var directory = output ?? "synthetic-scale";
        var watch = Stopwatch.StartNew();
        var events = ScaleGenerator.WriteFiles(parameters, directory);
        var generated = watch.Elapsed;
        Sextant.Ingest.IngestResult? ingested = null;
        SnapshotOutcome? snapshot = null;
        if (result.GetValue(globals.Store) is not null)
        {
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            string[] files = [Path.Combine(directory, "user_profiles.csv"), Path.Combine(directory, "user_events.csv")];
            var url = StoreUrl.Parse(storePath);
            if (url.IsWarehouse)
            {
                using var store = WarehouseStore.Open(url, create: true);
                ingested = new Sextant.Ingest.Ingestor(store, new Sextant.Ingest.IngestOptions(), TimeProvider.System).Ingest(files);
            }
            else
            {
                using (var store = SqliteStore.Open(storePath, create: true))
                    ingested = new Sextant.Ingest.Ingestor(store, new Sextant.Ingest.IngestOptions(), TimeProvider.System).Ingest(files);
                snapshot = TableSnapshot.Write(storePath);
            }
        }
        if (result.GetValue(globals.Json))
        {
            ResultJson.Write(Terminal.Out(result), new { parameters.Users, Events = events, Directory = directory, Seconds = generated.TotalSeconds, Ingested = ingested });
            return Program.ExitOk;
        }
        console.MarkupLine($"Generated {Terminal.Number(parameters.Users)} monthly active users and {Terminal.Number(events)} events in {generated.TotalSeconds:F1} s ({events / generated.TotalSeconds:N0} events/s) into [bold]{Markup.Escape(directory)}[/].");
        if (ingested is not null) console.MarkupLine($"Ingested {Terminal.Number(ingested.Inserted)} records in {(watch.Elapsed - generated - (snapshot?.Elapsed ?? TimeSpan.Zero)).TotalSeconds:F1} s.");
        if (snapshot is not null) SnapshotPrinter.Print(console, snapshot);
        return Program.ExitOk;
    }

    internal static NotionScenario Scenario(NotionScenario scenario, int? users, string? from, string? to, long? seed)
    {
        if (users is { } count)
        {
            if (count < 1) throw new SextantException($"--users must be at least 1, got {count}");
            scenario = scenario with { Users = count };
        }
        if (from is not null) scenario = scenario with { From = Date("--from", from) };
        if (to is not null) scenario = scenario with { To = Date("--to", to) };
        if (seed is { } value) scenario = scenario with { Seed = value };
        return scenario;
    }

    internal static Table CalibrationTable(IReadOnlyList<CalibrationTarget> targets)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("calibration against the seed documents").AddColumns("target", "seeds", "accepted", "generated", "");
        foreach (var target in targets)
        {
            table.AddRow(Markup.Escape(target.Name), Format(target.Target), $"{Format(target.Low)}–{Format(target.High)}", Format(target.Actual),
                target.Met ? "[green]ok[/]" : "[red]outside[/]");
        }
        return table;
    }

    private static string Format(double value) =>
        value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static DateOnly Date(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SextantException($"{option} '{text}' is not a date (expected YYYY-MM-DD)");
}
