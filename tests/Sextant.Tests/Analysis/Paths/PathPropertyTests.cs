using FsCheck;
using FsCheck.Fluent;
using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Paths;

public sealed class PathPropertyTests
{
    private static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["a", "b", "c", "d"];

    /// <summary>Per entity, events as (name, minutes after the previous event, at least 1 so instants never tie).</summary>
    private static readonly Gen<(int Name, int Gap)[][]> Histories =
        Gen.Choose(1, 60).Zip(Gen.Choose(0, 3)).Select(p => (Name: p.Item2, Gap: p.Item1)).ArrayOf().ArrayOf()
            .Where(users => users.Length is > 0 and <= 5 && users.Sum(u => u.Length) is > 0 and <= 40);

    private static EventTable Table((int Name, int Gap)[][] users)
    {
        var events = new List<EventRecord>();
        for (var u = 0; u < users.Length; u++)
        {
            var at = Origin;
            foreach (var (name, gap) in users[u])
            {
                at = at.AddMinutes(gap);
                events.Add(At("u" + u, Names[name], at.ToString("o")));
            }
        }
        return Load(null, [.. events]);
    }

    /// <summary>Oracle: split at gaps over 30 minutes, collapse repeats, keep at most three steps from the first event (or from the first 'a').</summary>
    private static Dictionary<string, long> Expected((int Name, int Gap)[][] users, bool fromA)
    {
        var counts = new Dictionary<string, long>();
        foreach (var user in users)
        {
            var sessions = new List<List<int>>();
            for (var i = 0; i < user.Length; i++)
            {
                if (i == 0 || user[i].Gap > 30) sessions.Add([]);
                if (sessions[^1].Count == 0 || sessions[^1][^1] != user[i].Name) sessions[^1].Add(user[i].Name);
            }
            foreach (var session in sessions)
            {
                var first = fromA ? session.IndexOf(0) : 0;
                if (first < 0) continue;
                var key = string.Join(">", session.Skip(first).Take(3).Select(n => Names[n]));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return counts;
    }

    [Fact]
    public void Paths_match_a_direct_count_and_shares_edges_and_dropoff_add_up()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Histories.Zip(Gen.Elements(false, true)).ToArbitrary(), c =>
        {
            // A start event must exist, so 'a' is the start only when someone did it.
            var fromA = c.Item2 && c.Item1.Any(u => u.Any(e => e.Name == 0));
            var users = c.Item1;
            var result = new InMemoryEngine(Table(users)).Run(new PathQuery { MaxSteps = 3, Top = 1000, Start = fromA ? "a" : null });

            Assert.Equal(Expected(users, fromA), result.Paths.ToDictionary(p => string.Join(">", p.Steps), p => p.Count));
            Assert.True(result.Paths.Sum(p => p.Share) <= 1 + 1e-12);
            Assert.Equal(result.SequencesWithPath, result.Dropoff.Sum(d => d.Ends));
            Assert.Equal(result.SequencesWithPath, result.Paths.Sum(p => p.Count));
            Assert.All(result.Paths, p => Assert.InRange(p.Users, 1, p.Count));
            foreach (var node in result.Dropoff)
            {
                var leaving = result.Edges.Where(e => e.Step == node.Step && e.From == node.Event).Sum(e => e.Count);
                Assert.True(leaving <= node.Reaching);
                Assert.Equal(node.Reaching, leaving + node.Ends);
            }
            Assert.All(result.Network.Transitions.GroupBy(t => t.From), g => Assert.True(g.Sum(t => t.Share) <= 1 + 1e-12));
        }));
    }
}
