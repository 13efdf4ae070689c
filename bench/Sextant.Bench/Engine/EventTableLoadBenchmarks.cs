using BenchmarkDotNet.Attributes;
using Sextant.Bench.Scale;
using Sextant.Ingest;
using Sextant.Ingest.Readers;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Engine;

/// <summary>
/// Micro-benchmarks of the two hot paths: tokenizing CSV and loading the store into an
/// EventTable. Run with <c>dotnet run -c Release --project bench/Sextant.Bench -- --filter *EventTable*</c>.
/// </summary>
[MemoryDiagnoser]
public class EventTableLoadBenchmarks
{
    private const int Events = 200_000;
    private string _directory = "";
    private string _csv = "";
    private string _store = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "sextant-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _csv = Path.Combine(_directory, "events.csv");
        _store = Path.Combine(_directory, "bench.db");
        SyntheticCsv.Write(_csv, Events, 20_000);
        using var store = SqliteStore.Open(_store, create: true);
        new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([_csv]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int TokenizeCsv()
    {
        var rows = 0;
        using var reader = new CsvRowReader(SourceFile.OpenRead(_csv), _csv);
        while (reader.TryReadRow(out _)) rows++;
        return rows;
    }

    [Benchmark]
    public int LoadEventTable()
    {
        using var store = SqliteStore.Open(_store, create: false);
        return SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc).EventCount;
    }
}
