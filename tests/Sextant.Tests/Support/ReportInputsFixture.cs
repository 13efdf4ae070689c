using Sextant.Reports;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Tests.Support;

/// <summary>
/// Every analysis of a small generated scenario (4,000 users), run once for the report and
/// dashboard tests. The generator is seeded, so the inputs are the same on every run.
/// </summary>
public sealed class ReportInputsFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ReportInputsFixture()
    {
        var data = NotionGenerator.Generate(new NotionScenario { Users = 4_000 });
        using var store = SqliteStore.Open(_directory.File("report.db"), create: true);
        ScenarioStoreWriter.Write(data, store);
        var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
        Inputs = ScenarioAnalyses.Run(table, data.Truth);
    }

    public ReportInputs Inputs { get; }

    public void Dispose() => _directory.Dispose();
}
