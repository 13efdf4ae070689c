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

        var deltas = new TableDeltas(sources.Count);
        var touched = new bool[_userFirst.Length];
        var before = new List<Touched>();
        var linkedBefore = new List<(int Anonymous, long First)>();
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
                deltas.AddEvents(day, chunk.SourceCodes[row], 1);
                if (RefreshTables.ParseRevenue(chunk.Revenue[row]) is { } amount) deltas.AddRevenue(day, amount);
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

        // Each touched person's old figures are taken out of the tables and their new ones put in.
        // Both only read the state, so people are replaced on every core, each core gathering its
        // own deltas; the deltas are sums, so the order they are merged in does not matter.
        var gate = new object();
        Parallel.For(0, before.Count, () => new Scratch(sources.Count), (i, _, scratch) =>
        {
            Replace(before[i], linkedBefore, calendar!, scratch);
            return scratch;
        }, scratch =>
        {
            lock (gate) scratch.Deltas.MergeInto(deltas);
        });
        deltas.ApplyTo(Tables, sources);
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

    /// <summary>One core's buffers for replacing people: their old and new active months, and the deltas gathered.</summary>
    private sealed class Scratch(int sourceCount)
    {
        public MonthUnion Old { get; } = new();

        public MonthUnion Now { get; } = new();

        public TableDeltas Deltas { get; } = new(sourceCount);
    }

    /// <summary>Takes a touched person's figures before the batch out of the tables (as deltas) and puts their new ones in.</summary>
    private void Replace(Touched person, List<(int Anonymous, long First)> linked, ProjectCalendar calendar, Scratch scratch)
    {
        var oldDay = OldFiguresOf(person, linked, calendar, scratch.Old);
        var newDay = FiguresOf(person.User, calendar, scratch.Now);
        var deltas = scratch.Deltas;
        if (oldDay != newDay)
        {
            if (oldDay != NoDay) deltas.AddSignup(oldDay, -1);
            if (newDay != NoDay) deltas.AddSignup(newDay, +1);
        }
        var oldCohort = oldDay == NoDay ? NoDay : ProjectCalendar.MonthOfDay(oldDay);
        var newCohort = newDay == NoDay ? NoDay : ProjectCalendar.MonthOfDay(newDay);
        var old = scratch.Old.Entries;
        var now = scratch.Now.Entries;
        int i = 0, j = 0;
        while (i < old.Length || j < now.Length)
        {
            var oldMonth = i < old.Length ? ActiveDays.Month(old[i]) : int.MaxValue;
            var newMonth = j < now.Length ? ActiveDays.Month(now[j]) : int.MaxValue;
            var month = Math.Min(oldMonth, newMonth);
            var oldMask = oldMonth == month ? ActiveDays.Mask(old[i++]) : 0u;
            var newMask = newMonth == month ? ActiveDays.Mask(now[j++]) : 0u;
            if (oldMask != newMask)
            {
                deltas.AddActiveDays(month, oldMask & ~newMask, -1);
                deltas.AddActiveDays(month, newMask & ~oldMask, +1);
            }
            if (oldCohort == newCohort)
            {
                if (oldCohort != NoDay && oldMask != newMask)
                {
                    deltas.AddCell(oldCohort, month, oldMask, -1);
                    deltas.AddCell(oldCohort, month, newMask, +1);
                }
            }
            else
            {
                if (oldCohort != NoDay) deltas.AddCell(oldCohort, month, oldMask, -1);
                if (newCohort != NoDay) deltas.AddCell(newCohort, month, newMask, +1);
            }
        }
    }

    /// <summary>A touched person's sign-up day (<see cref="NoDay"/> when none) and active months before the batch, from their recorded facts and the day lists as last compacted.</summary>
    private int OldFiguresOf(Touched person, List<(int Anonymous, long First)> linked, ProjectCalendar calendar, MonthUnion months)
    {
        months.Clear();
        var first = person.First;
        months.Add(UserDays.GetCompacted(person.User));
        for (var i = person.LinkedStart; i < person.LinkedStart + person.LinkedCount; i++)
        {
            first = Math.Min(first, linked[i].First);
            months.Add(AnonymousDays.GetCompacted(linked[i].Anonymous));
        }
        var signup = person.Profile != NoProfileSignup ? person.Profile : first;
        return signup == None ? NoDay : calendar.DayOf(signup);
    }
}
