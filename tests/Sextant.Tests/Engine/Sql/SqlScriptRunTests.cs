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
                case "dau_wau_mau.sql" or "power_users.sql" or "feature_adoption.sql" or "north_star.sql":
                    AssertSameEngagementPart(session, reference, script.FileName, statement);
                    break;
                default:
                    Assert.Fail($"no check for {script.FileName}");
                    break;
            }
        }
    }

    /// <summary>An engagement script's rows laid out as the engine lays them out equal that part of the in-memory engine's measures.</summary>
    private static void AssertSameEngagementPart(SqlSession session, Sextant.Engine.IAnalysisEngine reference, string file, string statement)
    {
        var query = SqlScripts.Engagement;
        var expected = reference.Measure(query);
        var plan = EngagementSqlMeasurer.Plan(session, query);
        switch (file)
        {
            case "dau_wau_mau.sql":
                Assert.Equal(Json(expected.Activity), Json(EngagementSqlMeasurer.Activity(plan, EngagementSqlMeasurer.Read(session, statement))));
                break;
            case "power_users.sql":
                Assert.Equal(Json(expected.PowerUsers), Json(EngagementSqlMeasurer.PowerUsers(plan, EngagementSqlMeasurer.Read(session, statement), expected.SignedUp)));
                break;
            case "north_star.sql":
                Assert.Equal(Json(expected.NorthStarWeeks), Json(EngagementSqlMeasurer.NorthStar(plan, EngagementSqlMeasurer.Read(session, statement))));
                break;
            default:
                var (rows, groups) = EngagementSqlMeasurer.ReadFeatures(session, statement);
                var features = EngagementSqlMeasurer.Features(plan, rows, EngagementSqlMeasurer.ActiveMonths(plan, rows), groups);
                Assert.Equal(Json(expected.Features), Json(features));
                Assert.Equal(Json(expected.AdoptionGroups), Json(EngagementSqlMeasurer.AdoptionGroups(groups)));
                break;
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
