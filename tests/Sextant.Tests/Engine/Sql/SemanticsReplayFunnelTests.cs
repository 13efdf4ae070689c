using Sextant.Analysis.Funnels;
using Sextant.Tests.Support.SemanticsFixtures;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Every hand-made case of the funnel semantics tests (<see cref="FunnelFixtures"/>) replayed on each
/// database in UTC, Paris and New York (and the case's own zone): pushed down, the measures equal the
/// in-memory engine's; not pushed down, the pushdown engine answers from memory and says so.
/// </summary>
public abstract class SemanticsReplayFunnelTests(ParityEngine engine)
{
    private static readonly Dictionary<string, SemanticsCase<FunnelQuery>> Cases = FunnelFixtures.Cases.ToDictionary(c => c.Label);

    public static TheoryData<string, string> Grid() => SemanticsReplay.Grid(FunnelFixtures.Cases);

    public static TheoryData<string> ErrorLabels() => [.. FunnelFixtures.Errors.Select(e => e.Label)];

    [Theory]
    [MemberData(nameof(Grid))]
    public void Each_semantics_case_gets_the_in_memory_measures(string label, string zone) =>
        SemanticsReplay.AssertReplays(engine, Cases[label].Data, zone, Cases[label].Query, InLabelOrder);

    /// <summary>The measures' groups come in any order: in memory by value code, in SQL by label.</summary>
    private static FunnelMeasures InLabelOrder(FunnelMeasures measures) =>
        measures with { Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Values), StringComparer.Ordinal)] };

    [Theory]
    [MemberData(nameof(ErrorLabels))]
    public void Each_refused_semantics_case_fails_with_the_in_memory_message(string label)
    {
        var error = FunnelFixtures.Errors.Single(e => e.Label == label);
        SemanticsReplay.AssertSameError(engine, error.Data, error.Query);
    }
}

public sealed class DuckDbSemanticsReplayFunnelTests() : SemanticsReplayFunnelTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSemanticsReplayFunnelTests(PostgresServer server) : SemanticsReplayFunnelTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseSemanticsReplayFunnelTests(ClickHouseServer server) : SemanticsReplayFunnelTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterSemanticsReplayFunnelTests(ClickHouseCluster cluster) : SemanticsReplayFunnelTests(new ClickHouseClusterParity(cluster));
