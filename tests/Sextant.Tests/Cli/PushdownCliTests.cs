using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>
/// On a warehouse store the commands run pushed down: the same output as on the embedded store,
/// a note saying where the query ran, and typed names checked against the database's names.
/// </summary>
public sealed class PushdownCliTests : IDisposable
{
    private const string Events = """
        event_id,user_id,anonymous_id,event,timestamp,platform,properties
        e0,,a1,page_view,2026-01-01T08:00:00Z,web,"{""path"":""/pricing""}"
        e1,u1,a1,signup,2026-01-01T09:00:00Z,web,"{""plan"":""free""}"
        e2,u1,,create_page,2026-01-01T09:10:00Z,web,{}
        e3,u1,,edit_page,2026-01-09T09:00:00Z,ios,{}
        e4,u2,,signup,2026-01-03T09:00:00Z,web,{}
        e5,u2,,create_page,2026-01-03T09:05:00Z,web,{}
        e6,u2,,create_page,2026-01-20T09:05:00Z,web,{}
        """;

    private const string Subscriptions = """
        subscription_id,user_id,plan,status,start_at,end_at,mrr,currency
        s1,u1,plus,active,2026-01-01T09:30:00Z,,12.50,USD
        s2,u2,plus,cancelled,2026-01-03T09:00:00Z,2026-01-10T00:00:00Z,8,EUR
        """;

    private readonly TempDirectory _directory = new();
    private readonly string _duck;
    private readonly string _sqlite;

    public PushdownCliTests()
    {
        var events = _directory.Write("events.csv", Events + "\n");
        var subscriptions = _directory.Write("subscriptions.csv", Subscriptions + "\n");
        _duck = "duckdb:" + _directory.File("store.duckdb");
        _sqlite = _directory.File("store.db");
        Assert.Equal(0, InProcessCli.Run("ingest", events, subscriptions, "--store", _duck).Code);
        Assert.Equal(0, InProcessCli.Run("ingest", events, subscriptions, "--store", _sqlite).Code);
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("retention", "--period", "week")]
    [InlineData("retention", "--period", "day", "--mode", "on_or_after")]
    [InlineData("retention", "--period", "week", "--breakdown", "segment", "--breakdown", "plan")]
    [InlineData("revenue")]
    [InlineData("revenue", "--from", "2026-01-05", "--as-of", "2026-01-15")]
    [InlineData("metrics")]
    [InlineData("metrics", "--period", "month", "--as-of", "2026-01-10")]
    [InlineData("funnel", "--steps", "signup,create_page", "--breakdown", "plan")]
    public void Given_the_same_events_in_duckdb_and_sqlite_when_a_pushed_down_command_runs_then_it_prints_the_same_json_and_says_where_it_ran(params string[] command)
    {
        var (memoryCode, inMemory, memoryError) = InProcessCli.Run([.. command, "--store", _sqlite, "--json"]);
        var (sqlCode, pushed, sqlError) = InProcessCli.Run([.. command, "--store", _duck, "--json"]);

        Assert.Equal((0, 0), (memoryCode, sqlCode));
        Assert.Equal(inMemory, pushed);
        Assert.Contains("note: computed in duckdb", sqlError, StringComparison.Ordinal);
        Assert.DoesNotContain("computed in", memoryError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ordered")]
    [InlineData("strict")]
    [InlineData("unordered")]
    public void Given_a_warehouse_store_when_a_funnel_runs_then_it_prints_what_the_embedded_store_prints_and_says_it_ran_in_the_database(string order)
    {
        string[] funnel = ["funnel", "--steps", "signup,create_page,edit_page[platform=web]", "--order", order, "--window", "14d", "--json"];
        var (memoryCode, inMemory, _) = InProcessCli.Run([.. funnel, "--store", _sqlite]);
        var (warehouseCode, fromWarehouse, error) = InProcessCli.Run([.. funnel, "--store", _duck]);

        Assert.Equal((0, 0), (memoryCode, warehouseCode));
        Assert.Equal(inMemory, fromWarehouse);
        Assert.Contains("note: computed in duckdb", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_pushdown_off_in_the_config_when_a_funnel_runs_on_a_warehouse_then_it_runs_in_memory_and_says_why()
    {
        var config = _directory.Write("memory.yaml", "pushdown: false\n");
        string[] funnel = ["funnel", "--steps", "signup,create_page,edit_page", "--json"];
        var (memoryCode, inMemory, _) = InProcessCli.Run([.. funnel, "--store", _sqlite]);
        var (warehouseCode, fromWarehouse, error) = InProcessCli.Run([.. funnel, "--store", _duck, "--config", config]);

        Assert.Equal((0, 0), (memoryCode, warehouseCode));
        Assert.Equal(inMemory, fromWarehouse);
        Assert.Contains("note: computed in memory: pushdown is off in sextant.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_warehouse_store_when_a_funnel_s_steps_share_an_event_then_it_prints_what_the_embedded_store_prints_and_says_it_ran_in_memory()
    {
        string[] funnel = ["funnel", "--steps", "signup,create_page,create_page|edit_page", "--json"];
        var (memoryCode, inMemory, _) = InProcessCli.Run([.. funnel, "--store", _sqlite]);
        var (warehouseCode, fromWarehouse, error) = InProcessCli.Run([.. funnel, "--store", _duck]);

        Assert.Equal((0, 0), (memoryCode, warehouseCode));
        Assert.Equal(inMemory, fromWarehouse);
        Assert.Contains("note: computed in memory: funnels whose steps share an event are not pushed down yet", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_warehouse_store_when_metrics_are_broken_down_by_profile_columns_then_they_run_in_the_database_and_print_what_the_embedded_store_prints()
    {
        string[] metrics = ["metrics", "--breakdown", "platform", "--breakdown", "plan", "--json"];
        var (memoryCode, inMemory, _) = InProcessCli.Run([.. metrics, "--store", _sqlite]);
        var (warehouseCode, fromWarehouse, error) = InProcessCli.Run([.. metrics, "--store", _duck]);

        Assert.Equal((0, 0), (memoryCode, warehouseCode));
        Assert.Equal(inMemory, fromWarehouse);
        Assert.Contains("note: computed in duckdb", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signup,create_pag", "unknown event 'create_pag'", "'create_page'")]
    [InlineData("signup,create_page[pln=free]", "unknown event property 'pln'", "")]
    public void Given_a_warehouse_store_when_a_step_names_what_it_does_not_hold_then_it_exits_2_naming_it(string steps, string expected, string hint)
    {
        var (code, _, error) = InProcessCli.Run("funnel", "--steps", steps, "--store", _duck);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_warehouse_store_when_a_step_filters_on_a_stored_property_then_the_name_check_accepts_it()
    {
        var (code, _, error) = InProcessCli.Run("funnel", "--steps", "signup[plan=free],create_page", "--store", _duck, "--json");

        Assert.True(code == 0, error);
    }
}
