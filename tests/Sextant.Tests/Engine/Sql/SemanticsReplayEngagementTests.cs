using Sextant.Analysis.Engagement;
using Sextant.Tests.Support.SemanticsFixtures;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Every hand-made case of the metrics (engagement) semantics tests (<see cref="EngagementFixtures"/>) replayed on each
/// database in UTC, Paris and New York (and the case's own zone): pushed down, the measures equal the
/// in-memory engine's; not pushed down, the pushdown engine answers from memory and says so.
/// </summary>
public abstract class SemanticsReplayEngagementTests(ParityEngine engine)
{
    private static readonly Dictionary<string, SemanticsCase<EngagementQuery>> Cases = EngagementFixtures.Cases.ToDictionary(c => c.Label);

    public static TheoryData<string, string> Grid() => SemanticsReplay.Grid(EngagementFixtures.Cases);

    [Theory]
    [MemberData(nameof(Grid))]
    public void Each_semantics_case_gets_the_in_memory_measures(string label, string zone) =>
        SemanticsReplay.AssertReplays(engine, Cases[label].Data, zone, Cases[label].Query, ByGroupValues);

    // Breakdown groups are listed in the in-memory scope's order or by label in SQL; the shaper ranks them itself.
    private static EngagementMeasures ByGroupValues(EngagementMeasures measures) => measures with
    {
        Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Values), StringComparer.Ordinal)],
    };
}

public sealed class DuckDbSemanticsReplayEngagementTests() : SemanticsReplayEngagementTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSemanticsReplayEngagementTests(PostgresServer server) : SemanticsReplayEngagementTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseSemanticsReplayEngagementTests(ClickHouseServer server) : SemanticsReplayEngagementTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterSemanticsReplayEngagementTests(ClickHouseCluster cluster) : SemanticsReplayEngagementTests(new ClickHouseClusterParity(cluster));
