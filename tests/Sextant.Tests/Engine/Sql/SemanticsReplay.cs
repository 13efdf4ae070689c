using System.Text.Json;
using Npgsql;
using Sextant.Analysis;
using Sextant.Engine;
using Sextant.Engine.Sql;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Replays a semantics test's hand-made case on one database: the pushed-down measures must equal the
/// in-memory engine's, and a query the database does not take must still get the in-memory answer,
/// with the note saying so.
/// </summary>
internal static class SemanticsReplay
{
    /// <summary>The zones every case is replayed in, beside its own.</summary>
    public static readonly string[] Zones = HandMadeStores.Zones;

    private static readonly Dictionary<string, ParityData> DataSets = [];

    /// <summary>The parity data set of <paramref name="data"/>, one for the run.</summary>
    public static ParityData Of(SemanticsData data)
    {
        lock (DataSets)
        {
            if (!DataSets.TryGetValue(data.Name, out var parity)) DataSets[data.Name] = parity = new ParityData("sem_" + data.Name, data.Write);
            return parity;
        }
    }

    /// <summary>Each case's label with every zone to replay it in: <see cref="Zones"/> and the case's own.</summary>
    public static TheoryData<string, string> Grid<TQuery>(IEnumerable<SemanticsCase<TQuery>> cases)
    {
        var grid = new TheoryData<string, string>();
        foreach (var fixture in cases)
            foreach (var zone in Zones.Append(fixture.Zone).Distinct(StringComparer.Ordinal))
                grid.Add(fixture.Label, zone);
        return grid;
    }

    /// <summary>
    /// Asserts <paramref name="engine"/>'s database answers <paramref name="query"/> over <paramref name="data"/> as
    /// memory does: the same measures once put in <paramref name="canonical"/> order (for lists whose order the
    /// measures leave open), and the same result.
    /// </summary>
    public static void AssertReplays<TMeasures, TResult>(
        ParityEngine engine, SemanticsData data, string zone, IAnalysisQuery<TMeasures, TResult> query, Func<TMeasures, TMeasures>? canonical = null)
    {
        try
        {
            var parity = Of(data);
            var timeZone = HandMadeStores.Zone(zone);
            var inMemory = parity.InMemory(timeZone);
            using var warehouse = engine.Connect(parity);
            var sql = new SqlEngine(warehouse, timeZone);
            var pushdown = new PushdownEngine(sql, () => inMemory);
            canonical ??= measures => measures;

            var measures = pushdown.Measure(query);
            var expected = inMemory.Measure(query);

            Assert.Equal(Json(canonical(expected)), Json(canonical(measures)));
            // The shaped results too, where any order the measures leave open is settled.
            Assert.Equal(Json(new Answered(expected).Run(query)), Json(new Answered(measures).Run(query)));
            if (ReferenceEquals(pushdown.LastAnswered, inMemory))
                Assert.StartsWith("computed in memory: ", pushdown.Note, StringComparison.Ordinal);
            else
                Assert.Equal($"computed in {sql.Name}", pushdown.Note);
        }
        finally
        {
            ReleaseIdleConnections(engine);
        }
    }

    /// <summary>Asserts the database refuses <paramref name="query"/> with the in-memory engine's message.</summary>
    public static void AssertSameError<TMeasures, TResult>(ParityEngine engine, SemanticsData data, IAnalysisQuery<TMeasures, TResult> query)
    {
        try
        {
            var parity = Of(data);
            var expected = Assert.Throws<SextantException>(() => parity.InMemory(TimeZoneInfo.Utc).Measure(query));
            using var warehouse = engine.Connect(parity);
            var actual = Assert.Throws<SextantException>(() => new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query));
            Assert.Equal(expected.Message, actual.Message);
        }
        finally
        {
            ReleaseIdleConnections(engine);
        }
    }

    /// <summary>
    /// Closes the pooled PostgreSQL connections this test left idle. Npgsql keeps a pool per connection
    /// string, so each of the many small databases here would keep a connection open for minutes, and
    /// the test server allows 50.
    /// </summary>
    private static void ReleaseIdleConnections(ParityEngine engine)
    {
        if (engine is PostgresParity) NpgsqlConnection.ClearAllPools();
    }

    /// <summary>An engine that gives measures already taken, so they are shaped without being measured again.</summary>
    private sealed class Answered(object? measures) : IAnalysisEngine
    {
        public string Name => "answered";

        public TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query) => (TMeasures)measures!;
    }

    private static string Json(object? measures) => JsonSerializer.Serialize(measures, new JsonSerializerOptions { WriteIndented = true });
}
