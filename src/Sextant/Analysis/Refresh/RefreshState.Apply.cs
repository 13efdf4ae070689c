using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Analysis.Refresh;

/// <summary>Folding appended events and changed profiles into the state.</summary>
internal sealed partial class RefreshState
{
    /// <summary>
    /// Reads the appended events (and, when given, every profile's sign-up) into the state: each
    /// event adds to its day and marks its person's day active; a person whose facts change —
    /// new events, an anonymous history linked to them or taken from them, a changed sign-up —
    /// has their old figures replaced by their new ones in the tables. Returns the events read.
    /// </summary>
    public long Apply(AppendedEvents appended, IReadOnlyList<ProfileSignup>? profiles, RefreshSettings settings)
    {
        Tables.ClearTouched();
        // The old figures are taken after the fold from the day lists as they were, so none may be pending.
        Compact();
        var profileCodes = profiles is null || profiles.Count == 0 ? 0 : profiles.Max(p => p.UserCode);
        Grow(Math.Max(appended.UserCount, profileCodes), appended.AnonymousCount);

        var active = new bool[appended.EventNames.Count + 1];
        var excluded = settings.Excluded.ToHashSet(StringComparer.Ordinal);
        for (var code = 1; code < active.Length; code++) active[code] = !excluded.Contains(appended.EventNames[code - 1]);
        var sources = appended.Sources;

        var touched = new bool[_userFirst.Length];
        var before = new List<Touched>();
        var linkedBefore = new List<(int Anonymous, long First)>();
        var union = new List<long>();
        ProjectCalendar? calendar = null;
        // The last day added per key: a person's events mostly come together, so most repeats stop here.
        var userLastDay = new int[_userFirst.Length];
        var anonymousLastDay = new int[_anonymousUser.Length];

        void Touch(int user)
        {
            if (touched[user]) return;
            touched[user] = true;
            // A person's facts are unchanged until they are first touched, and so are those of the
            // anonymous ids linked to them then: their old figures can be computed after the fold.
            var start = linkedBefore.Count;
            for (var anonymous = _firstLinked[user]; anonymous != 0; anonymous = _nextLinked[anonymous])
                linkedBefore.Add((anonymous, _anonymousFirst[anonymous]));
            before.Add(new Touched(user, _userFirst[user], _userProfile[user], start, linkedBefore.Count - start));
        }

        // Events and revenue are counted per chunk by (day, source code), then added to the tables.
        var chunkCounts = new Dictionary<long, long>();
        var chunkRevenue = new Dictionary<int, decimal>();
        long read = 0;
        int cachedDay = int.MinValue, cachedMonth = 0, cachedBit = 0;
        foreach (var chunk in Prefetched(appended.Chunks()))
        {
            var times = chunk.Timestamps;
            if (times.Length == 0) continue;
            calendar ??= new ProjectCalendar(settings.Zone, times[0], times[^1]);
            for (var row = 0; row < times.Length; row++)
            {
                var time = times[row];
                var day = calendar.DayOf(time);
                if (day != cachedDay)
                {
                    cachedDay = day;
                    cachedMonth = ProjectCalendar.MonthOfDay(day);
                    cachedBit = day - ProjectCalendar.FirstDayOfMonth(cachedMonth);
                }
                chunkCounts[((long)day << 32) | (uint)chunk.SourceCodes[row]] = chunkCounts.GetValueOrDefault(((long)day << 32) | (uint)chunk.SourceCodes[row]) + 1;
                if (RefreshTables.ParseRevenue(chunk.Revenue[row]) is { } amount) chunkRevenue[day] = chunkRevenue.GetValueOrDefault(day) + amount;
                if (time > Tables.DataEnd) Tables.DataEnd = time;

                var user = chunk.UserCodes[row];
                var anonymous = chunk.AnonymousCodes[row];
                var isActive = active[chunk.EventCodes[row]];
                if (user != 0)
                {
                    Touch(user);
                    if (time < _userFirst[user]) _userFirst[user] = time;
                    if (isActive && userLastDay[user] != day)
                    {
                        userLastDay[user] = day;
                        UserDays.Add(user, cachedMonth, cachedBit);
                    }
                    if (anonymous != 0 && time < _anonymousLinkedAt[anonymous])
                    {
                        // An earlier link wins: the anonymous history moves to this user.
                        var previous = _anonymousUser[anonymous];
                        if (previous != 0) Touch(previous);
                        if (previous != user)
                        {
                            Unlink(anonymous, previous);
                            Link(anonymous, user);
                            _anonymousUser[anonymous] = user;
                        }
                        _anonymousLinkedAt[anonymous] = time;
                    }
                }
                else
                {
                    var linked = _anonymousUser[anonymous];
                    if (linked != 0) Touch(linked);
                    if (time < _anonymousFirst[anonymous]) _anonymousFirst[anonymous] = time;
                    if (isActive && anonymousLastDay[anonymous] != day)
                    {
                        anonymousLastDay[anonymous] = day;
                        AnonymousDays.Add(anonymous, cachedMonth, cachedBit);
                    }
                }
            }
            foreach (var (key, count) in chunkCounts)
            {
                var sourceCode = (int)(uint)key;
                Tables.AddEvents((int)(key >> 32), sourceCode == 0 ? "" : sources[sourceCode - 1], count);
            }
            foreach (var (day, amount) in chunkRevenue) Tables.Day(day).Revenue += amount;
            chunkCounts.Clear();
            chunkRevenue.Clear();
            read += times.Length;
        }

        if (profiles is not null)
        {
            foreach (var profile in profiles)
            {
                var signup = profile.SignupAt ?? NoProfileSignup;
                if (_userProfile[profile.UserCode] == signup) continue;
                calendar ??= new ProjectCalendar(settings.Zone, profile.SignupAt ?? 0, profile.SignupAt ?? 0);
                Touch(profile.UserCode);
                _userProfile[profile.UserCode] = signup;
            }
        }

        // The old and new figures only read the state, so they are computed on every core; they are
        // put into the tables in the order the people were touched.
        var old = new Figures[before.Count];
        var after = new Figures[before.Count];
        Parallel.For(0, before.Count, () => new List<long>(), (i, _, list) =>
        {
            old[i] = OldFiguresOf(before[i], linkedBefore, calendar!, list);
            after[i] = FiguresOf(before[i].User, calendar!, list);
            return list;
        }, _ => { });
        for (var i = 0; i < before.Count; i++) Replace(old[i], after[i]);
        LastChunk = appended.LastChunk;
        Events += read;
        return read;
    }

