using Sextant.Analysis;
using Sextant.Analysis.Syntax;
using Sextant.Configuration;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Reports;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;

namespace Sextant.Application;

/// <summary>
/// One Sextant project: its settings (sextant.yaml) and its data, with the engine that answers
/// queries over them. The command line, <c>demo</c>, <c>report</c> and the server all go
/// through it: config → queries → engine → results.
/// </summary>
/// <example>
/// <code>
/// var project = Project.Open("sextant.db");
/// var funnel = project.Run(new FunnelQuery(FunnelStepText.ParseList("signup,create_page"), TimeSpan.FromDays(7)));
/// </code>
/// </example>
public sealed class Project
{
    private readonly Lazy<InMemoryEngine> _inMemory;
    private readonly Lazy<IAnalysisEngine> _engine;
    private readonly Lazy<IStoredNames> _names;
    private readonly Lazy<ProjectCalendar> _calendar;

    private Project(SextantConfig config, Func<EventTable> load, IWarehouse? warehouse = null, string? store = null)
    {
        Config = config;
        Warehouse = warehouse;
        Store = store;
        _inMemory = new Lazy<InMemoryEngine>(() => new InMemoryEngine(load()));
        if (warehouse is null)
        {
            _engine = new Lazy<IAnalysisEngine>(() => _inMemory.Value);
            _names = new Lazy<IStoredNames>(() => Table);
            _calendar = new Lazy<ProjectCalendar>(() => Table.Calendar);
            return;
        }
        // A warehouse answers what is pushed down without the events ever being loaded; the
        // in-memory table is built from its rows only for what is not.
        _engine = config.Pushdown
            ? new Lazy<IAnalysisEngine>(() => new PushdownEngine(new SqlEngine(warehouse, config.TimeZone), () => _inMemory.Value))
            : new Lazy<IAnalysisEngine>(() => _inMemory.Value);
        _names = new Lazy<IStoredNames>(() => new WarehouseNames(warehouse));
        _calendar = new Lazy<ProjectCalendar>(() => _inMemory.IsValueCreated ? Table.Calendar : CalendarOf(warehouse, config.TimeZone));
    }

    /// <summary>
    /// The open connection of a warehouse store (PostgreSQL, ClickHouse, DuckDB), through which a
    /// SQL engine can query the store's tables; null for the embedded store and for events already loaded.
    /// </summary>
    public IWarehouse? Warehouse { get; }

    /// <summary>The project's settings.</summary>
    public SextantConfig Config { get; }

    /// <summary>The store file or warehouse URL the project was opened on; null for a project over events already loaded.</summary>
    public string? Store { get; }

    /// <summary>True once the in-memory table has been loaded (a warm server's project), so reading <see cref="Table"/> costs nothing.</summary>
    public bool TableLoaded => _inMemory.IsValueCreated;

    /// <summary>
    /// The engine queries run on: in memory over the loaded table, or for a warehouse store the
    /// SQL engine of its database, which falls back to the in-memory one for what it does not push down.
    /// </summary>
    public IAnalysisEngine Engine => _engine.Value;

    /// <summary>
    /// Where the last query ran, in one line ("computed in duckdb", "computed in memory: …"), for a
    /// warehouse store; null for the embedded store.
    /// </summary>
    public string? EngineNote => !_engine.IsValueCreated || Warehouse is null ? null
        : _engine.Value is PushdownEngine pushdown ? pushdown.Note
        : "computed in memory: pushdown is off in sextant.yaml";

    /// <summary>The in-memory table of the project's events (loaded on first use).</summary>
    public EventTable Table => _inMemory.Value.Table;

    /// <summary>The names the data contain, for checking typed names (no event is loaded for a warehouse store).</summary>
    public IStoredNames Names => _names.Value;

    /// <summary>The calendar of the project's time zone over the data's span.</summary>
    public ProjectCalendar Calendar => _calendar.Value;

    /// <summary>
    /// A project over a store: a store file, or a warehouse URL (docs/WAREHOUSE.md), whose table is
    /// built from the database's rows (the table snapshot is a store-file feature).
    /// <paramref name="config"/> defaults to the sextant.yaml beside the store file when there is
    /// one, else the defaults.
    /// </summary>
    /// <param name="storePath">The store file or warehouse URL.</param>
    /// <param name="config">Settings; null reads the sextant.yaml beside the store.</param>
    /// <param name="notice">Told in one line when the table snapshot cannot be used and the events are loaded from the store instead.</param>
    /// <exception cref="SextantException">The store cannot be opened or is not a Sextant store, or sextant.yaml is invalid.</exception>
    public static Project Open(string storePath, SextantConfig? config = null, Action<string>? notice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        var url = StoreUrl.Parse(storePath);
        if (url.IsWarehouse)
        {
            // The store stays open with the project: the SQL engine queries the database through its connection.
            var store = WarehouseStore.Open(url, create: false);
            var warehouseSettings = config ?? SextantConfig.Default;
            return new Project(warehouseSettings, () => EventTableBuilder.Build(store, warehouseSettings.TimeZone), store.Warehouse, storePath);
        }
        if (config is null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, ConfigLoader.DefaultFileName);
            config = File.Exists(beside) ? ConfigLoader.Load(beside) : SextantConfig.Default;
        }
        var settings = config;
        return new Project(settings, () =>
        {
            using var store = SqliteStore.OpenReadOnly(storePath);
            return TableSnapshot.Load(store, storePath, settings.TimeZone, notice);
        }, store: storePath);
    }

    /// <summary>A project over events already loaded.</summary>
    public static Project Over(EventTable table, SextantConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new Project(config ?? SextantConfig.Default, () => table);
    }

    /// <summary>Runs a query on the project's engine.</summary>
    /// <exception cref="SextantException">The query names something the data do not have, or is invalid.</exception>
    public TResult Run<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query) => Engine.Run(query);

    /// <summary>The saved cohort of that name.</summary>
    /// <exception cref="SextantException">sextant.yaml defines no such cohort.</exception>
    public Cohort Cohort(string name) => BreakdownText.CohortNamed(name, Config.Cohorts);

    /// <summary>Breakdowns from their text forms (attribute, event.PROPERTY, cohort.NAME).</summary>
    /// <exception cref="SextantException">One is invalid or names an undefined cohort, or more than three are given.</exception>
    public ValueList<Breakdown> Breakdowns(IEnumerable<string>? texts) => BreakdownText.ParseAll(texts, Config.Cohorts);

    /// <summary>A range from --from / --to texts, read in the project time zone; messages name the ends as the labels say.</summary>
    /// <exception cref="SextantException">A text is not a date or instant, or the range is empty.</exception>
    public TimeRange Range(string? from, string? to, string fromLabel = "--from", string toLabel = "--to") => RangeText.Parse(from, to, Calendar, fromLabel, toLabel);

    private static ProjectCalendar CalendarOf(IWarehouse warehouse, TimeZoneInfo zone)
    {
        var calendar = new ProjectCalendar(zone, 0, 0);
        warehouse.Read("SELECT min(ts), max(ts) FROM sextant_events WHERE ts IS NOT NULL", row =>
        {
            if (!row.IsNull(0)) calendar = new ProjectCalendar(zone, row.GetInt64(0), row.GetInt64(1));
        });
        return calendar;
    }

    /// <summary>Every analysis a report shows, with the project's settings, narrowed to <paramref name="scope"/> when given (a live dashboard's view).</summary>
    public ReportInputs Report(string product = "Product", DashboardScope? scope = null) => ReportAnalyses.Run(Table, Config, product, scope);
}
