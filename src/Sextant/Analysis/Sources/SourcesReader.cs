using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Analysis.Sources;

/// <summary>
/// Reads a store's events by source and day, and what identity resolution did, for
/// <c>sextant sources</c>. It describes the store as stored, so it reads the storage port
/// directly (as <c>check</c> and <c>info</c> do): one pass over the identity, time and source
/// columns.
/// </summary>
public static class SourcesReader
{
    /// <summary>Most sources told apart in the cross-source identity figures (a bit each).</summary>
    private const int MaxMaskedSources = 64;

    /// <summary>Reads the report.</summary>
    /// <param name="store">The store.</param>
    /// <param name="zone">The project's zone: days are its calendar days.</param>
    /// <param name="threshold">Relative spread (0–1) above which a complete day is flagged.</param>
    /// <exception cref="SextantException">The threshold is not between 0 and 1, or the store is damaged.</exception>
    public static SourcesReport Read(IEventStore store, TimeZoneInfo zone, double threshold)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(zone);
        if (!(threshold is >= 0 and <= 1)) throw new SextantException($"--threshold {threshold}: expected a share between 0 and 1, e.g. 0.1 for 10%");
        var columns = store.ReadEventColumns();
        var sources = store.ColumnSource.ReadColumn("source");
        var calendar = new ProjectCalendar(zone, columns.RowCount == 0 ? 0 : columns.MinTimestamp, columns.RowCount == 0 ? 0 : columns.MaxTimestamp);
        var links = store.ReadLinks();
        var userOfAnonymous = UserCodesOfAnonymous(links, columns);

        var sourceCount = sources.Values.Length;
        var buckets = new Dictionary<(int Day, int Source), Bucket>();
        var totals = new SourceAccumulator[sourceCount + 1];
        for (var s = 0; s <= sourceCount; s++) totals[s] = new SourceAccumulator();
        var sourcesOfUser = new Dictionary<int, ulong>();
        var anonymousOnlySources = new ulong[columns.AnonymousIds.Count + 1];
        var linkSources = new ulong[columns.AnonymousIds.Count + 1];
        var anonymousSeen = new bool[columns.AnonymousIds.Count + 1];
        long reattributed = 0;
        for (var row = 0; row < columns.RowCount; row++)
        {
            var source = sources.Codes[row];
            var day = calendar.DayOf(columns.Timestamps[row]);
            var user = columns.UserCodes[row];
            var anonymous = columns.AnonymousCodes[row];
            var bit = source is > 0 and <= MaxMaskedSources ? 1UL << (source - 1) : 0UL;
            var total = totals[source];
            total.Add(day);
            if (anonymous > 0) anonymousSeen[anonymous] = true;
            if (user > 0)
            {
                total.Identified++;
                if (anonymous > 0)
                {
                    total.Links++;
                    linkSources[anonymous] |= bit;
                }
            }
            else
            {
                total.Anonymous++;
                anonymousOnlySources[anonymous] |= bit;
                user = userOfAnonymous[anonymous];
                if (user > 0) reattributed++;
            }

            if (!buckets.TryGetValue((day, source), out var bucket)) buckets[(day, source)] = bucket = new Bucket();
            bucket.Events++;
            if (user > 0)
            {
                bucket.Users.Add(user);
                total.Users.Add(user);
                sourcesOfUser[user] = sourcesOfUser.GetValueOrDefault(user) | bit;
            }
            else
            {
                bucket.Visitors.Add(anonymous);
            }
        }

