using Sextant.Analysis.Revenue;
using Sextant.Tests.Support.SemanticsFixtures;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Every hand-made case of the revenue semantics tests (<see cref="RevenueFixtures"/>) replayed on each
/// database in UTC, Paris and New York (and the case's own zone): pushed down, the measures equal the
/// in-memory engine's; not pushed down, the pushdown engine answers from memory and says so.
/// </summary>
public abstract class SemanticsReplayRevenueTests(ParityEngine engine)
{
    private static readonly Dictionary<string, SemanticsCase<RevenueQuery>> Cases = RevenueFixtures.Cases.ToDictionary(c => c.Label);

    public static TheoryData<string, string> Grid() => SemanticsReplay.Grid(RevenueFixtures.Cases);

    [Theory]
    [MemberData(nameof(Grid))]
    public void Each_semantics_case_gets_the_in_memory_measures(string label, string zone) =>
        SemanticsReplay.AssertReplays(engine, Cases[label].Data, zone, Cases[label].Query);
}

public sealed class DuckDbSemanticsReplayRevenueTests() : SemanticsReplayRevenueTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSemanticsReplayRevenueTests(PostgresServer server) : SemanticsReplayRevenueTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseSemanticsReplayRevenueTests(ClickHouseServer server) : SemanticsReplayRevenueTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterSemanticsReplayRevenueTests(ClickHouseCluster cluster) : SemanticsReplayRevenueTests(new ClickHouseClusterParity(cluster));
