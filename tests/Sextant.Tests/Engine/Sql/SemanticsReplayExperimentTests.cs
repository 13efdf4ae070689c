using Sextant.Analysis.Experiments;
using Sextant.Tests.Support.SemanticsFixtures;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Every hand-made case of the experiment semantics tests (<see cref="ExperimentFixtures"/>) replayed on each
/// database in UTC, Paris and New York (and the case's own zone): pushed down, the measures equal the
/// in-memory engine's; not pushed down, the pushdown engine answers from memory and says so.
/// </summary>
public abstract class SemanticsReplayExperimentTests(ParityEngine engine)
{
    private static readonly Dictionary<string, SemanticsCase<ExperimentQuery>> Cases = ExperimentFixtures.Cases.ToDictionary(c => c.Label);

    public static TheoryData<string, string> Grid() => SemanticsReplay.Grid(ExperimentFixtures.Cases);

    public static TheoryData<string> ErrorLabels() => [.. ExperimentFixtures.Errors.Select(e => e.Label)];

    [Theory]
    [MemberData(nameof(Grid))]
    public void Each_semantics_case_gets_the_in_memory_measures(string label, string zone) =>
        SemanticsReplay.AssertReplays(engine, Cases[label].Data, zone, Cases[label].Query);

    [Theory]
    [MemberData(nameof(ErrorLabels))]
    public void Each_refused_semantics_case_fails_with_the_in_memory_message(string label)
    {
        var error = ExperimentFixtures.Errors.Single(e => e.Label == label);
        SemanticsReplay.AssertSameError(engine, error.Data, error.Query);
    }
}

public sealed class DuckDbSemanticsReplayExperimentTests() : SemanticsReplayExperimentTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSemanticsReplayExperimentTests(PostgresServer server) : SemanticsReplayExperimentTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseSemanticsReplayExperimentTests(ClickHouseServer server) : SemanticsReplayExperimentTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterSemanticsReplayExperimentTests(ClickHouseCluster cluster) : SemanticsReplayExperimentTests(new ClickHouseClusterParity(cluster));