    /// <summary>
    /// The chunks, decoded on another core a few ahead of the fold; a decoding error is thrown
    /// where the chunk would have been read.
    /// </summary>
    private static IEnumerable<AppendedChunk> Prefetched(IEnumerable<AppendedChunk> chunks)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<AppendedChunk>(boundedCapacity: 4);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in chunks) queue.Add(chunk, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable()) yield return chunk;
        }
        finally
        {
            stop.Cancel();
            // The producer has finished or stops at its next chunk; its error (a damaged chunk) is thrown here.
            try
            {
                producer.Wait();
            }
            catch (AggregateException error) when (error.InnerException is OperationCanceledException)
            {
            }
            catch (AggregateException error) when (error.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            }
        }
    }

    /// <summary>A touched person's facts as they were before the batch, and where their linked anonymous ids are listed.</summary>
    private readonly record struct Touched(int User, long First, long Profile, int LinkedStart, int LinkedCount);

    /// <summary>A touched person's figures before the batch, from their recorded facts and the day lists as last compacted.</summary>
    private Figures OldFiguresOf(Touched person, List<(int Anonymous, long First)> linked, ProjectCalendar calendar, List<long> union)
    {
        union.Clear();
        var first = person.First;
        ActiveDays.UnionInto(union, UserDays.GetCompacted(person.User));
        for (var i = person.LinkedStart; i < person.LinkedStart + person.LinkedCount; i++)
        {
            first = Math.Min(first, linked[i].First);
            ActiveDays.UnionInto(union, AnonymousDays.GetCompacted(linked[i].Anonymous));
        }
        var signup = person.Profile != NoProfileSignup ? person.Profile : first;
        return new Figures(signup == None ? null : calendar.DayOf(signup), [.. union]);
    }

    private void Replace(Figures old, Figures now)
    {
        if (old.SignupDay != now.SignupDay)
        {
            if (old.SignupDay is { } oldDay) Tables.AddSignup(oldDay, -1);
            if (now.SignupDay is { } newDay) Tables.AddSignup(newDay, +1);
        }
        int? oldCohort = old.SignupDay is { } o ? ProjectCalendar.MonthOfDay(o) : null;
        int? newCohort = now.SignupDay is { } n ? ProjectCalendar.MonthOfDay(n) : null;
        int i = 0, j = 0;
        while (i < old.Months.Length || j < now.Months.Length)
        {
            var oldMonth = i < old.Months.Length ? ActiveDays.Month(old.Months[i]) : int.MaxValue;
            var newMonth = j < now.Months.Length ? ActiveDays.Month(now.Months[j]) : int.MaxValue;
            var month = Math.Min(oldMonth, newMonth);
            var oldMask = oldMonth == month ? ActiveDays.Mask(old.Months[i++]) : 0u;
            var newMask = newMonth == month ? ActiveDays.Mask(now.Months[j++]) : 0u;
            if (oldMask != newMask)
            {
                Tables.AddActiveDays(month, oldMask & ~newMask, -1);
                Tables.AddActiveDays(month, newMask & ~oldMask, +1);
            }
            if (oldCohort == newCohort)
            {
                if (oldCohort is { } cohort && oldMask != newMask)
                {
                    Tables.AddCell(cohort, month, oldMask, -1);
                    Tables.AddCell(cohort, month, newMask, +1);
                }
            }
            else
            {
                if (oldCohort is { } from) Tables.AddCell(from, month, oldMask, -1);
                if (newCohort is { } to) Tables.AddCell(to, month, newMask, +1);
            }
        }
    }
}
