using System.Text.Json;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Engine.Sql;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Each file <c>sextant sql</c> writes, run as written in its database over a generated product,
/// gives the measures the in-memory engine gives.
/// </summary>
public abstract class SqlScriptRunTests(ParityEngine engine)
{
    [Fact]
    public void Every_script_run_in_the_database_gives_the_in_memory_engine_s_measures()
    {
        var parameters = SqlScriptSnapshotTests.Parameters;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(parameters.TimeZone);
        using var warehouse = engine.Connect(ParityData.Demo);
        var session = new SqlSession(warehouse, zone);
        var reference = ParityData.Demo.InMemory(zone);
        var scripts = SqlScripts.For(warehouse.Dialect, parameters);
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            // The header is comments; the database takes the statement without its closing semicolon.
            var statement = script.Text.TrimEnd().TrimEnd(';');
            switch (script.FileName)
            {
                case "retention.sql":
                    var retention = new RetentionQuery(parameters.Period, parameters.Mode);
                    Assert.Equal(Json(reference.Measure(retention)), Json(RetentionSqlMeasurer.Measure(session, retention, statement)));
                    break;
                case "revenue.sql":
                    var revenue = new RevenueQuery();
                    MeasuresAssert.Close(reference.Measure(revenue), RevenueSqlMeasurer.Measure(session, revenue, statement));
                    break;
                case "funnel.sql":
                    Assert.Equal(Json(reference.Measure(parameters.Funnel)), Json(FunnelSqlMeasurer.Measure(session, parameters.Funnel, statement)));
                    break;
                default:
                    Assert.Fail($"no check for {script.FileName}");
                    break;
            }
        }
    }

    private static string Json(object measures) => JsonSerializer.Serialize(measures);
}

public sealed class DuckDbSqlScriptRunTests() : SqlScriptRunTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSqlScriptRunTests(PostgresServer server) : SqlScriptRunTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseSqlScriptRunTests(ClickHouseServer server) : SqlScriptRunTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterSqlScriptRunTests(ClickHouseCluster cluster) : SqlScriptRunTests(new ClickHouseClusterParity(cluster));
