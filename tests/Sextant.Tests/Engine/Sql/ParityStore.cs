using System.Text.Json;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Tests.Support;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// One data set held by every engine of the parity suites: an embedded store (the in-memory
/// reference reads it) copied into each warehouse's contract tables, each copied once, on first use.
/// </summary>
public sealed class ParityStore : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string> _warehouses = [];
    private readonly Dictionary<string, EventTable> _tables = [];
    private readonly Lock _gate = new();

    /// <summary>The store the data were written to, through <paramref name="write"/>.</summary>
    public ParityStore(Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        StorePath = _directory.File("sextant.db");
        write(StorePath);
    }

    public string StorePath { get; }

    /// <summary>The engines the suites compare to the in-memory reference.</summary>
    public static readonly string[] SqlEngineNames = ["duckdb"];

    /// <summary><see cref="SqlEngineNames"/> as theory data.</summary>
    public static TheoryData<string> SqlEngines => new(SqlEngineNames);

    /// <summary>The in-memory reference over the store, its calendar in <paramref name="zone"/>.</summary>
    public IAnalysisEngine InMemory(TimeZoneInfo zone)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(zone.Id, out var table))
            {
                using var store = SqliteStore.Open(StorePath, create: false);
                _tables[zone.Id] = table = SqliteEventTableLoader.Load(store, zone);
            }
            return new InMemoryEngine(table);
        }
    }

    /// <summary>A connection to the named warehouse holding the store's data.</summary>
    public IWarehouse Warehouse(string engine)
    {
        lock (_gate)
        {
            if (!_warehouses.TryGetValue(engine, out var path))
            {
                path = _directory.File(engine + ".duckdb");
                using (var fresh = new TestDuckDbWarehouse(path)) ContractTables.Copy(StorePath, fresh);
                _warehouses[engine] = path;
            }
            return new TestDuckDbWarehouse(path);
        }
    }

    /// <summary>Asserts the SQL engine's measures of <paramref name="query"/> equal the in-memory engine's.</summary>
    public void AssertSameMeasures<TMeasures, TResult>(string engine, TimeZoneInfo zone, Sextant.Analysis.IAnalysisQuery<TMeasures, TResult> query)
    {
        var expected = InMemory(zone).Measure(query);
        using var warehouse = Warehouse(engine);
        var actual = new SqlEngine(warehouse, zone).Measure(query);
        Assert.Equal(Json(expected), Json(actual));
    }

    private static string Json(object? measures) => JsonSerializer.Serialize(measures, new JsonSerializerOptions { WriteIndented = true });

    public void Dispose() => _directory.Dispose();
}
