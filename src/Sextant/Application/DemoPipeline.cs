using System.Diagnostics;
using Sextant.Analysis.Checks;
using Sextant.Analysis.Health;
using Sextant.Analysis.Info;
using Sextant.Reports;
using Sextant.Serialization;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Application;

/// <summary>What <see cref="DemoPipeline.Run"/> produced.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="StorePath">The store it wrote.</param>
/// <param name="Generated">Time spent generating the scenario.</param>
/// <param name="Stored">Time spent writing the data files and the store.</param>
/// <param name="Info">What the store holds.</param>
/// <param name="Checks">The data-quality checks of the store.</param>
/// <param name="Inputs">Every analysis result.</param>
/// <param name="Calibration">The generated data against the scenario's targets.</param>
/// <param name="Report">The dashboards, charts and executive report written.</param>
public sealed record DemoOutcome(
    string Directory,
    string StorePath,
    TimeSpan Generated,
    TimeSpan Stored,
    StoreInfo Info,
    CheckReport Checks,
    ReportInputs Inputs,
    IReadOnlyList<CalibrationTarget> Calibration,
    ReportFiles Report);

/// <summary>
/// <c>sextant demo</c> without the terminal: generate a scenario into a fresh store beside its
/// settings, check it, run every analysis through the project's engine and write every output
/// (JSON results, flat files, dashboards, charts, executive report) under one directory.
/// </summary>
public static class DemoPipeline
{
    /// <summary>Runs the demo into <paramref name="directory"/>, replacing an earlier demo's store there.</summary>
    /// <exception cref="SextantException">The directory holds a file named sextant.db that is not a Sextant store.</exception>
    public static DemoOutcome Run(string directory, NotionScenario scenario, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(clock);
        directory = Path.GetFullPath(directory);
        var storePath = Path.Combine(directory, "sextant.db");
        OutputFile.CreateDirectory(directory);
        // The demo replaces its own earlier store, never another application's file of that name.
        if (!StoreFile.IsFresh(storePath, storePath)) StoreFile.Identify(storePath, storePath);
        foreach (var stale in new[] { storePath, storePath + "-wal", storePath + "-shm", TableSnapshot.PathFor(storePath) }) File.Delete(stale);

        var watch = Stopwatch.StartNew();
        var data = NotionGenerator.Generate(scenario);
        var generated = watch.Elapsed;

        // The CSV files and the store are written at the same time; neither needs the other.
        var files = Task.Run(() => ScenarioFiles.Write(data, Path.Combine(directory, "data")));
        using var store = SqliteStore.Open(storePath, create: true);
        ScenarioStoreWriter.Write(data, store);
        // The settings the analyses below use, beside the store: report, experiment and funnel on it read them.
        OutputFile.WriteText(Path.Combine(directory, ScenarioAnalyses.SettingsFileName), ScenarioAnalyses.SettingsYaml(data.Truth));
        files.GetAwaiter().GetResult();
        var stored = watch.Elapsed - generated;

        // One EventTable serves the checks, the summary and every analysis.
        var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
        // Commands run on the demo's store afterwards open it from this snapshot.
        TableSnapshot.Write(store, storePath, table);
        var truth = data.Truth.Scenario;
        var checks = CheckRunner.Run(store, new CheckQuery(new Dictionary<string, IReadOnlyList<string>>
        {
            ["segment"] = truth.Segments.Select(s => s.Name).ToList(),
            ["channel"] = truth.Channels.Select(c => c.Name).ToList(),
            ["plan"] = ["free", .. truth.PlanPrices.Keys],
        }, clock.GetUtcNow()), table);
        var info = StoreInfo.Read(store, table);
        var inputs = ScenarioAnalyses.Run(table, data.Truth);
        var calibration = CalibrationReport.Measure(data);

        void WriteJson(string name, object value) => OutputFile.WriteText(Path.Combine(directory, name), ResultJson.Serialize(value));
        WriteJson("metrics_summary.json", inputs.Metrics);
        WriteJson("funnel.json", inputs.Funnel);
        WriteJson("lifecycle_funnel.json", inputs.Lifecycle);
        WriteJson("retention.json", inputs.Retention);
        WriteJson("revenue.json", inputs.Revenue);
        WriteJson("experiments.json", inputs.Experiments);
        WriteJson("growth.json", inputs.Growth);
        WriteJson("feature_impact.json", inputs.Impacts);
        WriteJson("paths.json", inputs.Paths);
        OutputFile.WriteText(Path.Combine(directory, "user_health.csv"), HealthCsv.Write(inputs.Health));
        GrowthFiles.Write(directory, inputs.Growth);
        AnalysisFiles.Write(directory, inputs.Metrics, inputs.Funnel, inputs.Retention, inputs.Revenue);
        var report = ReportWriter.Write(directory, inputs);
        WriteJson("check.json", checks);
        WriteJson("store_info.json", info);
        WriteJson("calibration.json", calibration);
        return new DemoOutcome(directory, storePath, generated, stored, info, checks, inputs, calibration, report);
    }
}
