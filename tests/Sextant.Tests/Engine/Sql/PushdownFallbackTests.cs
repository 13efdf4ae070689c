using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Engine;
using Sextant.Engine.Sql;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Engine.Sql;

/// <summary>When the pushdown engine asks memory instead of the database, and what it says about it.</summary>
public sealed class PushdownFallbackTests
{
    private sealed class Refusing(Exception error) : IAnalysisEngine
    {
        public string Name => "clickhouse";

        public TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query) => throw error;
    }

    private static readonly RetentionQuery Query = new();

    [Fact]
    public void A_statement_refused_for_lack_of_memory_is_answered_in_memory_with_the_reason()
    {
        var inMemory = ParityData.Retention.InMemory(TimeZoneInfo.Utc);
        var refusal = new SextantException("clickhouse://h/db refused the statement: Code: 241, …", new WarehouseLimitException("Code: 241, Memory limit (for query) exceeded"));
        var pushdown = new PushdownEngine(new Refusing(refusal), () => inMemory);

        var measures = pushdown.Measure(Query);

        Assert.Equal(inMemory.Measure(Query).Groups[0].Users, measures.Groups[0].Users);
        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: clickhouse ran out of memory for the statement (Code: 241, Memory limit (for query) exceeded)", pushdown.Note);
    }

    [Fact]
    public void Any_other_refusal_is_the_user_s_error()
    {
        var refusal = new SextantException("clickhouse://h/db refused the statement: Code: 60, table does not exist");
        var pushdown = new PushdownEngine(new Refusing(refusal), () => throw new InvalidOperationException("memory must not be asked"));

        var error = Assert.Throws<SextantException>(() => pushdown.Measure(Query));

        Assert.Same(refusal, error);
    }
}

/// <summary>Which database refusals mean "out of memory".</summary>
public sealed class WarehouseLimitTests
{
    [Fact]
    public void ClickHouse_s_per_query_memory_limit_is_a_limit_and_other_codes_are_not()
    {
        // The text ClickHouse 18.16 answered a pushed-down metrics statement with at 13.4 million events.
        const string Limit = "Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded: would use 9.43 GiB (attempt to allocate chunk of 234881024 bytes), maximum: 9.31 GiB, e.what() = DB::Exception\n";
        const string Missing = "Code: 60, e.displayText() = DB::Exception: Table db.t doesn't exist., e.what() = DB::Exception\n";

        var limit = WarehouseErrors.ClickHouseRefused("clickhouse://h/db", Limit);
        var missing = WarehouseErrors.ClickHouseRefused("clickhouse://h/db", Missing);

        Assert.IsType<WarehouseLimitException>(limit.InnerException);
        Assert.StartsWith("clickhouse://h/db refused the statement: Code: 241", limit.Message, StringComparison.Ordinal);
        Assert.Null(missing.InnerException);
    }
}
