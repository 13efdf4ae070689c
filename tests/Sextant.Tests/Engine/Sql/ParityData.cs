using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// One data set of the parity suites, written through the store port: into an embedded store once
/// (the in-memory reference reads it) and, on demand, into each warehouse by the warehouse store's
/// own writer, so every engine sees the same rows.
/// </summary>
public sealed class ParityData
{
    private readonly Action<IStoreWriter> _write;
    private readonly Lazy<string> _sqlitePath;
    private readonly Dictionary<string, EventTable> _tables = [];
    private readonly Lock _gate = new();

    internal ParityData(string name, Action<IStoreWriter> write)
    {
        Name = name;
        _write = write;
        _sqlitePath = new Lazy<string>(() =>
        {
            var path = Directory.File("embedded.db");
            using var store = SqliteStore.Open(path, create: true);
            write(store);
            return path;
        });
    }

    /// <summary>A short name, unique among the data sets.</summary>
    public string Name { get; }

    /// <summary>Where the data set's files live for the whole run (under the system temp directory).</summary>
    public TempDirectory Directory { get; } = new();

    public static ParityData Retention { get; } = new("retention", HandMadeStores.Retention);

    public static ParityData Funnel { get; } = new("funnel", HandMadeStores.Funnel);

    public static ParityData FunnelModes { get; } = new("funnel_modes", FunnelModeStore.Write);

    public static ParityData Profiles { get; } = new("profiles", HandMadeStores.Profiles);

    public static ParityData Experiment { get; } = new("experiment", ExperimentParityStore.Write);

    public static ParityData Revenue { get; } = new("revenue", HandMadeStores.Revenue);

    public static ParityData RevenueTie { get; } = new("revenue_tie", HandMadeStores.RevenueTie);
    public static ParityData Engagement { get; } = new("engagement", EngagementParityStore.Write);

    /// <summary>A generated product of a few thousand users, with visitors and identified devices.</summary>
    public static ParityData Demo { get; } = new("demo", store =>
        Sextant.Synthetic.ScenarioStoreWriter.Write(Sextant.Synthetic.NotionGenerator.Generate(new Sextant.Synthetic.NotionScenario { Users = 2_000, Seed = 11 }), store));

    private static readonly Dictionary<int, ParityData> RandomSets = [];

    /// <summary>The random store of <paramref name="seed"/> (<see cref="RandomStores"/>), one data set per seed for the run.</summary>
    public static ParityData Random(int seed)
    {
        lock (RandomSets)
        {
            if (!RandomSets.TryGetValue(seed, out var data)) RandomSets[seed] = data = new ParityData($"random{seed}", store => RandomStores.Write(store, seed));
            return data;
        }
    }

    /// <summary>Writes the data set through <paramref name="store"/>.</summary>
    public void WriteTo(IStoreWriter store) => _write(store);

    /// <summary>The in-memory reference over the embedded store, its calendar in <paramref name="zone"/>.</summary>
    public IAnalysisEngine InMemory(TimeZoneInfo zone)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(zone.Id, out var table))
            {
                using var store = SqliteStore.Open(_sqlitePath.Value, create: false);
                _tables[zone.Id] = table = SqliteEventTableLoader.Load(store, zone);
            }
            return new InMemoryEngine(table);
        }
    }
}
