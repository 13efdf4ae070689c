using Microsoft.Data.Sqlite;
using Sextant.Events;
using SQLitePCL;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Upserts users, subscriptions and assignments. A record identical to the stored one is a
/// duplicate; a differing one updates it (see docs/STORAGE.md for the merge rules).
/// </summary>
internal sealed class SqliteProfileWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StoreDictionaries _dictionaries;
    private readonly Dictionary<string, (sqlite3_stmt Statement, int[] Slots)> _statements = new(StringComparer.Ordinal);

    public SqliteProfileWriter(SqliteConnection connection, StoreDictionaries dictionaries)
    {
        _connection = connection;
        _dictionaries = dictionaries;
    }

    /// <summary>
    /// Inserts a user, or merges it into the stored one: values present in the new record
    /// replace stored ones, missing values keep what is stored.
    /// </summary>
    public WriteOutcome WriteUser(UserProfile user, SqliteTransaction transaction)
    {
        _dictionaries.GetOrAdd(DictionaryKind.UserId, user.UserId);
        object[] values =
        [
            user.UserId, Nullable(user.SignupAt?.UnixMicroseconds), Nullable(user.Segment), Nullable(user.Channel),
            Nullable(user.Plan), Nullable(user.Country), Nullable(user.Platform), Nullable(user.WorkspaceId), user.TraitsJson,
        ];
        if (Execute(transaction, """
            INSERT OR IGNORE INTO users(user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            """, values) == 1)
            return WriteOutcome.Inserted;

        return Execute(transaction, """
            UPDATE users SET signup_at = COALESCE($p1, signup_at), segment = COALESCE($p2, segment),
                channel = COALESCE($p3, channel), plan = COALESCE($p4, plan), country = COALESCE($p5, country),
                platform = COALESCE($p6, platform), workspace_id = COALESCE($p7, workspace_id),
                traits = CASE WHEN $p8 = '{}' THEN traits ELSE $p8 END
            WHERE user_id = $p0 AND NOT (
                signup_at IS COALESCE($p1, signup_at) AND segment IS COALESCE($p2, segment)
                AND channel IS COALESCE($p3, channel) AND plan IS COALESCE($p4, plan)
                AND country IS COALESCE($p5, country) AND platform IS COALESCE($p6, platform)
                AND workspace_id IS COALESCE($p7, workspace_id) AND ($p8 = '{}' OR traits = $p8))
            """, values) == 1 ? WriteOutcome.Updated : WriteOutcome.Duplicate;
    }

    /// <summary>Inserts a subscription or replaces the stored one with the same id (its latest state).</summary>
    public WriteOutcome WriteSubscription(Subscription subscription, SqliteTransaction transaction)
    {
        object[] values =
        [
            subscription.SubscriptionId, subscription.UserId, subscription.Plan, subscription.Status,
            subscription.StartAt.UnixMicroseconds, Nullable(subscription.EndAt?.UnixMicroseconds),
            subscription.Mrr.ToString(System.Globalization.CultureInfo.InvariantCulture), subscription.Currency,
        ];
        if (Execute(transaction, """
            INSERT OR IGNORE INTO subscriptions(subscription_id, user_id, plan, status, start_at, end_at, mrr, currency)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)
            """, values) == 1)
            return WriteOutcome.Inserted;

        return Execute(transaction, """
            UPDATE subscriptions SET user_id = $p1, plan = $p2, status = $p3, start_at = $p4, end_at = $p5, mrr = $p6, currency = $p7
            WHERE subscription_id = $p0 AND NOT (user_id IS $p1 AND plan IS $p2 AND status IS $p3
                AND start_at IS $p4 AND end_at IS $p5 AND mrr IS $p6 AND currency IS $p7)
            """, values) == 1 ? WriteOutcome.Updated : WriteOutcome.Duplicate;
    }

    /// <summary>Inserts an assignment; a repeat keeps the earliest exposure instant.</summary>
    public WriteOutcome WriteAssignment(Assignment assignment, SqliteTransaction transaction)
    {
        object[] values = [assignment.Experiment, assignment.UserId, assignment.Variant, assignment.AssignedAt.UnixMicroseconds];
        if (Execute(transaction, """
            INSERT OR IGNORE INTO assignments(experiment, user_id, variant, assigned_at) VALUES ($p0, $p1, $p2, $p3)
            """, values) == 1)
            return WriteOutcome.Inserted;

        return Execute(transaction, """
            UPDATE assignments SET assigned_at = $p3
            WHERE experiment = $p0 AND user_id = $p1 AND variant = $p2 AND assigned_at > $p3
            """, values) == 1 ? WriteOutcome.Updated : WriteOutcome.Duplicate;
    }

    private static object Nullable(object? value) => value ?? DBNull.Value;

    /// <summary>Finalizes the prepared statements; the connection stays open.</summary>
    public void Dispose()
    {
        foreach (var (statement, _) in _statements.Values) statement.Dispose();
        _statements.Clear();
    }

    /// <summary>
    /// Runs one statement with positional values and returns the rows it changed. Statements are
    /// prepared once and run through SQLite's own API: binding and stepping through the ADO.NET
    /// command (parameter lookups by name, a data reader per call) cost more than the write.
    /// </summary>
    private int Execute(SqliteTransaction transaction, string sql, object[] values)
    {
        _ = transaction; // the statement runs inside it: the connection holds one transaction at a time
        var db = _connection.Handle!;
        if (!_statements.TryGetValue(sql, out var prepared))
        {
            Check(raw.sqlite3_prepare_v2(db, sql, out var created), db);
            // $pN may first appear anywhere in the text, so its position is looked up by name, once.
            var slots = new int[values.Length];
            for (var i = 0; i < slots.Length; i++) slots[i] = raw.sqlite3_bind_parameter_index(created, "$p" + i);
            prepared = (created, slots);
            _statements[sql] = prepared;
        }
        var (statement, slotOf) = prepared;
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var rc = values[i] switch
                {
                    string text => raw.sqlite3_bind_text(statement, slotOf[i], text),
                    long number => raw.sqlite3_bind_int64(statement, slotOf[i], number),
                    _ => raw.sqlite3_bind_null(statement, slotOf[i]),
                };
                Check(rc, db);
            }
            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_DONE) Check(step, db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
