using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;

namespace Sextant.Tests.Support;

/// <summary>Helpers to ingest tiny hand-made files into a store in a temp directory.</summary>
public sealed class StoreFixture : IDisposable
{
    public StoreFixture()
    {
        StorePath = Directory.File("sextant.db");
    }

    public TempDirectory Directory { get; } = new();

    public string StorePath { get; }

    public string QuarantinePath => StorePath + ".quarantine.jsonl";

    public IngestResult Ingest(string fileName, string content, IngestOptions? options = null) =>
        IngestFiles([Directory.Write(fileName, content)], options);

    public IngestResult IngestFiles(IReadOnlyList<string> files, IngestOptions? options = null)
    {
        using var store = SqliteStore.Open(StorePath, create: true);
        return new Ingestor(store, options ?? new IngestOptions(), FixedClock.At2026).Ingest(files);
    }

    public EventTable Load(TimeZoneInfo? zone = null)
    {
        using var store = SqliteStore.Open(StorePath, create: false);
        return SqliteEventTableLoader.Load(store, zone ?? TimeZoneInfo.Utc);
    }

    public long Count(string sql)
    {
        using var store = SqliteStore.Open(StorePath, create: false);
        return store.ScalarLong(sql);
    }

    public string[] QuarantineLines() =>
        File.Exists(QuarantinePath) ? File.ReadAllLines(QuarantinePath) : [];

    public void Dispose() => Directory.Dispose();
}
