using Sextant.Storage.Sqlite;

namespace Sextant.Synthetic;

/// <summary>Writes generated records straight into a store, skipping CSV, in committed batches.</summary>
public static class ScenarioStoreWriter
{
    private const int BatchSize = 65_536;

    /// <summary>Stores users, events, subscriptions and assignments; returns the events inserted.</summary>
    public static long Write(GeneratedData data, SqliteStore store)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        var dictionaries = new StoreDictionaries(connection);
        var profiles = new SqliteProfileWriter(connection, dictionaries);
        var events = new SqliteEventWriter(connection, dictionaries);
        long inserted = 0;

        void InBatches<T>(IReadOnlyList<T> records, Action<IReadOnlyList<T>, Microsoft.Data.Sqlite.SqliteTransaction> write)
        {
            for (var start = 0; start < records.Count; start += BatchSize)
            {
                using var transaction = connection.BeginTransaction();
                dictionaries.Refresh(transaction);
                var batch = records.Skip(start).Take(BatchSize).ToList();
                write(batch, transaction);
                events.Finish(transaction);
                dictionaries.Flush(transaction);
                transaction.Commit();
                dictionaries.Accept();
            }
        }

        InBatches(data.Users, (batch, transaction) => { foreach (var user in batch) profiles.WriteUser(user, transaction); });
        InBatches(data.Events, (batch, transaction) => inserted += events.Add(batch, run: 0, transaction));
        InBatches(data.Subscriptions, (batch, transaction) => { foreach (var subscription in batch) profiles.WriteSubscription(subscription, transaction); });
        InBatches(data.Assignments, (batch, transaction) => { foreach (var assignment in batch) profiles.WriteAssignment(assignment, transaction); });
        return inserted;
    }
}