        var names = new string[sourceCount + 1];
        names[0] = "(none)";
        for (var s = 1; s <= sourceCount; s++) names[s] = sources.Values[s - 1];
        var order = Enumerable.Range(0, sourceCount + 1).Where(s => totals[s].Events > 0)
            .OrderByDescending(s => totals[s].Events).ThenBy(s => names[s], StringComparer.Ordinal).ToList();
        var sourceTotals = order.Select(s => totals[s].ToTotal(names[s])).ToList();
        var lastDay = columns.RowCount == 0 ? int.MinValue : calendar.DayOf(columns.MaxTimestamp);
        var days = buckets.Keys.Select(k => k.Day).Distinct().Order()
            .Select(day => DayOf(day, day == lastDay, order, totals, names, buckets, threshold)).ToList();
        var identity = Identity(links, columns, userOfAnonymous, anonymousSeen, anonymousOnlySources, linkSources, reattributed, sourcesOfUser);
        return new SourcesReport(store.Location, zone.Id, threshold, sourceTotals, days, identity);
    }

    private static SourceDay DayOf(int day, bool partial, List<int> order, SourceAccumulator[] totals, string[] names,
        Dictionary<(int Day, int Source), Bucket> buckets, double threshold)
    {
        var counts = new List<SourceDayCount>();
        foreach (var source in order)
        {
            if (day < totals[source].FirstDay || day > totals[source].LastDay) continue;
            var bucket = buckets.GetValueOrDefault((day, source));
            counts.Add(new SourceDayCount(names[source], bucket?.Events ?? 0, bucket?.Users.Count ?? 0, bucket?.Visitors.Count ?? 0));
        }
        var eventSpread = Spread(counts.Select(c => c.Events));
        var userSpread = Spread(counts.Select(c => c.Users));
        var disagrees = !partial && counts.Count >= 2 && (eventSpread > threshold || userSpread > threshold);
        return new SourceDay(DateOnly.FromDayNumber(day), partial, counts, eventSpread, userSpread, disagrees);
    }

    /// <summary>(largest − smallest) ÷ largest; 0 for fewer than two values or when all are 0.</summary>
    internal static double Spread(IEnumerable<long> values)
    {
        var list = values.ToList();
        if (list.Count < 2) return 0;
        var max = list.Max();
        return max == 0 ? 0 : (double)(max - list.Min()) / max;
    }

    /// <summary>The user code each linked anonymous code belongs to by the earliest-link rule (0 = not linked).</summary>
    private static int[] UserCodesOfAnonymous(IReadOnlyList<IdentityLink> links, EventColumns columns)
    {
        var result = new int[columns.AnonymousIds.Count + 1];
        foreach (var (anonymous, user) in IdentityResolution.UsersOf(links))
            if (columns.AnonymousIds.TryGetCode(anonymous, out var anonymousCode) && columns.UserIds.TryGetCode(user, out var userCode))
                result[anonymousCode] = userCode;
        return result;
    }

    private static IdentityMergeStats Identity(IReadOnlyList<IdentityLink> links, EventColumns columns, int[] userOfAnonymous, bool[] anonymousSeen,
        ulong[] anonymousOnlySources, ulong[] linkSources, long reattributed, Dictionary<int, ulong> sourcesOfUser)
    {
        long anonymousIds = 0, linked = 0, visitors = 0, crossSource = 0;
        var usersWithLinks = new HashSet<int>();
        for (var code = 1; code < anonymousSeen.Length; code++)
        {
            if (!anonymousSeen[code]) continue;
            anonymousIds++;
            if (userOfAnonymous[code] == 0)
            {
                visitors++;
                continue;
            }
            linked++;
            usersWithLinks.Add(userOfAnonymous[code]);
            if ((anonymousOnlySources[code] & ~linkSources[code]) != 0) crossSource++;
        }
        var conflicts = links.GroupBy(l => l.AnonymousId, StringComparer.Ordinal).Count(g => g.Select(l => l.UserId).Distinct(StringComparer.Ordinal).Count() > 1);
        var severalSources = sourcesOfUser.Values.LongCount(mask => (mask & (mask - 1)) != 0);
        return new IdentityMergeStats(anonymousIds, linked, conflicts, visitors, usersWithLinks.Count, reattributed, severalSources, crossSource);
    }

    private sealed class Bucket
    {
        public long Events;
        public HashSet<int> Users { get; } = [];
        public HashSet<int> Visitors { get; } = [];
    }

    private sealed class SourceAccumulator
    {
        public long Events;
        public long Identified;
        public long Anonymous;
        public long Links;
        public int FirstDay = int.MaxValue;
        public int LastDay = int.MinValue;

        public HashSet<int> Users { get; } = [];

        public void Add(int day)
        {
            Events++;
            if (day < FirstDay) FirstDay = day;
            if (day > LastDay) LastDay = day;
        }

        public SourceTotal ToTotal(string name) => new(name, DateOnly.FromDayNumber(FirstDay), DateOnly.FromDayNumber(LastDay), Events, Users.Count, Identified, Anonymous, Links);
    }
}
