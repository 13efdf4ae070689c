using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;
using Sextant.Tests.Support;

namespace Sextant.Tests.Alerts;

/// <summary>
/// One modest scenario (30,000 users over 18 months) generated once, stored twice with its
/// settings beside each store: as generated, and with <c>generate --anomalies</c>'s plantings.
/// </summary>
public sealed class AnomalyScenarioFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public AnomalyScenarioFixture()
    {
        var clean = NotionGenerator.Generate(Scenario);
        var planted = AnomalyPlanter.Plant(clean);
        Truth = planted.Truth;
        Anomalies = planted.Truth.Anomalies!;
        CleanStore = Write(clean, "clean");
        AnomalyStore = Write(planted, "anomalies");
        CleanTable = Load(CleanStore);
        AnomalyTable = Load(AnomalyStore);
    }

    /// <summary>The scenario: ends on the 20th, so no planted day falls on a month's first week.</summary>
    public static NotionScenario Scenario { get; } = new() { Users = 30_000, From = new DateOnly(2024, 1, 1), To = new DateOnly(2025, 6, 20), Seed = 42 };

    public ScenarioTruth Truth { get; }

    public IReadOnlyList<PlantedAnomaly> Anomalies { get; }

    public string CleanStore { get; }

    public string AnomalyStore { get; }

    public EventTable CleanTable { get; }

    public EventTable AnomalyTable { get; }

    private string Write(GeneratedData data, string name)
    {
        Directory.CreateDirectory(_directory.File(name));
        var path = Path.Combine(_directory.File(name), "sextant.db");
        using (var store = SqliteStore.Open(path, create: true)) ScenarioStoreWriter.Write(data, store);
        File.WriteAllText(Path.Combine(_directory.File(name), "sextant.yaml"), ScenarioAnalyses.SettingsYaml(data.Truth));
        return path;
    }

    private static EventTable Load(string path)
    {
        using var store = SqliteStore.OpenReadOnly(path);
        return EventTableBuilder.Build(store, TimeZoneInfo.Utc);
    }

    public void Dispose() => _directory.Dispose();
}
