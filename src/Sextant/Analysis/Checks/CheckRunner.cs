using Microsoft.Data.Sqlite;
using Sextant.Analysis.Revenue;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Sqlite;

namespace Sextant.Analysis.Checks;

/// <summary>
/// Data-quality tests in the spirit of dbt tests: store integrity, chunk checksums, unique event ids, identity,
/// timestamp range, events before sign-up, events without a profile, accepted values and
/// subscriptions of unknown users, and whether the last month is complete and on trend. Failing checks make <c>sextant check</c> exit non-zero.
/// </summary>
public static class CheckRunner
{
    private static readonly long EarliestTimestamp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).UnixMicroseconds;

    /// <summary>Runs every check on the store.</summary>
    public static CheckReport Run(SqliteStore store, CheckQuery query) => Run(store, query, table: null);

    /// <summary>Runs every check, reusing an EventTable already loaded from this store (null loads one).</summary>
    public static CheckReport Run(SqliteStore store, CheckQuery query, EventTable? table)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var connection = store.Connection;
        var chunks = StoreChunks.List(connection);
        var rowCount = chunks.Count == 0 ? 0L : chunks[^1].FirstRow + (long)chunks[^1].Rows;
        var checksums = ChunkChecksums(connection, chunks);
        var integrity = checksums.Status == CheckStatus.Fail ? FileIntegrity(store) : Integrity(store, chunks, rowCount);
        if (checksums.Status == CheckStatus.Fail || integrity.Status == CheckStatus.Fail) return Damaged(store, query, integrity, checksums);
        try
        {
            return new CheckReport([integrity, checksums, .. ChunkChecks(store, query, chunks, table)]);
        }
        catch (Exception exception) when (exception is SextantException or InvalidDataException or IndexOutOfRangeException or ArgumentException)
        {
            // Only columns written before checksums get this far damaged: report it, do not crash.
            return Damaged(store, query, new CheckOutcome("store_integrity", CheckStatus.Fail, 1, $"a chunk cannot be decoded: {exception.Message}"), checksums);
        }
    }

    /// <summary>Decoding a damaged chunk would fail or mislead: the damage, then the checks that need no chunk.</summary>
    private static CheckReport Damaged(SqliteStore store, CheckQuery query, CheckOutcome integrity, CheckOutcome checksums)
    {
        var checks = new List<CheckOutcome> { integrity, checksums };
        foreach (var (attribute, accepted) in query.AcceptedValues.Where(pair => pair.Value.Count > 0))
            checks.Add(AcceptedValues(store.Connection, attribute, accepted));
        checks.Add(SubscriptionsOfKnownUsers(store.Connection));
        checks.Add(InterruptedIngests(store.Connection));
        return new CheckReport(checks);
    }

    /// <summary>The checks that decode chunks, then the profile checks.</summary>
    private static List<CheckOutcome> ChunkChecks(SqliteStore store, CheckQuery query, List<ChunkInfo> chunks, EventTable? table)
    {
        var connection = store.Connection;
        var checks = new List<CheckOutcome> { UniqueIds(connection, chunks) };

        var blobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.UserCode, ChunkColumn.AnonymousCode, ChunkColumn.Timestamp);
        long withoutIdentity = 0, outOfRange = 0;
        var latest = Timestamp.FromDateTimeOffset(query.Now.AddDays(1)).UnixMicroseconds;
        for (var i = 0; i < chunks.Count; i++)
        {
            var rows = chunks[i].Rows;
            var users = new int[rows];
            var anonymous = new int[rows];
            var times = new long[rows];
            EventChunkDecoder.DecodeCodes(blobs[i][0], users);
            EventChunkDecoder.DecodeCodes(blobs[i][1], anonymous);
            EventChunkDecoder.DecodeTimestamps(blobs[i][2], times);
            for (var row = 0; row < rows; row++)
            {
                if (users[row] == 0 && anonymous[row] == 0) withoutIdentity++;
                if (times[row] < EarliestTimestamp || times[row] > latest) outOfRange++;
            }
        }
        checks.Add(Outcome("events_have_identity", withoutIdentity, CheckStatus.Fail,
            "every event has a user_id or an anonymous_id", "events have neither user_id nor anonymous_id"));
        checks.Add(Outcome("timestamps_in_range", outOfRange, CheckStatus.Fail,
            "event timestamps lie between 2000-01-01 and one day from now", "events have timestamps before 2000-01-01 or more than one day in the future"));

        var events = table ?? SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
        checks.AddRange(ProfileChecks(store, events));
        foreach (var (attribute, accepted) in query.AcceptedValues.Where(pair => pair.Value.Count > 0))
            checks.Add(AcceptedValues(connection, attribute, accepted));
        checks.Add(SubscriptionsOfKnownUsers(connection));
        checks.Add(InterruptedIngests(connection));
        checks.AddRange(LastPeriodChecks.Run(new InMemoryEngine(events).Run(new RevenueQuery()).Months));
        return checks;
    }

    /// <summary>
    /// Hashes every chunk column and compares it with the checksum written beside it; lists the
    /// damaged chunks by number. Columns written before checksums (schema version 1) are counted
    /// as not verified.
    /// </summary>
    private static CheckOutcome ChunkChecksums(SqliteConnection connection, List<ChunkInfo> chunks)
    {
        var rowsOfChunk = chunks.ToDictionary(c => c.Chunk, c => c.Rows);
        var damaged = new SortedDictionary<long, List<string>>();
        long verified = 0, unverified = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT chunk, col, data, {(StoreChunks.HasChecksums(connection) ? "checksum" : "NULL")} FROM chunk_columns ORDER BY chunk, col";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(3))
                {
                    unverified++;
                    continue;
                }
                verified++;
                if (StoreChunks.Checksum((byte[])reader.GetValue(2)) == reader.GetInt64(3)) continue;
                var chunk = reader.GetInt64(0);
                if (!damaged.TryGetValue(chunk, out var names)) damaged[chunk] = names = [];
                names.Add(StoreChunks.ColumnName((ChunkColumn)reader.GetInt32(1)));
            }
        }
        if (damaged.Count > 0)
        {
            var events = damaged.Keys.Sum(chunk => (long)rowsOfChunk.GetValueOrDefault(chunk));
            var list = string.Join("; ", damaged.Select(pair => $"chunk {pair.Key} ({string.Join(", ", pair.Value)})"));
            return new CheckOutcome("chunk_checksums", CheckStatus.Fail, events,
                $"{damaged.Count} damaged chunk{(damaged.Count == 1 ? "" : "s")} holding {events} events: {list} do not match their checksums; analyses refuse this store — restore it from a backup or ingest the source files into a new store");
        }
        if (unverified > 0)
            return new CheckOutcome("chunk_checksums", CheckStatus.Warn, 0,
                $"{unverified} chunk columns were written by an earlier Sextant without a checksum and are not verified; {verified} columns match their checksums");
        return new CheckOutcome("chunk_checksums", CheckStatus.Pass, 0, $"every chunk column ({verified}) matches its checksum");
    }

    private static CheckOutcome FileIntegrity(SqliteStore store)
    {
        var result = QuickCheck(store);
        return result == "ok"
            ? new CheckOutcome("store_integrity", CheckStatus.Pass, 0, "SQLite finds the file intact")
            : new CheckOutcome("store_integrity", CheckStatus.Fail, 1, $"SQLite reports the file damaged: {result}");
    }

    private static string? QuickCheck(SqliteStore store)
    {
        using var quick = store.Connection.CreateCommand();
        quick.CommandText = "PRAGMA quick_check";
        return quick.ExecuteScalar() as string;
    }

    private static CheckOutcome Integrity(SqliteStore store, List<ChunkInfo> chunks, long rowCount)
    {
        var result = QuickCheck(store);
        if (result != "ok")
            return new CheckOutcome("store_integrity", CheckStatus.Fail, 1, $"SQLite reports the file damaged: {result}");
        var columns = store.ScalarLong("SELECT COUNT(*) FROM chunk_columns");
        var expectedColumns = chunks.Count * (long)(Enum.GetValues<ChunkColumn>().Length);
        if (columns != expectedColumns)
            return new CheckOutcome("store_integrity", CheckStatus.Fail, Math.Abs(expectedColumns - columns), $"{chunks.Count} chunks should have {expectedColumns} column blobs, found {columns}");
        var blobs = StoreChunks.ReadColumns(store.Connection, chunks, ChunkColumn.EventId, ChunkColumn.IdHash);
        long mismatched = 0;
        var undecodable = new List<long>();
        for (var i = 0; i < chunks.Count; i++)
        {
            string?[] ids;
            long[] hashes;
            try
            {
                ids = EventChunkDecoder.DecodeStrings(blobs[i][0], chunks[i].Rows);
                hashes = EventChunkDecoder.DecodeHashes(blobs[i][1], chunks[i].Rows);
            }
            catch (Exception exception) when (exception is InvalidDataException or IndexOutOfRangeException or ArgumentException)
            {
                undecodable.Add(chunks[i].Chunk);
                continue;
            }
            for (var row = 0; row < ids.Length; row++) if (ids[row] is null || StableHash.Of(ids[row]!) != hashes[row]) mismatched++;
        }
        if (undecodable.Count > 0)
            return new CheckOutcome("store_integrity", CheckStatus.Fail, undecodable.Sum(chunk => (long)chunks.First(c => c.Chunk == chunk).Rows),
                $"chunk{(undecodable.Count == 1 ? "" : "s")} {string.Join(", ", undecodable)} cannot be decoded (event_id or id_hash column): the store is damaged");
        if (mismatched > 0)
            return new CheckOutcome("store_integrity", CheckStatus.Fail, mismatched, $"{mismatched} stored events have an id hash that does not match their id");
        return new CheckOutcome("store_integrity", CheckStatus.Pass, 0, $"file intact; {chunks.Count} chunks, {rowCount} events, every id hash matches its id");
    }

    private static CheckOutcome UniqueIds(SqliteConnection connection, List<ChunkInfo> chunks)
    {
        var blobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.EventId);
        var all = new long[chunks.Sum(c => (long)c.Rows)];
        var ids = new string?[chunks.Count][];
        StoreChunks.DecodeAll(chunks, i =>
        {
            ids[i] = EventChunkDecoder.DecodeStrings(blobs[i][0], chunks[i].Rows);
            for (var row = 0; row < chunks[i].Rows; row++) all[chunks[i].FirstRow + row] = StableHash.Of(ids[i][row] ?? "");
        });
        var sorted = (long[])all.Clone();
        Array.Sort(sorted);
        var suspects = new HashSet<long>();
        for (var i = 1; i < sorted.Length; i++) if (sorted[i] == sorted[i - 1]) suspects.Add(sorted[i]);
        long duplicates = 0;
        if (suspects.Count > 0)
        {
            // Equal hashes are compared by the ids themselves: a hash collision is not a duplicate.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < chunks.Count; i++)
                for (var row = 0; row < chunks[i].Rows; row++)
                    if (suspects.Contains(all[chunks[i].FirstRow + row]) && !seen.Add(ids[i][row] ?? "")) duplicates++;
        }
        return Outcome("unique_event_ids", duplicates, CheckStatus.Fail, "every event id is stored once", "event ids are stored more than once");
    }

    private static IEnumerable<CheckOutcome> ProfileChecks(SqliteStore store, EventTable table)
    {
        var profileSignups = new Dictionary<string, long>(StringComparer.Ordinal);
        var profiles = new HashSet<string>(StringComparer.Ordinal);
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT user_id, signup_at FROM users";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                profiles.Add(reader.GetString(0));
                if (!reader.IsDBNull(1)) profileSignups[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        long beforeSignup = 0, withoutProfile = 0;
        var usersWithoutProfile = 0;
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var start = table.UserOffsets[user];
            var end = table.UserOffsets[user + 1];
            if (start == end) continue;
            var key = table.UserKeys[user];
            if (!profiles.Contains(key))
            {
                withoutProfile += end - start;
                usersWithoutProfile++;
            }
            if (profileSignups.TryGetValue(key, out var signup))
                for (var row = start; row < end && table.Timestamps[row] < signup; row++) beforeSignup++;
        }
        yield return Outcome("events_before_signup", beforeSignup, CheckStatus.Warn,
            "no event of a user precedes the user's signup_at", "events precede their user's signup_at (often anonymous pre-signup activity)");
        yield return Outcome("events_have_profile", withoutProfile, CheckStatus.Warn,
            "every identified user with events has a profile", $"events belong to {usersWithoutProfile} users without a profile (ingest user profiles)");
    }

    private static CheckOutcome AcceptedValues(SqliteConnection connection, string attribute, IReadOnlyList<string> accepted)
    {
        using var command = connection.CreateCommand();
        var parameters = accepted.Select((_, i) => "$v" + i).ToList();
        command.CommandText = $"SELECT COUNT(*) FROM users WHERE {attribute} IS NOT NULL AND {attribute} NOT IN ({string.Join(",", parameters)})";
        for (var i = 0; i < accepted.Count; i++) command.Parameters.AddWithValue(parameters[i], accepted[i]);
        var failing = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return Outcome($"accepted_values_{attribute}", failing, CheckStatus.Fail,
            $"every user's {attribute} is one of: {string.Join(", ", accepted)}", $"users have a {attribute} outside: {string.Join(", ", accepted)}");
    }

    private static CheckOutcome SubscriptionsOfKnownUsers(SqliteConnection connection)
    {
        var known = new HashSet<string>(new StoreDictionaries(connection).Values(DictionaryKind.UserId), StringComparer.Ordinal);
        long failing = 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM subscriptions";
        using var reader = command.ExecuteReader();
        while (reader.Read()) if (!known.Contains(reader.GetString(0))) failing++;
        return Outcome("subscriptions_have_known_user", failing, CheckStatus.Fail,
            "every subscription's user has a profile or events", "subscriptions belong to users with neither a profile nor events");
    }

    private static CheckOutcome InterruptedIngests(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ingest_runs WHERE status = 'running'";
        var interrupted = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return Outcome("ingests_completed", interrupted, CheckStatus.Warn,
            "every ingest ran to its end", "ingests stopped before their end; the store holds their committed batches — run the same ingest again to complete them");
    }

    private static CheckOutcome Outcome(string name, long failing, CheckStatus severity, string rule, string problem) =>
        failing == 0
            ? new CheckOutcome(name, CheckStatus.Pass, 0, rule)
            : new CheckOutcome(name, severity, failing, $"{failing} {problem}");
}
